#include "filter/squid_helper.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "core/text.h"
#include "filter/school_lists_reader.h"
#include "filter/school_policy.h"
#include "filter/search_terms.h"
#include "filter/squid_protocol.h"
#include "filter/url_normaliser.h"
#include "profile/profile_loader.h"

namespace inloco::filter {
namespace {

constexpr size_t kReadChunk = 1 << 20;  // one read() of requests
constexpr size_t kMaxLine = 4 << 20;    // longer is not a request: skipped
constexpr std::string_view kUnreadable = "invalid";
constexpr std::string_view kBanned = "banned";
constexpr std::string_view kBannedMessage =
    "You cannot use the school network on your own for now, after attempts to get round the "
    "filter. A member of staff can supervise you; ask them or ICT.";

// `user` in lower case (the tables are).
template <typename Value>
const Value* find_user(const std::vector<std::pair<std::string, Value>>& table,
                       std::string_view user) {
  if (user.empty() || table.empty()) return nullptr;
  auto it = std::lower_bound(table.begin(), table.end(), user,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  return it != table.end() && it->first == user ? &it->second : nullptr;
}

std::string_view token(const HelperLine& line, int index) {
  if (index <= 0 || static_cast<size_t>(index) > line.tokens.size()) return {};
  return line.tokens[static_cast<size_t>(index) - 1];
}

Status write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      return Error::unavailable(std::string("Cannot write answers to Squid: ") +
                                (n < 0 ? std::strerror(errno) : "nothing written"));
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return ok_status();
}

}  // namespace

std::string block_message(std::string_view category) {
  std::string readable(category);
  for (char& c : readable)
    if (c == '_') c = ' ';
  if (readable.empty() || category == kUnreadable)
    return "This address could not be read, so it is blocked on the school network.";
  return "This site is blocked on the school network (" + readable + ").";
}

Result<std::unique_ptr<SquidHelper::Engine>> SquidHelper::Engine::load(
    const SquidHelperOptions& options) {
  auto engine = std::unique_ptr<Engine>(new Engine());
  engine->snapshot_ = TRY(Snapshot::open(options.snapshot_path));
  std::vector<CategoryId> order;
  for (const auto& name : options.category_order) {
    auto id = engine->snapshot_->find_category(name);
    if (!id)
      return Error::invalid("The category order names \"" + name + "\", which " +
                            options.snapshot_path +
                            " does not hold. Use a category of the lists, or compile them again.");
    order.push_back(*id);
  }
  engine->matcher_ = std::make_unique<Matcher>(*engine->snapshot_);
  if (options.profile_path.empty() && options.school_lists_dir.empty()) {
    engine->policy_ = std::make_unique<BlockListedPolicy>(std::move(order));
    return engine;
  }
  if (!order.empty())
    return Error::invalid(
        "--category-order is for filtering without the school's rules; with them, each block "
        "names the rule it comes from.");
  PolicyProfile profile;
  std::vector<PolicyException> exceptions;
  if (!options.school_lists_dir.empty()) {
    SchoolLists lists = TRY(read_school_lists(options.school_lists_dir));
    profile = std::move(lists.profile);
    exceptions = std::move(lists.exceptions);
    for (PersonGroup& p : lists.people)
      engine->people_.emplace_back(std::move(p.username), std::move(p.group));
    for (NetworkBan& b : lists.bans)
      engine->bans_.emplace_back(std::move(b.username), b.supervised_until);
    std::sort(engine->people_.begin(), engine->people_.end());
    std::sort(engine->bans_.begin(), engine->bans_.end());
  } else {
    profile = TRY(load_profile_file(options.profile_path));
  }
  engine->exceptions_ = exceptions.size();
  SchoolPolicy policy =
      TRY(SchoolPolicy::build(profile.filter, *engine->snapshot_, std::move(exceptions)));
  for (const std::string& name : policy.unknown_categories())
    engine->warnings_.push_back("the profile names the category '" + name +
                                "', which the snapshot's lists do not have; it blocks nothing");
  engine->policy_ = std::make_unique<SchoolPolicy>(std::move(policy));
  engine->has_profile_ = true;
  return engine;
}

std::string_view SquidHelper::Engine::kind_group(std::string_view user) const {
  const std::string* group = find_user(people_, user);
  return group ? std::string_view(*group) : std::string_view();
}

bool SquidHelper::Engine::banned(std::string_view user, int64_t now) const {
  const int64_t* supervised_until = find_user(bans_, user);
  return supervised_until && now >= *supervised_until;
}

std::string SquidHelper::loaded_summary() const {
  std::string text =
      options_.snapshot_path + " (" + std::to_string(snapshot().domain_count()) + " domains)";
  if (!engine_->has_profile()) return text + ", every listed site blocked";
  if (options_.school_lists_dir.empty()) return text + ", the rules of " + options_.profile_path;
  return text + ", the school's rules from " + options_.school_lists_dir + " with " +
         std::to_string(engine_->exceptions()) + " exceptions, " +
         std::to_string(engine_->people()) + " people and " + std::to_string(engine_->bans()) +
         " bans";
}

Result<std::unique_ptr<SquidHelper>> SquidHelper::create(SquidHelperOptions options,
                                                         std::optional<DecisionLog> log,
                                                         const Clock& clock) {
  if (options.snapshot_path.empty())
    return Error::invalid("Give the snapshot to filter with: --snapshot FILE.");
  if (!options.profile_path.empty() && !options.school_lists_dir.empty())
    return Error::invalid(
        "Give the school's rules once: --school-lists DIR (which holds the profile) or "
        "--profile FILE, not both.");
  if (options.mode == HelperMode::kRewrite && options.block_page.empty())
    return Error::invalid(
        "Rewrite mode sends blocked requests to the school's block page: give it with "
        "--block-page URL.");
  auto engine = TRY(Engine::load(options));
  return std::unique_ptr<SquidHelper>(
      new SquidHelper(std::move(options), std::move(log), clock, std::move(engine)));
}

Status SquidHelper::reload() {
  auto engine = Engine::load(options_);
  if (!engine.ok()) return std::move(engine).error();
  engine_ = std::move(engine).value();
  ++reloads_;
  return ok_status();
}

Status SquidHelper::flush_log() { return log_ ? log_->flush() : ok_status(); }

std::string SquidHelper::blocked_answer(std::optional<std::string_view> channel,
                                        std::string_view raw_url, std::string_view category,
                                        const std::string& rule, std::string_view message) const {
  if (options_.mode == HelperMode::kRewrite) {
    std::string target = options_.block_page;
    target += target.find('?') == std::string::npos ? '?' : '&';
    target += "url=" + percent_encode_component(raw_url);
    target += "&category=" + percent_encode_component(category);
    return format_answer(channel, "OK", {{"status", "302"}, {"url", std::move(target)}});
  }
  std::vector<AnswerPair> pairs = {
      {"message", message.empty() ? block_message(category) : std::string(message)}};
  if (!category.empty()) pairs.push_back({"tag", std::string(category)});
  pairs.push_back({"log", rule});
  return format_answer(channel, "ERR", pairs);
}

std::string SquidHelper::answer(std::string_view line) {
  HelperLine request = parse_helper_line(line);
  if (request.tokens.empty())
    return format_answer(request.channel, "BH",
                         {{"message", "inloco-squid-helper was sent a request with no URL."}});
  // One engine for the whole request: reloads happen only between calls
  // (run() checks its flag between lines), never during one.
  const Engine& engine = *engine_;
  std::string_view raw_url = request.tokens.front();
  std::string user = decode_token(token(request, options_.user_token));
  std::string source = decode_token(token(request, options_.src_token));
  if (size_t slash = source.find('/'); slash != std::string::npos) source.resize(slash);
  int64_t now = clock_.now();
  // Lowered once here for the people and bans tables, which are lower case.
  const std::string folded_user =
      engine.has_profile() && !user.empty() ? ascii_lower(user) : std::string();

  std::string answer_line;
  std::string rule, category;
  std::optional<std::string> terms;
  Verdict verdict = Verdict::kBlock;
  auto url = normalise_url(raw_url);
  if (!url.ok()) {
    rule = "invalid:" + url.error().message;
    category = std::string(kUnreadable);
    answer_line = blocked_answer(request.channel, raw_url, category, rule);
  } else if (engine.banned(folded_user, now)) {
    terms = search_terms(*url);
    rule = "ban:circumvention";
    category = std::string(kBanned);
    answer_line = blocked_answer(request.channel, raw_url, category, rule, kBannedMessage);
  } else {
    std::vector<Match> matches = engine.matcher().match_all(*url);
    Request asked{*url, user, source, now};
    asked.kind_group = engine.kind_group(folded_user);
    Decision decision = engine.policy().decide(asked, matches);
    verdict = decision.verdict;
    terms = search_terms(*url);
    if (verdict == Verdict::kBlock || decision.because || !decision.rule.empty()) {
      category = decision.category_text();
      rule = decision.rule_text();
    } else if (!matches.empty()) {
      category = matches.front().category_name;  // listed, and allowed for this person now
    }
    answer_line = verdict == Verdict::kBlock
                      ? blocked_answer(request.channel, raw_url, category, rule, decision.message)
                      : format_answer(request.channel, "OK");
  }
  if (log_) {
    log_->add({now, user, source, raw_url, terms ? std::string_view(*terms) : std::string_view(),
               verdict_name(verdict), category, rule});
  }
  return answer_line;
}

Status SquidHelper::run(int in_fd, int out_fd, std::atomic<bool>* reload_requested,
                        const std::function<void(const std::string&)>& warn) {
  auto check_reload = [&] {
    if (reload_requested == nullptr || !reload_requested->exchange(false)) return;
    Status st = reload();
    if (!st.ok())
      warn("inloco-squid-helper: reload failed, still using the previous snapshot: " +
           st.error().message);
    else {
      warn("inloco-squid-helper: reloaded " + loaded_summary());
      for (const std::string& w : load_warnings()) warn("inloco-squid-helper: warning: " + w);
    }
  };
  std::string buffer;  // unanswered bytes: at most one partial line
  std::string chunk(kReadChunk, '\0');
  std::string out;
  bool skipping = false;  // inside an over-long line, dropped up to its LF
  bool eof = false;
  bool log_healthy = true;
  while (!eof) {
    check_reload();
    ssize_t n = ::read(in_fd, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::unavailable(std::string("Cannot read requests from Squid: ") +
                                std::strerror(errno));
    }
    if (n == 0) {
      eof = true;
      if (!buffer.empty() && !skipping) buffer.push_back('\n');  // a last line without LF
    } else {
      std::string_view data(chunk.data(), static_cast<size_t>(n));
      if (skipping) {
        size_t lf = data.find('\n');
        if (lf == std::string_view::npos) continue;
        skipping = false;
        data.remove_prefix(lf + 1);
      }
      buffer.append(data);
    }
    size_t start = 0;
    for (size_t lf; (lf = buffer.find('\n', start)) != std::string::npos; start = lf + 1) {
      check_reload();
      out += answer(std::string_view(buffer).substr(start, lf - start));
    }
    buffer.erase(0, start);
    if (buffer.size() > kMaxLine) {
      // Not a request Squid would send; answer it as unreadable and drop the
      // rest of it, so that answers stay in step with requests.
      HelperLine head = parse_helper_line(std::string_view(buffer).substr(0, 32));
      std::string rule = "invalid:the request line is longer than 4 MiB";
      out += blocked_answer(head.channel, "", kUnreadable, rule);
      if (log_)
        log_->add({clock_.now(), {}, {}, {}, {}, verdict_name(Verdict::kBlock), kUnreadable, rule});
      buffer.clear();
      skipping = true;
    }
    if (!out.empty()) {
      TRY(write_all(out_fd, out));
      out.clear();
    }
    Status logged = flush_log();
    if (!logged.ok() && log_healthy) warn("inloco-squid-helper: " + logged.error().message);
    log_healthy = logged.ok();  // one warning per failure, not one per batch
  }
  return ok_status();
}

}  // namespace inloco::filter

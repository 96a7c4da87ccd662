#include "filter/squid_helper.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "filter/search_terms.h"
#include "filter/squid_protocol.h"
#include "filter/url_normaliser.h"

namespace inloco::filter {
namespace {

constexpr size_t kReadChunk = 1 << 20;  // one read() of requests
constexpr size_t kMaxLine = 4 << 20;    // longer is not a request: skipped
constexpr std::string_view kUnreadable = "invalid";

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
  engine->policy_ = std::make_unique<BlockListedPolicy>(std::move(order));
  return engine;
}

Result<std::unique_ptr<SquidHelper>> SquidHelper::create(SquidHelperOptions options,
                                                         std::optional<DecisionLog> log,
                                                         const Clock& clock) {
  if (options.snapshot_path.empty())
    return Error::invalid("Give the snapshot to filter with: --snapshot FILE.");
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
                                        const std::string& rule) const {
  if (options_.mode == HelperMode::kRewrite) {
    std::string target = options_.block_page;
    target += target.find('?') == std::string::npos ? '?' : '&';
    target += "url=" + percent_encode_component(raw_url);
    target += "&category=" + percent_encode_component(category);
    return format_answer(channel, "OK", {{"status", "302"}, {"url", std::move(target)}});
  }
  std::vector<AnswerPair> pairs = {{"message", block_message(category)}};
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

  std::string answer_line;
  std::string rule, category;
  std::optional<std::string> terms;
  Verdict verdict = Verdict::kBlock;
  auto url = normalise_url(raw_url);
  if (!url.ok()) {
    rule = "invalid:" + url.error().message;
    category = std::string(kUnreadable);
    answer_line = blocked_answer(request.channel, raw_url, category, rule);
  } else {
    std::vector<Match> matches = engine.matcher().match_all(*url);
    Decision decision = engine.policy().decide(Request{*url, user, source, now}, matches);
    verdict = decision.verdict;
    terms = search_terms(*url);
    if (decision.because) {
      rule = decision.because->rule();
      category = decision.because->category_name;
    }
    answer_line = verdict == Verdict::kBlock
                      ? blocked_answer(request.channel, raw_url, category, rule)
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
    else
      warn("inloco-squid-helper: reloaded " + options_.snapshot_path + " (" +
           std::to_string(snapshot().domain_count()) + " domains)");
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

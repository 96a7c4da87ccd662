// inloco filter: the web filter's lists (NET-1, NET-4, NET-6, LAW-8).
//   inloco filter compile --lists DIR [--lists DIR2 ...] -o SNAPSHOT
//       reads squidGuard-format category folders (later folders add to the
//       categories of earlier ones), prints each bad line as FILE:LINE:
//       message, a progress bar when standard error is a terminal, and a
//       summary; writes the snapshot atomically.
//   inloco filter check --snapshot SNAPSHOT [--profile FILE.toml | --school CODE [--db URL]]
//                       [--group G] [--user U] [--src IP] [--at "2026-11-23T10:30"] [FILE|-]
//       one URL per line in; "URL<TAB>allow|block<TAB>category<TAB>rule" out
//       ("-" for none; the category column lists the decisive category
//       first, then every other that matched, comma-separated). A URL that cannot be read is
//       blocked with the rule "invalid:<why>" (fail closed). Without a
//       profile every listed URL is blocked; with one, the school's policy
//       decides (school_policy.h) for the request's group, user, source
//       address and time (--at, the school's local time; now by default),
//       and with --school the unblock exceptions in force apply too.
// Exit status: compile 0 (problems are warnings), 2 when it cannot run;
// check 0 when every URL was allowed, 1 when any was blocked, 2 when the
// snapshot cannot be opened.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/filter_rules_source.h"
#include "filter/list_compiler.h"
#include "filter/matcher.h"
#include "filter/policy.h"
#include "filter/school_policy.h"
#include "filter/snapshot.h"
#include "filter/snapshot_writer.h"
#include "filter/url_normaliser.h"

namespace inloco::cli {

namespace {

struct FilterArgs {
  std::vector<std::string> lists;
  std::string output;
  std::string snapshot;
  std::string input = "-";
  std::string profile;  // a profile file
  std::string school;   // or a school's code: its current profile and exceptions
  std::string db;
  std::string group;
  std::string user;
  std::string source;
  std::string at;  // "YYYY-MM-DDTHH:MM", the school's local time
};

// "2026-11-23T10:30" in the school's local time (Europe/London) -> Unix
// seconds; a trailing "Z" means UTC.
Result<int64_t> parse_at(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  char tail[2] = {0, 0};
  std::string s(text);
  int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%1c", &y, &mo, &d, &h, &mi, tail);
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if ((n != 5 && !(n == 6 && tail[0] == 'Z')) || !ymd.ok() || h > 23 || mi > 59 || h < 0 || mi < 0)
    return Error::invalid("--at '" + s +
                          "' is not a date and time: write it like 2026-11-23T10:30.");
  sys_seconds wall = sys_days{ymd} + hours{h} + minutes{mi};
  if (n == 6) return wall.time_since_epoch().count();
  filter::LocalTime want{static_cast<int>(weekday{sys_days{ymd}}.iso_encoding()) - 1, h * 60 + mi};
  for (auto offset : {hours{1}, hours{0}})  // BST first, then GMT
    if (filter::school_local_time(wall - offset) == want)
      return (wall - offset).time_since_epoch().count();
  return wall.time_since_epoch().count();  // the hour skipped in spring
}

// The school's policy from --profile or --school, or null for none.
// `now` is when the unblock exceptions must be in force.
Result<std::unique_ptr<filter::Policy>> school_policy(const FilterArgs& a,
                                                      const filter::Snapshot& snapshot,
                                                      int64_t now) {
  if (a.profile.empty() && a.school.empty()) {
    if (!a.group.empty())
      return Error::invalid("--group needs the school's rules: give --profile or --school.");
    return std::unique_ptr<filter::Policy>();
  }
  FilterRulesSource source = TRY(load_filter_rules({a.profile, a.school, a.db, {}}, now));
  auto policy = TRY(
      filter::SchoolPolicy::build(source.profile.filter, snapshot, std::move(source.exceptions)));
  for (const std::string& name : policy.unknown_categories())
    std::cerr << "warning: the profile names the category '" << name
              << "', which the lists do not have; it blocks nothing\n";
  if (!a.group.empty()) TRY(check_filter_group(source.profile.filter, a.group));
  return std::unique_ptr<filter::Policy>(std::make_unique<filter::SchoolPolicy>(std::move(policy)));
}

int run_compile(const FilterArgs& a) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::filesystem::path> folders(a.lists.begin(), a.lists.end());
  bool tty = ::isatty(STDERR_FILENO) == 1;
  int last_percent = -1;
  filter::CompileProgress progress;
  if (tty) {
    progress = [&](uint64_t done, uint64_t total, const std::string&) {
      int percent = total ? static_cast<int>(done * 100 / total) : 100;
      if (percent == last_percent) return;
      last_percent = percent;
      std::string bar(static_cast<size_t>(percent / 2), '#');
      bar.resize(50, ' ');
      std::fprintf(stderr, "\rreading lists [%s] %3d%%", bar.c_str(), percent);
      std::fflush(stderr);
    };
  }
  auto lists = filter::compile_lists(folders, progress);
  if (tty) std::fprintf(stderr, "\n");
  if (!lists.ok()) {
    print_error(lists.error());
    return 2;
  }
  for (const auto& p : lists->problems) std::cerr << p.to_string() << "\n";
  auto stats = filter::write_snapshot(*lists, a.output);
  if (!stats.ok()) {
    print_error(stats.error());
    return 2;
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "categories: " << stats->categories << " (and " << stats->aliases
            << " aliases); domains: " << stats->domains << "; url entries: " << stats->urls
            << "; expressions: " << stats->expressions << "; problems: " << lists->problems.size()
            << "\n"
            << "wrote " << a.output << " (" << stats->bytes << " bytes) in "
            << static_cast<long>(ms) << " ms\n";
  return 0;
}

// One output field: tabs and line breaks would break the line format.
std::string field(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

int run_check(const FilterArgs& a, const Clock& clock) {
  auto snapshot = filter::Snapshot::open(a.snapshot);
  if (!snapshot.ok()) {
    print_error(snapshot.error());
    return 2;
  }
  filter::Matcher matcher(**snapshot);
  const int64_t now = clock.now();
  auto chosen = school_policy(a, **snapshot, now);
  if (!chosen.ok()) {
    print_error(chosen.error());
    return 2;
  }
  filter::BlockListedPolicy block_listed;
  const filter::Policy& policy = *chosen ? **chosen : block_listed;
  int64_t when = now;
  if (!a.at.empty()) {
    auto at = parse_at(a.at);
    if (!at.ok()) {
      print_error(at.error());
      return 2;
    }
    when = *at;
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.input != "-") {
    file.open(a.input, std::ios::binary);
    if (!file) {
      print_error(Error::not_found("Cannot read " + a.input + ": check the file name."));
      return 2;
    }
    in = &file;
  }
  bool any_blocked = false;
  std::string line;
  std::string out;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    out = field(line);
    auto url = filter::normalise_url(line);
    if (!url.ok()) {
      out += "\tblock\t-\tinvalid:" + field(url.error().message);
      any_blocked = true;
    } else {
      auto matches = matcher.match_all(*url);
      filter::Decision d = policy.decide({*url, a.user, a.source, when, a.group}, matches);
      out += "\t";
      out += filter::verdict_name(d.verdict);
      // The decisive category first, then any other that matched.
      std::string cats = d.category_text();
      for (const auto& m : matches)
        if (m.category_name != cats) cats += "," + m.category_name;
      if (cats.size() > 1 && cats.compare(0, 2, "-,") == 0) cats.erase(0, 2);
      out += "\t" + field(cats) + "\t" + field(d.rule_text());
      any_blocked = any_blocked || d.verdict == filter::Verdict::kBlock;
    }
    out += '\n';
    std::cout << out;
  }
  std::cout.flush();
  return any_blocked ? 1 : 0;
}

}  // namespace

void add_filter_command(CLI::App& app, const Clock& clock) {
  auto a = std::make_shared<FilterArgs>();
  auto* cmd = app.add_subcommand("filter", "The web filter's category lists (NET-1)");
  cmd->require_subcommand(1);
  auto* compile = cmd->add_subcommand(
      "compile", "Compile squidGuard-format category folders into one snapshot file");
  compile->add_option("--lists", a->lists, "A folder of category folders (repeatable; later add)")
      ->required();
  compile->add_option("-o,--output", a->output, "The snapshot file to write")->required();
  compile->callback([a] { set_exit_code(run_compile(*a)); });
  auto* check = cmd->add_subcommand(
      "check", "Check URLs (one per line): URL, allow|block, category and rule per line");
  check->add_option("--snapshot", a->snapshot, "A snapshot from `inloco filter compile`")
      ->required();
  check->add_option("FILE", a->input, "URLs, one per line; - for standard input")
      ->capture_default_str();
  check->add_option("--profile", a->profile, "A policy profile (TOML): the school's rules");
  check->add_option("--school", a->school,
                    "A school's code: its current profile and the unblocks in force");
  a->db = default_db();
  check->add_option("--db", a->db, "Database (with --school)")->capture_default_str();
  check->add_option("--group", a->group, "The filter group to check for (else chosen)");
  check->add_option("--user", a->user, "The user name the proxy would pass");
  check->add_option("--src", a->source, "The source address the proxy would pass");
  check->add_option("--at", a->at, "When, in the school's local time: 2026-11-23T10:30");
  check->callback([a, &clock] { set_exit_code(run_check(*a, clock)); });
  add_filter_lists_subcommand(*cmd, clock);
  add_filter_rpz_subcommand(*cmd, clock);
  add_filter_ingest_subcommand(*cmd, clock);
}

}  // namespace inloco::cli

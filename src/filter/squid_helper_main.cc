// inloco-squid-helper: the URL filter for Squid (external_acl_type or
// url_rewrite_program). Reads requests on stdin, answers on stdout, reports
// problems on stderr (Squid's cache.log); SIGHUP reloads the snapshot and
// the school's files. The
// work is in squid_helper.h; this file only reads the options and wires the
// signal to the reload flag.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <string>

#include "core/clock.h"
#include "filter/decision_log.h"
#include "filter/squid_helper.h"

namespace {

// Set by SIGHUP, read between requests. Lock-free, so safe in a handler.
std::atomic<bool> g_reload{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_sighup(int) { g_reload.store(true); }

void warn(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fflush(stderr);
}

int run_helper(int argc, char** argv) {
  using inloco::filter::HelperMode;
  CLI::App app{"inloco-squid-helper: the school's URL filter as a Squid helper"};
  inloco::filter::SquidHelperOptions options;
  std::string mode = "acl", log_path, order;
  app.add_option("--snapshot", options.snapshot_path, "snapshot from `inloco filter compile`")
      ->required();
  app.add_option("--mode", mode, "acl (external_acl_type) or rewrite (url_rewrite_program)")
      ->check(CLI::IsMember({"acl", "rewrite"}));
  app.add_option("--school-lists", options.school_lists_dir,
                 "the folder `inloco filter lists` writes: the school's rules, exceptions, "
                 "people and bans");
  app.add_option("--profile", options.profile_path,
                 "a policy profile file, for the rules alone (no exceptions or bans)");
  app.add_option("--block-page", options.block_page,
                 "rewrite mode: the block page; ?url=...&category=... are added");
  app.add_option("--log", log_path, "decision log file (appended; docs/filter.md)");
  app.add_option("--category-order", order, "categories that name the reason first: a,b,c");
  app.add_option("--user-token", options.user_token,
                 "which request value holds the user (1 is the URL)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--src-token", options.src_token,
                 "which request value holds the client address (1 is the URL)")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  options.mode = mode == "rewrite" ? HelperMode::kRewrite : HelperMode::kAcl;
  for (size_t start = 0; start < order.size();) {
    size_t comma = order.find(',', start);
    if (comma == std::string::npos) comma = order.size();
    if (comma > start) options.category_order.push_back(order.substr(start, comma - start));
    start = comma + 1;
  }

  std::optional<inloco::filter::DecisionLog> log;
  if (!log_path.empty()) {
    auto opened = inloco::filter::DecisionLog::open(log_path);
    if (!opened.ok()) {
      warn("inloco-squid-helper: " + opened.error().message);
      return 2;
    }
    log.emplace(std::move(opened).value());
  }
  inloco::SystemClock clock;
  auto helper = inloco::filter::SquidHelper::create(std::move(options), std::move(log), clock);
  if (!helper.ok()) {
    warn("inloco-squid-helper: " + helper.error().message);
    return 2;
  }
  warn("inloco-squid-helper: filtering with " + (*helper)->loaded_summary());
  for (const std::string& w : (*helper)->load_warnings())
    warn("inloco-squid-helper: warning: " + w);

  // No SA_RESTART: a read() waiting for Squid returns EINTR, so a reload
  // happens at once rather than with the next request.
  struct sigaction hup {};
  hup.sa_handler = on_sighup;
  sigemptyset(&hup.sa_mask);
  sigaction(SIGHUP, &hup, nullptr);
  signal(SIGPIPE, SIG_IGN);  // Squid gone: write() fails and we exit

  inloco::Status st = (*helper)->run(STDIN_FILENO, STDOUT_FILENO, &g_reload, warn);
  if (!st.ok()) {
    warn("inloco-squid-helper: " + st.error().message);
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run_helper(argc, argv);
  } catch (const std::exception& e) {  // a bug: say so in cache.log, exit non-zero
    warn(std::string("inloco-squid-helper: stopped: ") + e.what());
    return 1;
  }
}

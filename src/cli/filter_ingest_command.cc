// `inloco filter ingest --school CODE --log FILE`: reads the Squid helper's
// decision log into the server (filter/decision_ingest.h) from where the last
// ingest of the file stopped: the records for the monitoring report (NET-5),
// the attempts to get round the filter and the bans that follow (NET-6).
// Run it every few minutes from cron, then `inloco filter lists` so the
// helper reads the bans. Lines that are not decision records are printed as
// FILE:LINE: message on standard error and skipped.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "filtering/decision_ingest.h"

namespace inloco::cli {

void add_filter_ingest_subcommand(CLI::App& filter, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto log = std::make_shared<std::string>();
  auto* cmd = filter.add_subcommand(
      "ingest",
      "Read the filter's decision log: monitoring, attempts to get round the filter and bans");
  cmd->add_option("--school", *school, "The school's code")->required();
  cmd->add_option("--log", *log, "The decision log inloco-squid-helper writes (--log)")->required();
  cmd->add_option("--db", *db_url, "Database")->capture_default_str();
  cmd->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school);
    if (!s) return;
    auto done = filter::ingest_decision_log(*s->db, clock, Actor::command_line(), s->school.id,
                                            s->profile, *log);
    if (!done.ok()) {
      print_error(done.error());
      return set_exit_code(1);
    }
    for (const auto& p : done->problems)
      std::cerr << *log << ":" << p.line << ": " << p.message << "\n";
    if (done->problem_count > static_cast<int64_t>(done->problems.size()))
      std::cerr << *log << ": " << done->problem_count - static_cast<int64_t>(done->problems.size())
                << " more lines that are not decision records\n";
    std::cout << "Read " << done->lines << " lines of " << *log << " for " << s->school.name
              << (done->from_start ? " from its start"
                                   : " from byte " + std::to_string(done->from_position))
              << ": " << done->decisions << " decisions stored (" << done->matched
              << " of known people), " << done->events << " attempts to get round the filter, "
              << done->bans.size() << (done->bans.size() == 1 ? " person" : " people") << " banned";
    if (done->problem_count > 0) std::cout << ", " << done->problem_count << " lines skipped";
    std::cout << ".\n";
    if (!done->unknown_names.empty()) {
      std::cout << "User names no person of the school has (set their network user name):";
      for (const auto& n : done->unknown_names) std::cout << " " << n;
      std::cout << "\n";
    }
    if (done->purged > 0)
      std::cout << "Deleted " << done->purged
                << " records older than the policy keeps filter logs.\n";
    if (!done->bans.empty())
      std::cout << "Run `inloco filter lists --school " << *school
                << "` so the filter reads the new bans.\n";
  });
}

}  // namespace inloco::cli

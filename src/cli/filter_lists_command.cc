// `inloco filter lists --school CODE -o DIR`: writes what the school's records
// add to the filter (filter/school_lists.h): its own block list as the
// "school_blocked" category folder, to compile with the category lists
// (`inloco filter compile --lists UT1 --lists DIR`), and for
// inloco-squid-helper --school-lists DIR the school's profile, the exceptions
// in force from approved unblock requests, each person's filter group and the
// bans from the network. Run it after each decision (or from cron) and signal
// the filter to reload.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "filtering/school_lists.h"
#include "profile/profile_store.h"

namespace inloco::cli {

void add_filter_lists_subcommand(CLI::App& filter, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto* cmd = filter.add_subcommand(
      "lists",
      "Write the school's block list, rules, exceptions, people's groups and bans for the filter");
  cmd->add_option("--school", *school, "The school's code")->required();
  cmd->add_option(
         "-o,--output", *dir,
         "The folder to write (profile.toml, school_blocked/domains, exceptions, people, bans)")
      ->required();
  cmd->add_option("--db", *db_url, "Database")->capture_default_str();
  cmd->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school);
    if (!s) return;
    auto written = s->db->read([&](Connection& c) -> Result<filter::SchoolListsWritten> {
      // The text beside the rules open_school_or_report read, for the helper's profile.toml.
      std::string profile_text = TRY(profile_text_for_school(c, s->school.id));
      return filter::write_school_lists(c, s->school.id, clock.now(), s->profile.filter,
                                        profile_text, *dir);
    });
    if (!written.ok()) {
      print_error(written.error());
      return set_exit_code(1);
    }
    std::cout << "Wrote " << *dir << " for " << s->school.name << ": " << written->blocked_domains
              << " blocked sites, " << written->exceptions << " exceptions in force, "
              << written->people << " people with their filter group, " << written->bans
              << " bans from the network.\n";
  });
}

}  // namespace inloco::cli

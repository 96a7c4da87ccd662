// `inloco filter rpz --snapshot SNAP
//                    (--profile FILE | --school CODE [--db URL] | --school-lists DIR)
//                    --group GROUP [--zone-name rpz.inloco.] [--youtube strict|moderate|off]
//                    -o FILE`
// writes the DNS response policy zone of one filter group (filter/rpz_zone.h)
// for Unbound or BIND to load: its blocked domains, the exceptions in force
// for the group or everyone, and the SafeSearch CNAMEs. The file is written
// to a temporary name and renamed into place; then tell the resolver to read
// it again (`unbound-control auth_zone_reload rpz.inloco.`).
// Exit status: 0 written, 2 when it cannot be (the reason on standard error).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/filter_rules_source.h"
#include "filter/rpz_zone.h"
#include "filter/snapshot.h"

namespace inloco::cli {
namespace {

struct RpzArgs {
  std::string snapshot;
  std::string profile;
  std::string school;
  std::string db;
  std::string school_lists;
  std::string group;
  std::string zone_name = filter::kDefaultRpzZoneName;
  std::string youtube;  // empty: the group's default
  std::string output;
};

Status run_rpz(const RpzArgs& a, int64_t now) {
  filter::RpzOptions options;
  options.zone_name = a.zone_name;
  if (!a.youtube.empty()) {
    options.youtube = filter::parse_youtube_restriction(a.youtube);
    if (!options.youtube)
      return Error::invalid("--youtube '" + a.youtube + "' is not strict, moderate or off.");
  }
  auto snapshot = filter::Snapshot::open(a.snapshot);
  if (!snapshot.ok())
    return Error{
        snapshot.error().code, "Cannot read the snapshot: " + snapshot.error().message, {}};
  FilterRulesSource rules =
      TRY(load_filter_rules({a.profile, a.school, a.db, a.school_lists}, now));
  TRY(check_filter_group(rules.profile.filter, a.group));
  filter::RpzZone zone = TRY(filter::build_rpz_zone(**snapshot, rules.profile.filter, a.group,
                                                    rules.exceptions, now, options));
  for (const std::string& name : zone.unknown_categories)
    std::cerr << "warning: the profile names the category '" << name
              << "', which the lists do not have; it blocks nothing\n";
  filter::RpzZoneSource source{rules.school_name, rules.described, a.snapshot,
                               (*snapshot)->domain_count()};
  TRY(filter::write_zone_file(a.output, filter::rpz_zone_text(zone, source, now)));
  std::cout << "Wrote " << a.output << " (zone " << zone.zone_name << ") for the group '"
            << zone.group << "'" << (rules.school_name.empty() ? "" : " of " + rules.school_name)
            << ": " << zone.blocked.size() << " domains blocked, " << zone.passthru.size()
            << " passthru exceptions, " << zone.safe_search.size() << " SafeSearch names.\n";
  return ok_status();
}

}  // namespace

void add_filter_rpz_subcommand(CLI::App& filter, const Clock& clock) {
  auto a = std::make_shared<RpzArgs>();
  a->db = default_db();
  auto* cmd = filter.add_subcommand(
      "rpz", "Write a filter group's DNS response policy zone (RPZ) for Unbound or BIND");
  cmd->add_option("--snapshot", a->snapshot, "A snapshot from `inloco filter compile`")->required();
  cmd->add_option("--profile", a->profile, "A policy profile (TOML): the school's rules");
  cmd->add_option("--school", a->school,
                  "A school's code: its current profile and the unblocks in force");
  cmd->add_option("--db", a->db, "Database (with --school)")->capture_default_str();
  cmd->add_option("--school-lists", a->school_lists,
                  "A folder from `inloco filter lists`: its profile.toml and exceptions");
  cmd->add_option("--group", a->group, "The filter group the zone is for")->required();
  cmd->add_option("--zone-name", a->zone_name, "The zone's name, as unbound.conf names it")
      ->capture_default_str();
  cmd->add_option("--youtube", a->youtube,
                  "YouTube restricted mode: strict, moderate or off (default: strict for a "
                  "group of pupils or guests, moderate for adults)");
  cmd->add_option("-o,--output", a->output, "The zone file to write")->required();
  cmd->callback([a, &clock] {
    Status done = run_rpz(*a, clock.now());
    if (!done.ok()) print_error(done.error());
    set_exit_code(done.ok() ? 0 : 2);
  });
}

}  // namespace inloco::cli

#include "cli/filter_rules_source.h"

#include "cli/cli_support.h"
#include "core/text.h"
#include "filter/school_lists_reader.h"
#include "filtering/unblock_requests.h"
#include "profile/profile_loader.h"

namespace inloco::cli {

Result<FilterRulesSource> load_filter_rules(const FilterRulesOptions& o, int64_t now) {
  std::vector<std::string> given;
  if (!o.profile_file.empty()) given.push_back("--profile");
  if (!o.school_code.empty()) given.push_back("--school");
  if (!o.school_lists.empty()) given.push_back("--school-lists");
  if (given.size() > 1)
    return Error::invalid("Give only one of " + join(given, " and ") + ": each names the rules.");
  if (given.empty())
    return Error::invalid("The school's rules are needed: give --profile FILE or --school CODE.");
  FilterRulesSource out;
  if (!o.profile_file.empty()) {
    out.profile = TRY(load_profile_file(o.profile_file));
    out.described = "the profile " + o.profile_file;
    return out;
  }
  if (!o.school_lists.empty()) {
    filter::SchoolLists lists = TRY(filter::read_school_lists(o.school_lists));
    out.profile = std::move(lists.profile);
    out.exceptions = std::move(lists.exceptions);
    out.described = "the school's lists in " + o.school_lists;
    return out;
  }
  SchoolSession school = TRY(open_school(o.db_url, o.school_code));
  out.profile = std::move(school.profile);
  out.school_name = school.school.name;
  out.described = "the current profile of " + school.school.name;
  int64_t school_id = school.school.id;
  auto in_force = TRY(school.db->read(
      [&](Connection& c) { return filter::exceptions_in_force(c, school_id, now); }));
  for (filter::FilterException& e : in_force)
    out.exceptions.push_back({e.for_group, e.for_username, e.domain, e.ends_at});
  return out;
}

Status check_filter_group(const FilterRules& rules, const std::string& group) {
  if (rules.groups.count(group)) return ok_status();
  std::vector<std::string> known;
  for (const auto& [key, unused] : rules.groups) known.push_back(key);
  return Error::invalid(
      "--group '" + group +
      "' is not a filter group of the profile; its groups are: " + join(known, ", "));
}

}  // namespace inloco::cli

// What the school's records add to the filter: its own block list (NET-4,
// every blocked reported site) written as a squidGuard-format category
// folder, "school_blocked/domains", that `inloco filter compile --lists`
// reads beside the category lists; and the exceptions in force (NET-3) as a
// tab-separated file, one per line:
//   DOMAIN <TAB> GROUP <TAB> USERNAME <TAB> ENDS_AT
// where GROUP is a profile filter group or empty, USERNAME the person's
// network name or empty, ENDS_AT Unix seconds. The filter reads it again on
// reload; it never lets an exception open a locked category (LAW-8).
// Beside them, for inloco-squid-helper --school-lists DIR:
//   - "profile.toml": the school's current policy profile (its rules);
//   - "people": USERNAME <TAB> GROUP, the filter group each active person
//     with a user name joins by their kind (pupil, staff, ...), since the
//     proxy passes only the user name (their network name, network_names.h);
//   - "bans": the bans from the network in force (ban_list.h, NET-6).
//
// Files are written whole to a temporary name and renamed into place, so a
// reader never sees half a list.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "filter/school_lists_reader.h"  // the folder's format, kSchoolBlockedCategory
#include "profile/policy_profile.h"
#include "store/database.h"

namespace inloco::filter {

struct SchoolListsWritten {
  int64_t blocked_domains = 0;
  int64_t exceptions = 0;
  int64_t people = 0;
  int64_t bans = 0;
};

struct PersonFilterGroup {
  std::string username;
  std::string group;  // a key of rules.groups
};

// The active people of the school with a user name and the filter group
// their kind joins, by user name; people whose kind no group lists are left
// to the policy's own rules.
Result<std::vector<PersonFilterGroup>> filter_people(Connection& conn, int64_t school_id,
                                                     const FilterRules& rules);

// Writes DIR/profile.toml, DIR/school_blocked/domains, DIR/exceptions,
// DIR/people and DIR/bans for the school as it stands at `now`. The caller
// hands in the school's current profile: its filter rules and the TOML text
// they were loaded from (profile_store.h: profile_for_school and
// profile_text_for_school), written whole as profile.toml. kUnavailable when
// the folder cannot be written.
Result<SchoolListsWritten> write_school_lists(Connection& conn, int64_t school_id, int64_t now,
                                              const FilterRules& rules,
                                              std::string_view profile_text,
                                              const std::string& dir);

}  // namespace inloco::filter

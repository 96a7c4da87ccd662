// Where the filter subcommands (`filter check`, `filter rpz`) take the
// school's rules from: a profile file (--profile FILE); a school's current
// profile with the unblock exceptions in force, read from the database
// (--school CODE [--db URL]); or the folder `inloco filter lists` writes
// (--school-lists DIR: its profile.toml and exceptions), for a machine
// without the database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "filter/school_policy.h"
#include "profile/policy_profile.h"

namespace inloco::cli {

struct FilterRulesSource {
  PolicyProfile profile;
  std::string school_name;  // empty with --profile
  std::string described;    // "the profile FILE", "the current profile of SCHOOL", ...
  std::vector<filter::PolicyException> exceptions;  // none with --profile
};

struct FilterRulesOptions {
  std::string profile_file;  // --profile
  std::string school_code;   // --school
  std::string db_url;        // --db, with --school
  std::string school_lists;  // --school-lists
};

// Exactly one of profile_file, school_code and school_lists: kInvalid when
// none or several are given; the loader's or the database's error otherwise.
// With --school, the exceptions in force at `now`.
Result<FilterRulesSource> load_filter_rules(const FilterRulesOptions& options, int64_t now);

// kInvalid, naming the profile's groups, when `group` is not one of them.
Status check_filter_group(const FilterRules& rules, const std::string& group);

}  // namespace inloco::cli

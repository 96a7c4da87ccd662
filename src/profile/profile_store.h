// Which policy profile each school follows, with every earlier version
// (RPT-3, TRN-3). Assigning a profile records a new version holding the whole
// TOML text and the settings that changed, and is audited in the same
// transaction ("profile.assign"), so what was enforced on any day can be
// shown afterwards.
//
// Functions take a Connection so that callers compose them inside one
// transaction; assign_profile writes, takes it in a SchoolScope (with the
// clock, the actor and the school) and must run inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct ProfileVersion {
  int64_t school_id = 0;
  int64_t version = 0;      // 1, 2, 3, ... per school
  std::string profile_key;  // "oak_trees_mat"
  std::string toml_text;
  std::vector<std::string> changes;    // "accounts.max_admins: 3 → 2", ...
  std::optional<int64_t> assigned_by;  // person id; empty for the command line
  std::string assigned_by_name;
  int64_t assigned_at = 0;  // Unix seconds
};

// The school's current profile: its latest version, or the shipped default
// profile when none was assigned. kNotFound for an unknown school; kInternal
// if a stored version no longer loads (the message names the school and key).
Result<PolicyProfile> profile_for_school(Connection& conn, int64_t school_id);

// The TOML text profile_for_school loads: the latest version's, or the
// shipped default's. For handing the rules to a program that reads the file
// itself (the Squid helper's profile.toml). kNotFound for an unknown school.
Result<std::string> profile_text_for_school(Connection& conn, int64_t school_id);

// Checks the TOML first (kInvalid with every problem, nothing stored), then
// records version n+1 with the settings that changed against the school's
// current profile (the default one for a first assignment), and audits it.
// Assigning the same text under the same key again changes nothing.
// kNotFound for an unknown school.
Status assign_profile(const SchoolScope& at, std::string_view toml_text,
                      std::string_view profile_key);

// Every version, oldest first; empty when none was assigned.
Result<std::vector<ProfileVersion>> profile_history(Connection& conn, int64_t school_id);

}  // namespace inloco

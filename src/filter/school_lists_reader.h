// The filter's side of school_lists.h: reading back the files `inloco filter
// lists --school CODE -o DIR` writes, for inloco-squid-helper
// --school-lists DIR. Each file is read whole; a malformed line fails the
// whole read with its file and line, so the helper keeps what it had rather
// than run on half a list.
//
//   exceptions  DOMAIN <TAB> GROUP <TAB> USERNAME <TAB> ENDS_AT   (NET-3)
//   people      USERNAME <TAB> GROUP                              (NET-2)
//   bans        USERNAME <TAB> BANNED_SINCE <TAB> SUPERVISED_UNTIL (NET-6)
//   profile.toml  the school's policy profile
//
// "people" and "bans" may be missing (a folder written before they existed,
// or a school with no bans): they then read as empty. The profile and the
// exceptions must be there.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "filter/school_policy.h"
#include "profile/policy_profile.h"

namespace inloco::filter {

// The category name of the school's own block list in the compiled lists.
inline constexpr const char* kSchoolBlockedCategory = "school_blocked";

// A person the filter refuses after attempts to get round it (NET-6), unless
// a member of staff is supervising them until `supervised_until`.
struct NetworkBan {
  std::string username;
  int64_t banned_since = 0;
  int64_t supervised_until = 0;  // 0: no supervised session
};

struct PersonGroup {
  std::string username;
  std::string group;
};

struct SchoolLists {
  PolicyProfile profile;
  std::vector<PolicyException> exceptions;
  std::vector<PersonGroup> people;
  std::vector<NetworkBan> bans;
};

// Each kInvalid names the file and line; kNotFound when a required file is
// missing.
Result<std::vector<PolicyException>> read_exceptions_file(const std::filesystem::path& path);
Result<std::vector<PersonGroup>> read_people_file(const std::filesystem::path& path);
Result<std::vector<NetworkBan>> read_bans_file(const std::filesystem::path& path);

// The whole folder. A group in "people" or "exceptions" that the profile
// does not have is an error too: the files were written from another profile.
Result<SchoolLists> read_school_lists(const std::filesystem::path& dir);

}  // namespace inloco::filter

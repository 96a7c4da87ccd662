// The policy profiles that ship with inloco (policies/*.toml), compiled into
// the binary so a school can be given one without any file on the server:
// the five seed schools' policies and a default for a school that has not
// chosen one.
//
// Thread-safe: the texts are constants.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "profile/policy_profile.h"

namespace inloco {

struct ShippedProfile {
  std::string key;        // the file stem: "default", "oak_trees_mat", ...
  std::string file_name;  // "policies/oak_trees_mat.toml", for messages
  std::string_view text;  // the TOML, comments included
};

// By key.
std::vector<ShippedProfile> shipped_profiles();

// kNotFound names the keys that exist.
Result<ShippedProfile> find_shipped_profile(std::string_view key);

// Loaded and checked; kNotFound for an unknown key.
Result<PolicyProfile> load_shipped_profile(std::string_view key);

// The key of the profile a school has until one is assigned.
inline constexpr std::string_view kDefaultProfileKey = "default";

}  // namespace inloco

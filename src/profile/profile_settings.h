// A policy profile as a flat list of settings ("accounts.max_admins" = "3"),
// and the schema as a list of keys with type, default and meaning.
//
// Why: a profile change is recorded as the settings that changed, in words a
// governor can read ("accounts.max_admins: 3 → 2"), and the documentation
// lists every key; both walk the one schema (profile_schema.h), so neither
// can miss a setting. Values are written as they would be in TOML.
#pragma once

#include <string>
#include <vector>

#include "profile/policy_profile.h"

namespace inloco {

struct ProfileSetting {
  std::string key;    // "filter.groups.pupils.blocked"
  std::string value;  // "[\"all\"]"
};

// Every setting of the profile, in schema order (named entries by name).
std::vector<ProfileSetting> profile_settings(const PolicyProfile& profile);

// One line per setting that differs: "key: before → after". A named entry
// only one side has reads "(not set)" on the other. Empty when none differ.
std::vector<std::string> profile_changes(const PolicyProfile& before, const PolicyProfile& after);

struct SchemaEntry {
  std::string key;            // "filter.groups.<name>.blocked"
  std::string type;           // "list of sites"
  std::string default_value;  // as in TOML
  std::string meaning;        // one sentence
};

// Every key a profile may hold, sections included (with an empty type).
std::vector<SchemaEntry> profile_schema();

}  // namespace inloco

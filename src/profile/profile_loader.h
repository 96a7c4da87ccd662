// Reading a policy profile from TOML (the schema is profile_schema.h and
// docs/profiles.md).
//
// Every setting has a default, so a file states only where its school
// differs; a section or a key left out keeps its default. Entries of the
// named tables ([filter.groups.<name>], [filter.windows.<name>], ...) change
// or add to the default entries of the same name.
//
// Nothing is half-loaded: either the whole profile is valid, or the result is
// kInvalid and its `details` hold EVERY problem, one per line, as
// "FILE:LINE: key.path: what is wrong" — unknown keys (with the nearest known
// key), wrong types, unknown roles, sites, objectives or checks (with the
// valid ones), bad dates, out-of-range numbers, TOML syntax errors, and the
// rules between settings (profile_validation.h).
//
// Pure functions of their input; thread-safe.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "profile/policy_profile.h"
#include "profile/profile_validation.h"

namespace inloco {

// `file_name` is used in messages, and its stem becomes PolicyProfile::key
// ("policies/oak_trees_mat.toml" -> "oak_trees_mat").
Result<PolicyProfile> load_profile(std::string_view toml_text, std::string_view file_name);

// Reads the file first; kNotFound if it cannot be read.
Result<PolicyProfile> load_profile_file(const std::filesystem::path& path);

// The problems alone (empty when the profile is valid), for tests and for
// tools that show them beside the text.
std::vector<ProfileProblem> profile_problems(std::string_view toml_text);

}  // namespace inloco

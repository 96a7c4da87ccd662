// The rules between settings of a policy profile: checks that no single
// value can make, such as a next review due before the last one (TRN-3), a
// concern about the headteacher routed to the headteacher, or a filter group
// blocked during a window the profile never defines.
//
// The loader (profile_loader.h) checks each value's type and range as it
// reads the TOML, then calls validate_profile for these; each problem is
// reported against the line of the key it names, so a headteacher can find
// it. Kept apart from the loader because the rules are about the policy, not
// about TOML, and apply equally to a profile built in code.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "profile/policy_profile.h"

namespace inloco {

// One thing wrong with a profile.
struct ProfileProblem {
  int line = 0;         // 1-based line in the file; 0 when no line applies
  std::string key;      // "accounts.max_admins", "syntax"
  std::string message;  // what is wrong and, where it helps, what to write instead

  bool operator==(const ProfileProblem&) const = default;
};

// "FILE:LINE: key: message" (or "FILE: key: message" without a line).
std::string format_problem(std::string_view file_name, const ProfileProblem& problem);

// Where each key was written in the file: "accounts.max_admins" -> 12.
using SourceLines = std::map<std::string, int>;

// Every cross-setting problem, in the order of the schema. A problem about a
// key that was not written (its default applies) takes the line of the
// nearest enclosing key that was, else 0.
std::vector<ProfileProblem> validate_profile(const PolicyProfile& profile,
                                             const SourceLines& lines = {});

}  // namespace inloco

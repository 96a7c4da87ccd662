// Finding and decision: what the text checker reports about one text.
//
// Every finding is explainable on its own: the rule that fired, its category
// and the profile check that category falls under, the severity, and the
// exact byte span [start, end) of the ORIGINAL text with the bytes there.
// The decision applies the school's PostRules (profile/policy_profile.h):
// refuse if any finding's check is set to refuse, else review if there is any
// finding, else pass.
//
// Values only; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "checks/lexicon.h"
#include "profile/policy_profile.h"

namespace inloco::checks {

struct Finding {
  std::string rule;      // "offensive:fuck", "personal_data:uk_phone", "pupil_name"
  std::string category;  // checker category (lexicon.h: category_names())
  std::string check;     // the profile check key whose action applies
  Severity severity = Severity::kMedium;
  size_t start = 0;  // byte offsets in the original text
  size_t end = 0;
  std::string match;  // the original bytes [start, end)

  bool operator==(const Finding&) const = default;
};

enum class Decision { kPass, kReview, kRefuse };
const char* decision_name(Decision d);  // "pass", "review", "refuse"

struct CheckResult {
  Decision decision = Decision::kPass;
  std::vector<Finding> findings;  // ordered by start, then end
};

Decision decide(const std::vector<Finding>& findings, const PostRules& rules);

}  // namespace inloco::checks

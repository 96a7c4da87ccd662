#include "checks/finding.h"

namespace inloco::checks {

const char* decision_name(Decision d) {
  switch (d) {
    case Decision::kPass:
      return "pass";
    case Decision::kReview:
      return "review";
    case Decision::kRefuse:
      return "refuse";
  }
  return "refuse";
}

Decision decide(const std::vector<Finding>& findings, const PostRules& rules) {
  Decision d = Decision::kPass;
  for (const Finding& f : findings) {
    if (rules.action_for(f.check) == CheckAction::kRefuse) return Decision::kRefuse;
    d = Decision::kReview;
  }
  return d;
}

}  // namespace inloco::checks

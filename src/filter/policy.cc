#include "filter/policy.h"

namespace inloco::filter {

const char* verdict_name(Verdict v) { return v == Verdict::kBlock ? "block" : "allow"; }

std::string Decision::category_text() const {
  if (!category.empty()) return category;
  return because ? because->category_name : "-";
}

std::string Decision::rule_text() const {
  if (!rule.empty()) return rule;
  return because ? because->rule() : "-";
}

Decision BlockListedPolicy::decide(const Request&, std::span<const Match> matches) const {
  if (matches.empty()) return {};
  for (CategoryId c : order_)
    for (const auto& m : matches)
      if (m.category == c) return {Verdict::kBlock, m};
  return {Verdict::kBlock, matches.front()};
}

}  // namespace inloco::filter

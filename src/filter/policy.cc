#include "filter/policy.h"

namespace inloco::filter {

const char* verdict_name(Verdict v) { return v == Verdict::kBlock ? "block" : "allow"; }

Decision BlockListedPolicy::decide(const Request&, std::span<const Match> matches) const {
  if (matches.empty()) return {};
  for (CategoryId c : order_)
    for (const auto& m : matches)
      if (m.category == c) return {Verdict::kBlock, m};
  return {Verdict::kBlock, matches.front()};
}

}  // namespace inloco::filter

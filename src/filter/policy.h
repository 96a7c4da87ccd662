// The decision taken on a request once its matches are known. The Matcher
// says which categories a URL is in; a Policy says what that means for this
// person now. BlockListedPolicy blocks every listed URL (no profile);
// SchoolPolicy (school_policy.h) applies the school's profile: groups, time
// windows, platforms, age limits, locked categories and unblock exceptions
// (issue 6 section 2: NET-1, NET-2, NET-3, NET-7, LAW-8). Both plug in where
// the other does without changing the matcher or the callers.
//
// Thread-safety: decide() is const and must be safe to call from many
// threads at once.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "filter/matcher.h"
#include "filter/url_normaliser.h"

namespace inloco::filter {

// Who asked for what. Times are Unix seconds; fields may be empty when the
// proxy does not pass them. `group` is the filter group when the caller
// already knows it (a bulk check names it); empty lets the policy choose.
// `kind_group` is the group the person's kind joins (school_lists.h
// "people"), which the policy uses after user names and address ranges.
struct Request {
  const NormalisedUrl& url;
  std::string_view user;
  std::string_view source_address;
  int64_t time = 0;
  std::string_view group = {};
  std::string_view kind_group = {};
};

enum class Verdict { kAllow, kBlock };

struct Decision {
  Verdict verdict = Verdict::kAllow;
  std::optional<Match> because;  // the match the verdict rests on, if any
  // Set when the verdict rests on a policy rule rather than only a list
  // match: the category or site it concerns ("gambling", "facebook") and the
  // rule ("group:pupils:always:gambling", "locked:adult"). Empty for
  // BlockListedPolicy, whose rule is the match's own.
  std::string category = {};
  std::string rule = {};
  // A sentence for the person asking, e.g. "Social media is blocked for
  // pupils on the school network."; owned by the policy, so valid while the
  // policy lives. Empty when there is nothing to say.
  std::string_view message = {};

  // The category and rule to report: the policy's when set, else the match's;
  // "-" when there is neither.
  std::string category_text() const;
  std::string rule_text() const;
};

class Policy {
 public:
  virtual ~Policy() = default;
  virtual Decision decide(const Request& request, std::span<const Match> matches) const = 0;
};

// Blocks when any category matches; the reason is the first match in
// `order` (category ids) when given, otherwise the lowest category id.
class BlockListedPolicy final : public Policy {
 public:
  BlockListedPolicy() = default;
  explicit BlockListedPolicy(std::vector<CategoryId> order) : order_(std::move(order)) {}
  Decision decide(const Request& request, std::span<const Match> matches) const override;

 private:
  std::vector<CategoryId> order_;
};

const char* verdict_name(Verdict v);  // "allow" | "block"

}  // namespace inloco::filter

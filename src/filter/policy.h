// The decision taken on a request once its matches are known. The Matcher
// says which categories a URL is in; a Policy says what that means for this
// person now. Today's only policy blocks every listed URL
// (BlockListedPolicy); the group, time-window, age, locked-category and
// unblock rules of issue 6 section 2 (NET-1, NET-2, NET-3, NET-7, LAW-8) are
// further Policy implementations built from the school's profile, plugged in
// where this one is without changing the matcher or the callers.
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
// proxy does not pass them.
struct Request {
  const NormalisedUrl& url;
  std::string_view user;
  std::string_view source_address;
  int64_t time = 0;
};

enum class Verdict { kAllow, kBlock };

struct Decision {
  Verdict verdict = Verdict::kAllow;
  std::optional<Match> because;  // the match the verdict rests on
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

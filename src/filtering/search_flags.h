// Search terms of concern (NET-5): the monitoring report lists the searches
// that were blocked and those the text checker flags. The checker runs with
// the project's lexicons (lexicons/*.tsv) and no roster or personal-data
// rules, and only these checker categories flag a search: sexual, violent,
// illegal, bullying and discriminatory. Swearing, politics and opinions are
// not a safeguarding matter in a search box.
//
// Thread-safe once created (the compiled checker is immutable).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "checks/text_checker.h"
#include "core/result.h"

namespace inloco::filter {

class SearchFlags {
 public:
  [[nodiscard]] static Result<SearchFlags> create();

  // The checker category of the first finding of concern in the terms, or
  // "" when there is none (or the terms cannot be checked).
  std::string flag(std::string_view terms) const;

 private:
  explicit SearchFlags(std::shared_ptr<const checks::TextChecker> checker)
      : checker_(std::move(checker)) {}
  std::shared_ptr<const checks::TextChecker> checker_;
};

}  // namespace inloco::filter

#include "filtering/search_flags.h"

#include <algorithm>
#include <array>

#include "checks/lexicon.h"

namespace inloco::filter {
namespace {

constexpr std::array<std::string_view, 5> kOfConcern = {"sexual", "violent", "illegal", "bullying",
                                                        "discriminatory"};

}  // namespace

Result<SearchFlags> SearchFlags::create() {
  checks::CheckerConfig config;
  config.terms = checks::builtin_lexicon();
  config.personal_data = false;
  std::shared_ptr<const checks::TextChecker> checker = TRY(checks::TextChecker::compile(config));
  return SearchFlags(std::move(checker));
}

std::string SearchFlags::flag(std::string_view terms) const {
  if (terms.empty()) return {};
  auto found = checker_->find(terms);
  if (!found.ok()) return {};
  for (const checks::Finding& f : *found)
    if (std::find(kOfConcern.begin(), kOfConcern.end(), f.category) != kOfConcern.end())
      return f.category;
  return {};
}

}  // namespace inloco::filter

#include "people/import_refusal.h"

namespace inloco {

std::optional<Error> import_refusal(RowProblems problems) {
  std::erase_if(problems, [](const auto& p) { return p.second.empty(); });
  if (problems.empty()) return std::nullopt;
  size_t bad = problems.size();
  Error e = Error::invalid("The file was not imported: " + std::to_string(bad) +
                           (bad == 1 ? " row has problems" : " rows have problems") +
                           ". Nothing was changed.");
  for (auto& [line, list] : problems)
    for (auto& p : list) e.details.push_back(std::move(p));
  return e;
}

}  // namespace inloco

// The one refusal of an all-or-nothing CSV import (people, consent): how many
// rows have problems, that nothing was changed, and every problem as a
// detail in line order, so the person can correct the file in one go.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace inloco {

// Problems by line number; lines with an empty list do not count.
using RowProblems = std::map<size_t, std::vector<std::string>>;

// kInvalid "The file was not imported: N rows have problems. Nothing was
// changed." with the problems as details; nullopt when there are none.
std::optional<Error> import_refusal(RowProblems problems);

}  // namespace inloco

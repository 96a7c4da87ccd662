// Small text helpers shared across capabilities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inloco {

// "a, b, c" from {"a", "b", "c"} with sep ", ".
// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// One CSV cell: quoted when needed, and safe to open in a spreadsheet.
std::string csv_cell(std::string_view value);

std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace inloco

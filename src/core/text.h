// Small text helpers shared across capabilities.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace inloco {

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// At most `max_bytes` of `text`, never cutting a character in two, with
// `ellipsis` added when anything was cut: for lists that show the start of a text.
std::string utf8_excerpt(std::string_view text, size_t max_bytes, std::string_view ellipsis);

// One CSV cell: quoted when needed, and safe to open in a spreadsheet.
std::string csv_cell(std::string_view value);

// "a, b, c" from {"a", "b", "c"} with sep ", ".
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace inloco

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

std::string_view trim(std::string_view text);        // ASCII white space at both ends
std::string ascii_lower(std::string_view text);      // A-Z only; other bytes unchanged
bool has_control_characters(std::string_view text);  // tabs, new lines, ... (not allowed in names)

}  // namespace inloco

// The rules for a person's fields, shared by the forms (people_store) and the
// CSV import so that both accept and refuse the same values. Values are
// normalised before they are stored: year groups to one spelling, dates to
// ISO, relationships to lower case, so that a re-import compares equal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"  // is_valid_utf8, trim, ascii_lower, has_control_characters
#include "people/person.h"

namespace inloco {

inline constexpr size_t kMaxNameLength = 100;  // bytes of UTF-8
inline constexpr size_t kMaxEmailLength = 254;
inline constexpr size_t kMaxExternalIdLength = 64;
inline constexpr size_t kMaxShortTextLength = 100;  // job title, class, relationship

bool looks_like_email(std::string_view text);  // one '@', a dotted domain, no spaces
bool looks_like_phone(std::string_view text);  // digits with + ( ) - . and spaces; 7 to 15 digits

// "Nursery", "Reception", "Year 1" .. "Year 13" from the spellings information
// systems use: "reception", "R", "Rec", "Year 7", "Y7", "Yr 7", "7", "N", ...
std::optional<std::string> normalise_year_group(std::string_view text);
// Nursery -1, Reception 0, Year N N; for a normalised year group.
std::optional<int> year_group_number(std::string_view year_group);
// The normalised name of year group `n` (-1 .. 13).
std::string year_group_name(int n);

// yes/no, y/n, true/false, 1/0 in any case.
std::optional<bool> parse_yes_no(std::string_view text);

// Lower case, trimmed; letters, spaces, hyphens and apostrophes, 1..100 bytes.
std::optional<std::string> normalise_relationship(std::string_view text);

// Every problem with a person about to be stored, one sentence each naming
// the field and what to do; empty when the person can be stored. `now` (Unix seconds) is
// used to refuse dates of birth in the future.
std::vector<std::string> person_problems(const Person& person, int64_t now);

}  // namespace inloco

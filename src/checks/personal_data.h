// Personal data patterns (PST-3): email addresses, UK phone numbers,
// postcodes, dates of birth and home addresses.
//
// They run as one Vectorscan database over the ORIGINAL text, not the
// skeleton: the skeleton reads digits as letters ("0" -> "o") to catch
// leetspeak, which would destroy numbers. Regular expressions find
// candidates; validate_personal_data() then applies what a regular expression
// says badly (a UK number has 10 or 11 national digits; an address's words
// are not "the", "for", ...).
//
// Pure data and functions; thread-safe.
#pragma once

#include <span>
#include <string_view>

namespace inloco::checks {

struct PersonalDataRule {
  std::string_view rule;     // "email", "uk_phone", "postcode", "date_of_birth", "home_address"
  std::string_view pattern;  // Vectorscan (PCRE subset) syntax
  bool caseless = true;
};

std::span<const PersonalDataRule> personal_data_rules();

// False only when no rule can find personal data in `text`: one cheap pass
// over the bytes for what every rule needs (an '@'; ten digits; a digit after
// a capital; a number, one or two words and a street word; "birth", "born
// on" or "dob" with a digit). Most texts with a number ("Year 4", "6pm")
// fail it and skip the Vectorscan scan, whose start-of-match tracking is
// costly. It must change with the patterns; personal_data_test holds it to
// them.
bool may_hold_personal_data(std::string_view text);

// True when a candidate of `rule` (the matched bytes, and the bytes just
// before and after it, or 0) is personal data.
bool validate_personal_data(std::string_view rule, std::string_view match, char before, char after);

}  // namespace inloco::checks

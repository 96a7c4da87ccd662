// CalendarDate: a day in the proleptic Gregorian calendar, as people write
// dates of birth. Stored as 'YYYY-MM-DD' text (the schema's convention), so
// the ISO form sorts and compares the same in SQL as in C++.
//
// Schools' information systems export dates either as ISO dates or in the UK
// form DD/MM/YYYY; both are read. US-style MM/DD/YYYY is never guessed.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

struct CalendarDate {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const CalendarDate&) const = default;

  std::string iso() const;  // "2015-09-01"
};

bool is_real_date(int year, int month, int day);

// "2015-09-01" or "01/09/2015" (also "1/9/2015"). kInvalid says whether the
// text was in an unknown form or named a day that does not exist.
Result<CalendarDate> parse_date(std::string_view text);

// Days since 1970-01-01, and back (Howard Hinnant's civil-date algorithms).
int64_t days_since_epoch(const CalendarDate& date);
CalendarDate date_from_days(int64_t days);

// The UTC date of a Unix time: "today" is date_of(clock.now()).
CalendarDate date_of(int64_t unix_seconds);

}  // namespace inloco

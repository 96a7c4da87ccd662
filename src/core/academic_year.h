// AcademicYear: the school year, 1 September to 31 August, named by the
// calendar year it starts in (2026 for "2026/27").
//
// Consent (CON-1, CON-7) is recorded per academic year and lapses when the
// year ends, so the year a date falls in decides which decisions count on
// that date. Values only; thread-safe.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/calendar_date.h"
#include "core/result.h"

namespace inloco {

struct AcademicYear {
  int start_year = 2026;  // 2026 for 2026/27

  auto operator<=>(const AcademicYear&) const = default;

  std::string label() const;       // "2026/27"
  CalendarDate first_day() const;  // 1 September of start_year
  CalendarDate last_day() const;   // 31 August of the next year
  bool contains(const CalendarDate& date) const;
  AcademicYear previous() const { return {start_year - 1}; }
  AcademicYear next() const { return {start_year + 1}; }
};

// The year a date falls in: 2027-08-31 is in 2026/27, 2027-09-01 in 2027/28.
AcademicYear academic_year_of(const CalendarDate& date);

// "2026/27" (also "2026/2027" and "2026-27"). kInvalid says what form to use,
// and refuses a second year that does not follow the first ("2026/28").
Result<AcademicYear> parse_academic_year(std::string_view text);

}  // namespace inloco

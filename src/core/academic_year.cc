#include "core/academic_year.h"

#include <charconv>
#include <cstdio>

namespace inloco {
namespace {

bool digits(std::string_view text, size_t n, int& out) {
  if (text.size() != n) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return true;
}

}  // namespace

std::string AcademicYear::label() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d/%02d", start_year, (start_year + 1) % 100);
  return buf;
}

CalendarDate AcademicYear::first_day() const { return {start_year, 9, 1}; }

CalendarDate AcademicYear::last_day() const { return {start_year + 1, 8, 31}; }

bool AcademicYear::contains(const CalendarDate& date) const {
  return date >= first_day() && date <= last_day();
}

AcademicYear academic_year_of(const CalendarDate& date) {
  return {date.month >= 9 ? date.year : date.year - 1};
}

Result<AcademicYear> parse_academic_year(std::string_view text) {
  auto bad = [&] {
    return Error::invalid("'" + std::string(text) +
                          "' is not an academic year: write it as 2026/27");
  };
  size_t sep = text.find_first_of("/-");
  if (sep == std::string_view::npos) return bad();
  int first = 0, second = 0;
  if (!digits(text.substr(0, sep), 4, first) || first < 1900 || first > 9998) return bad();
  std::string_view rest = text.substr(sep + 1);
  if (digits(rest, 2, second)) {
    if (second != (first + 1) % 100)
      return Error::invalid("'" + std::string(text) + "' is not an academic year: the year after " +
                            std::to_string(first) + " is " + AcademicYear{first}.label());
  } else if (digits(rest, 4, second)) {
    if (second != first + 1)
      return Error::invalid("'" + std::string(text) + "' is not an academic year: the year after " +
                            std::to_string(first) + " is " + AcademicYear{first}.label());
  } else {
    return bad();
  }
  return AcademicYear{first};
}

}  // namespace inloco

#include "core/calendar_date.h"

#include <charconv>
#include <cstdio>

namespace inloco {
namespace {

// Reads 1..max_digits decimal digits as the whole of `text`.
bool read_number(std::string_view text, size_t min_digits, size_t max_digits, int& out) {
  if (text.size() < min_digits || text.size() > max_digits) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return true;
}

}  // namespace

std::string CalendarDate::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool is_real_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

Result<CalendarDate> parse_date(std::string_view text) {
  CalendarDate d;
  bool shaped = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    shaped = read_number(text.substr(0, 4), 4, 4, d.year) &&
             read_number(text.substr(5, 2), 2, 2, d.month) &&
             read_number(text.substr(8, 2), 2, 2, d.day);
  } else if (auto a = text.find('/'); a != std::string_view::npos) {
    auto b = text.find('/', a + 1);
    if (b != std::string_view::npos) {
      shaped = read_number(text.substr(0, a), 1, 2, d.day) &&
               read_number(text.substr(a + 1, b - a - 1), 1, 2, d.month) &&
               read_number(text.substr(b + 1), 4, 4, d.year);
    }
  }
  if (!shaped)
    return Error::invalid("'" + std::string(text) +
                          "' is not a date: write it as YYYY-MM-DD or DD/MM/YYYY");
  if (!is_real_date(d.year, d.month, d.day))
    return Error::invalid("'" + std::string(text) + "' is not a real date");
  return d;
}

int64_t days_since_epoch(const CalendarDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (date.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate date_from_days(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  CalendarDate out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

CalendarDate date_of(int64_t unix_seconds) {
  int64_t days = unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
  return date_from_days(days);
}

}  // namespace inloco

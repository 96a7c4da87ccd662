#include "cli/process_clock.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "core/calendar_date.h"

namespace inloco::cli {

namespace {

// "YYYY-MM-DDTHH:MM[:SS][Z]", UTC.
std::optional<int64_t> parse_utc_date_time(std::string_view text) {
  if (text.ends_with('Z')) text.remove_suffix(1);
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (text[10] != 'T' || text[13] != ':' || (text.size() == 19 && text[16] != ':'))
    return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  if (!date.ok() || text[4] != '-') return std::nullopt;  // ISO only, not DD/MM/YYYY
  auto two_digits = [&](size_t at, int max) -> std::optional<int> {
    int v = 0;
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + 2, v);
    if (ec != std::errc() || end != text.data() + at + 2 || v < 0 || v > max) return std::nullopt;
    return v;
  };
  auto hour = two_digits(11, 23);
  auto minute = two_digits(14, 59);
  auto second = text.size() == 19 ? two_digits(17, 59) : std::optional<int>(0);
  if (!hour || !minute || !second) return std::nullopt;
  return days_since_epoch(*date) * 86400 + *hour * 3600 + *minute * 60 + *second;
}

}  // namespace

Result<int64_t> parse_fake_now(std::string_view text) {
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return seconds;
  if (auto t = parse_utc_date_time(text)) return *t;
  return Error::invalid(std::string(kFakeNowVariable) + " is '" + std::string(text) +
                        "': set it to Unix seconds or a UTC time like 2026-01-01T09:30:00Z, "
                        "or unset it to use the system clock.");
}

Result<std::unique_ptr<Clock>> process_clock() {
  const char* fake_now = std::getenv(kFakeNowVariable);
  if (!fake_now) return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
  int64_t at = TRY(parse_fake_now(fake_now));
  return std::unique_ptr<Clock>(std::make_unique<FakeClock>(at));
}

}  // namespace inloco::cli

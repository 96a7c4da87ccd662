#include "store/stored_dates.h"

namespace inloco {

Result<CalendarDate> stored_day(const SqlValue& value, std::string_view column) {
  const std::string text = value.as_text();
  auto day = parse_date(text);
  // Only the ISO form is ever stored; anything else (even a readable DD/MM/YYYY) is damage.
  if (!day.ok() || day->iso() != text)
    return Error::internal("A date stored with this record could not be read.")
        .with_internal_detail("column " + std::string(column) + " holds '" + text + "'");
  return *day;
}

Result<std::optional<CalendarDate>> stored_optional_day(const SqlValue& value,
                                                        std::string_view column) {
  if (value.is_null()) return std::optional<CalendarDate>{};
  return std::optional<CalendarDate>{TRY(stored_day(value, column))};
}

std::optional<std::string> optional_iso(const std::optional<CalendarDate>& day) {
  if (!day) return std::nullopt;
  return day->iso();
}

}  // namespace inloco

#include "staff/staff_members.h"

#include "core/text.h"
#include "people/people_store.h"
#include "people/person_fields.h"

namespace inloco {

Status check_end_date(const CalendarDate& starts_on, const std::optional<CalendarDate>& ends_on,
                      std::string_view what) {
  if (ends_on && *ends_on < starts_on)
    return Error::invalid("The " + std::string(what) + " ends on " + ends_on->iso() +
                          ", before it starts on " + starts_on.iso() +
                          "; give an end date on or after the start.");
  return {};
}

CalendarDate staff_today(const Clock& clock) { return date_of(clock.now()); }

Result<CalendarDate> stored_day(const SqlValue& value, std::string_view column) {
  const std::string text = value.as_text();
  auto day = parse_date(text);
  // Only the ISO form is ever stored; anything else (even a readable DD/MM/YYYY) is damage.
  if (!day.ok() || day->iso() != text)
    return Error::internal("A date stored with a staff conduct record could not be read.")
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

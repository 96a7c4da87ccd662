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

}  // namespace inloco

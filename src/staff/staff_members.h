// What every staff conduct record shares (STF-1..4): finding the member of
// staff a record is about within the school, the profile's test of who may
// decide, and the checks on the words and dates people type. Keeping them in
// one place makes the four records refuse the same input in the same words.
// Their stored days are read and written here too ('YYYY-MM-DD' text in the
// schema, CalendarDate in the records).
//
// Internal to src/staff/: nothing here audits. Call inside a transaction when
// the result decides a change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "auth/role_requirements.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/typed_text.h"
#include "people/person.h"
#include "people/role.h"
#include "people/school_members.h"
#include "people/school_store.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/stored_dates.h"  // stored_day, optional_iso: were here, used by every record

namespace inloco {

inline constexpr size_t kMaxStaffShortText = 200;  // a relationship, an address, a name
inline constexpr size_t kMaxStaffLongText = 4000;  // a reason, what was agreed

// An optional end date on or after the start: kInvalid otherwise, naming both.
Status check_end_date(const CalendarDate& starts_on, const std::optional<CalendarDate>& ends_on,
                      std::string_view what);

CalendarDate staff_today(const Clock& clock);

}  // namespace inloco

// What every staff conduct record shares (STF-1..4): finding the member of
// staff a record is about within the school, the profile's test of who may
// decide, and the checks on the words and dates people type. Keeping them in
// one place makes the four records refuse the same input in the same words.
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
#include "core/clock.h"
#include "core/result.h"
#include "people/calendar_date.h"
#include "people/person.h"
#include "people/role.h"
#include "people/school_store.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

inline constexpr size_t kMaxStaffShortText = 200;   // a relationship, an address, a name
inline constexpr size_t kMaxStaffLongText = 4000;   // a reason, what was agreed

// A current member of staff (kind staff, active) of this school. kNotFound
// for anyone else, including people of other schools (ORG-1); kInvalid,
// naming them, for a person of the school who is not current staff.
Result<Person> load_staff_member(Connection& conn, int64_t school_id, int64_t person_id);

// A pupil or parent/carer of this school. kNotFound for a person of another
// school or none; kInvalid, naming them, for someone of another kind.
Result<Person> load_pupil_or_parent(Connection& conn, int64_t school_id, int64_t person_id);

// "the Headteacher", "the DSL or the Headteacher".
std::string staff_roles_phrase(const std::vector<Role>& roles);

// kForbidden unless the grants hold one of `roles` at the school (or across
// its trust): "Only <roles> can <what>, as your school's policy says; ...".
Status require_one_of(const Grants& grants, const std::vector<Role>& roles, const School& school,
                      std::string_view what);

// Trimmed text: kInvalid when empty (with `missing`, a sentence saying what
// to write), too long, not UTF-8 or (unless multiline) holding control
// characters.
Result<std::string> required_text(std::string_view text, std::string_view label,
                                  std::string_view missing, size_t max, bool multiline);
// The same for optional text: empty is allowed.
Result<std::string> optional_text(std::string_view text, std::string_view label, size_t max,
                                  bool multiline);

// An optional end date on or after the start: kInvalid otherwise, naming both.
Status check_end_date(const CalendarDate& starts_on, const std::optional<CalendarDate>& ends_on,
                      std::string_view what);

CalendarDate staff_today(const Clock& clock);

}  // namespace inloco

// Finding a person of a given kind within one school, refusing anyone else in
// words that say who they are instead. Shared by the records that name a member
// of staff (staff conduct, a ban's supervisor) or a pupil or parent.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "people/person.h"
#include "store/database.h"

namespace inloco {

// A current member of staff (kind staff, active) of this school. kNotFound
// for anyone else, including people of other schools (ORG-1); kInvalid,
// naming them, for a person of the school who is not current staff.
Result<Person> load_staff_member(Connection& conn, int64_t school_id, int64_t person_id);

// A pupil or parent/carer of this school. kNotFound for a person of another
// school or none; kInvalid, naming them, for someone of another kind.
Result<Person> load_pupil_or_parent(Connection& conn, int64_t school_id, int64_t person_id);

// The school's current staff (kind staff, active), in list_people's order, up to
// kMaxPeoplePageSize: who can be named as a member of staff in a form.
Result<std::vector<Person>> current_staff(Connection& conn, int64_t school_id);

}  // namespace inloco

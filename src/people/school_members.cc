#include "people/school_members.h"

#include "core/text.h"
#include "people/people_store.h"
#include "people/person_fields.h"

namespace inloco {

Result<Person> load_staff_member(Connection& conn, int64_t school_id, int64_t person_id) {
  auto p = get_person(conn, school_id, person_id);
  if (!p.ok())
    return Error::not_found("There is no member of staff " + std::to_string(person_id) +
                            " at this school.");
  if (p->kind != PersonKind::kStaff)
    return Error::invalid(p->display_name() + " is not a member of staff (they are recorded as " +
                          ascii_lower(person_kind_label(p->kind)) +
                          "), so this record does not apply to them.");
  if (!p->active)
    return Error::invalid(p->display_name() +
                          " is no longer a current member of staff here; records are kept only "
                          "for current staff.");
  return std::move(p).value();
}

Result<Person> load_pupil_or_parent(Connection& conn, int64_t school_id, int64_t person_id) {
  auto p = get_person(conn, school_id, person_id);
  if (!p.ok())
    return Error::not_found("There is no pupil or parent " + std::to_string(person_id) +
                            " at this school.");
  if (p->kind != PersonKind::kPupil && p->kind != PersonKind::kParent)
    return Error::invalid(p->display_name() +
                          " is not a pupil or a parent or carer; name only pupils and parents "
                          "here.");
  return std::move(p).value();
}

Result<std::vector<Person>> current_staff(Connection& conn, int64_t school_id) {
  PeopleQuery q;
  q.school_id = school_id;
  q.kind = PersonKind::kStaff;
  q.limit = kMaxPeoplePageSize;
  PeoplePage staff = TRY(list_people(conn, q));
  std::vector<Person> out;
  for (Person& p : staff.people)
    if (p.active) out.push_back(std::move(p));
  return out;
}

}  // namespace inloco

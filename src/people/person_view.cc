#include "people/person_view.h"

namespace inloco {

Result<PersonView> view_person(Database& db, const Clock& clock, const Actor& actor,
                               int64_t school_id, int64_t person_id, bool include_sensitive) {
  return db.transaction([&](Connection& conn) -> Result<PersonView> {
    PersonView v{TRY(get_person(conn, school_id, person_id)), {}, {}, {}, false};
    v.roles = TRY(roles_of(conn, person_id));
    bool sensitive_kind =
        v.person.kind == PersonKind::kPupil || v.person.kind == PersonKind::kParent;
    if (include_sensitive) {
      v.sensitive_included = true;
      if (v.person.kind == PersonKind::kPupil) v.guardians = TRY(guardians_of(conn, person_id));
      if (v.person.kind == PersonKind::kParent) v.children = TRY(children_of(conn, person_id));
    }
    if (sensitive_kind && include_sensitive)
      TRY(append_audit(conn, clock, actor,
                       AuditEvent{"person.view", "person", std::to_string(person_id), school_id,
                                  "{\"sensitive\":true}"}));
    return v;
  });
}

}  // namespace inloco

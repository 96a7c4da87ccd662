#include "staff/relationship_view.h"

namespace inloco {

Result<RelationshipView> view_relationship(Database& db, const Clock& clock, const Actor& actor,
                                           const Grants& grants, const StaffRules& rules,
                                           const School& school, int64_t relationship_id) {
  return db.transaction([&](Connection& conn) -> Result<RelationshipView> {
    RelationshipView view;
    view.relationship =
        TRY(get_relationship(SchoolScope{conn, clock, actor, school.id}, relationship_id));
    view.decision_offered =
        grants.can(Capability::kStaffConductDecide, school.id, school.trust_id) &&
        view.relationship.status != RelationshipStatus::kClosed;
    if (view.decision_offered)
      view.may_take_part = TRY(possible_participants(conn, rules, school.id, view.relationship,
                                                     actor.person_id.value_or(0)));
    return view;
  });
}

}  // namespace inloco

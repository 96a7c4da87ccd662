// What the page of one declared relationship (STF-1) and
// GET .../staff-conduct/relationships/{relationship} show, gathered in one
// transaction: the relationship with its decisions and, for someone who may
// record a decision on it, who may be named as taking part.
#pragma once

#include <cstdint>
#include <vector>

#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"
#include "staff/staff_relationships.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct RelationshipView {
  StaffRelationship relationship;
  // The viewer holds staff.conduct_decide at the school and the relationship
  // is not closed, so the decision form is offered. Whether they are one of
  // the profile's reviewers is decide_relationship's to say.
  bool decision_offered = false;
  std::vector<RoleHolder> may_take_part;  // possible_participants, when offered
};

// For the actor, who is the viewer (`grants` are theirs), at `school`.
// kNotFound for a relationship of another school. Audited
// "staff.relationship.view".
Result<RelationshipView> view_relationship(Database& db, const Clock& clock, const Actor& actor,
                                           const Grants& grants, const StaffRules& rules,
                                           const School& school, int64_t relationship_id);

}  // namespace inloco

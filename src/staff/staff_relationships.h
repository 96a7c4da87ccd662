// Pre-existing relationships (STF-1): a member of staff declares a
// relationship that stops them following the social media policy as written
// (a relative or family friend is a pupil or parent here), it is discussed
// with the people the profile names (StaffRules::relationship_reviewers, by
// default the DSL and the headteacher), and what was agreed is recorded with
// who decided, who took part, when, and an optional review date.
//
// History is never rewritten: a declaration is never changed, and every
// decision (a first arrangement, a changed one at a review, closing it when
// the pupil has left) is a new row; the latest one stands. A closed
// relationship takes no further decisions: declare it again if it revives.
//
// Functions take a Connection so callers compose them in one transaction;
// those that write, and those that show the records (they name pupils and
// families: IAM-3), must be called inside Database::transaction and append
// their audit entry there. Who may reach them at all is the permission
// table's business; the profile's narrower rules are enforced here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/people_store.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct RelationshipDeclaration {
  int64_t staff_id = 0;
  std::optional<int64_t> other_person_id;  // a person of this school, when in the register
  std::string other_description;           // required without other_person_id
  std::string relationship;                // "niece", "family friend"
  std::string details;                     // how it affects following the policy
};

// Records a declaration; returns its id. Made by the member of staff
// themselves, or on their behalf by one of rules.relationship_reviewers
// (kForbidden for anyone else). kNotFound for a member of staff or other
// person not of this school; kInvalid for missing or bad text, or naming
// oneself; kConflict when the same relationship is already declared and not
// closed. Audited "staff.relationship.declare".
Result<int64_t> declare_relationship(const SchoolScope& at, const Grants& grants,
                                     const StaffRules& rules,
                                     const RelationshipDeclaration& declaration);

enum class RelationshipOutcome {
  kAgreed,  // an arrangement was agreed (a first one, or a changed one)
  kClosed,  // no arrangement is needed any more (the pupil has left)
};
std::string_view relationship_outcome_key(RelationshipOutcome o);  // "agreed", "closed" (stored)

struct RelationshipDecisionInput {
  RelationshipOutcome outcome = RelationshipOutcome::kAgreed;
  std::string agreed;                   // what was agreed, or why it is closed
  std::vector<int64_t> discussed_with;  // the others who took part (people of the school or trust)
  std::optional<CalendarDate> review_on;  // agreed only; not before today
};

// Records a decision on a declared relationship by the actor; returns its id.
// kForbidden: the actor holds none of rules.relationship_reviewers, or is the
// member of staff concerned. kInvalid: no text, a review date in the past or
// on a closing decision, a participant who is the member of staff, or (for
// an arrangement) nobody taking part holds one of the reviewer roles: every
// role the profile names must be present, except one the member of staff
// holds themselves (a DSL's own relationship is discussed with the head).
// kNotFound: a relationship or participant not of this school; kConflict: a
// closed relationship. Audited "staff.relationship.decide".
Result<int64_t> decide_relationship(const SchoolScope& at, const Grants& grants,
                                    const StaffRules& rules, int64_t relationship_id,
                                    const RelationshipDecisionInput& input);

enum class RelationshipStatus { kAwaitingDecision, kAgreed, kClosed };
std::string_view relationship_status_label(RelationshipStatus s);  // "Awaiting a decision", ...
std::string_view relationship_status_key(
    RelationshipStatus s);  // "awaiting_decision", "agreed", "closed"

struct RelationshipDecision {
  int64_t id = 0;
  RelationshipOutcome outcome = RelationshipOutcome::kAgreed;
  std::string agreed;
  std::vector<std::string> participants;  // names of those who took part besides the decider
  std::optional<CalendarDate> review_on;
  std::optional<int64_t> decided_by;
  std::string decided_by_name;
  int64_t decided_at = 0;
};

struct StaffRelationship {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t staff_id = 0;
  std::string staff_name;
  std::optional<int64_t> other_person_id;
  std::string other_name;  // the person's name, or the description
  std::string other_description;
  std::string relationship;
  std::string details;
  std::optional<int64_t> declared_by;
  std::string declared_by_name;
  int64_t declared_at = 0;
  RelationshipStatus status = RelationshipStatus::kAwaitingDecision;
  std::optional<CalendarDate> review_on;        // of the standing decision
  std::vector<RelationshipDecision> decisions;  // oldest first; the last one stands
};

// One relationship with its decisions; kNotFound for one of another school.
// Audited "staff.relationship.view".
Result<StaffRelationship> get_relationship(const SchoolScope& at, int64_t relationship_id);

// The school's relationships, or one member of staff's: awaiting a decision
// first, then agreed, then closed; by staff name, then id. One audit entry
// "staff.relationship.view" for the list.
Result<std::vector<StaffRelationship>> list_relationships(
    const SchoolScope& at, std::optional<int64_t> staff_id = std::nullopt);

// Who may be recorded as taking part in a decision on `rel` besides the
// person deciding: each active holder of one of rules.relationship_reviewers
// at the school (or across its trust), once, with the first such role found;
// never the member of staff concerned nor `decider_id`. Not audited: it
// names only staff and their roles.
Result<std::vector<RoleHolder>> possible_participants(Connection& conn, const StaffRules& rules,
                                                      int64_t school_id,
                                                      const StaffRelationship& rel,
                                                      int64_t decider_id);

// For the dashboard: a relationship awaiting a decision, or agreed with a
// review due on or before `by`. Names only the member of staff, so it is not
// audited (as pupils_without_decision).
struct RelationshipAttention {
  int64_t relationship_id = 0;
  int64_t staff_id = 0;
  std::string staff_name;
  RelationshipStatus status = RelationshipStatus::kAwaitingDecision;
  std::optional<CalendarDate> review_on;
};
Result<std::vector<RelationshipAttention>> relationships_needing_attention(Connection& conn,
                                                                           int64_t school_id,
                                                                           const CalendarDate& by);

}  // namespace inloco

// Where a concern goes (INC-3, INC-8, LAW-3, LAW-4): a pure function of the
// profile's [concerns.routing], what the concern is about and who holds which
// role at the school (trust-wide holders count, as Grants::holds_any counts
// them). The people it returns are the only ones who may open the case until
// one of them adds someone (case_access.h).
//
// The routes, each a list of roles from the profile:
//   - by subject: a pupil -> routing.pupil; a member of staff ->
//     routing.staff; the headteacher -> routing.headteacher. A concern about
//     a parent or someone outside the school goes where a pupil's would (the
//     DSL team), because what matters is the children it affects. A member
//     of staff who holds the headteacher role is routed as the headteacher.
//   - a communication or friend/follow request on a staff member's personal
//     account (type "personal_account_contact", INC-8) -> routing.
//     personal_account_contact instead of the subject's route;
//   - personal data, images included -> routing.personal_data as well (the
//     DPO, who decides on telling the ICO within dpo_decision_hours);
//   - a complaint about the school's own accounts or posts ->
//     routing.official_accounts as well.
//
// Safe-routing rules (decided here; the edge cases):
//   1. Never to the person it is about. When it is about the headteacher,
//      never to anyone holding the headteacher role (so a headteacher who
//      reports a concern about themselves sends it to the chair).
//   2. Never to anyone with a conflict the caller names: people involved in
//      the concern and the parents or carers of pupils it names (so a
//      reporter who is also a parent of the child does not see the case).
//   3. When no one is left for a route (routed around, or nobody holds the
//      role), it falls back to the headteacher, then the chair of governors,
//      then a trust board member, again skipping everyone of rules 1 and 2;
//      the concern records that it fell back and why.
//   4. When the main route has no one even after falling back, nobody could
//      open the case: route_concern says so (`unroutable`) and the report is
//      refused with what to do, rather than stored where no one can see it.
// The reporter is never routed to for having reported; a reporter who holds a
// routed role (the DSL reporting about a pupil) receives it like anyone else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concerns/concern.h"
#include "people/people_store.h"
#include "profile/policy_profile.h"

namespace inloco {

// Route keys: stored with each routed viewer and shown on the case.
inline constexpr std::string_view kRoutePupil = "pupil";
inline constexpr std::string_view kRouteStaff = "staff";
inline constexpr std::string_view kRouteHeadteacher = "headteacher";
inline constexpr std::string_view kRoutePersonalData = "personal_data";
inline constexpr std::string_view kRoutePersonalAccountContact = "personal_account_contact";
inline constexpr std::string_view kRouteOfficialAccounts = "official_accounts";
inline constexpr std::string_view kRouteFallback = "fallback";

// The concern type of INC-8's quick report.
inline constexpr std::string_view kPersonalAccountContactType = "personal_account_contact";

// Someone who must not receive the concern, and why ("is involved in the
// concern", "is a parent or carer of Pip Pupil").
struct RoutingConflict {
  int64_t person_id = 0;
  std::string why;
};

struct RoutingRequest {
  SubjectKind subject_kind = SubjectKind::kPupil;
  std::optional<int64_t> subject_person_id;
  std::string type;
  bool involves_personal_data = false;
  bool about_official_accounts = false;
  std::vector<RoutingConflict> conflicts;
};

struct RoutedPerson {
  int64_t person_id = 0;
  std::string name;
  Role role = Role::kDsl;  // the role it reached them by (the first route's)
  // Route keys in the order above; one reached by falling back carries its
  // route's key and "fallback" ({"personal_data", "fallback"}).
  std::vector<std::string> routes;
};

struct RoutingDecision {
  std::vector<RoutedPerson> people;             // in the order routed
  SubjectKind routed_as = SubjectKind::kPupil;  // the subject kind the routes were chosen by
  bool fell_back = false;
  bool unroutable = false;            // rule 4: the main route reached no one
  std::vector<std::string> notes;     // why, one sentence each, for the case and the audit
  bool lado_decision_needed = false;  // LAW-3: about staff, and the profile refers to the LADO
};

RoutingDecision route_concern(const ConcernRules& rules, const RoutingRequest& request,
                              const std::vector<RoleHolder>& holders);

}  // namespace inloco

#include "concerns/concern_routing.h"

#include <algorithm>
#include <initializer_list>
#include <map>

namespace inloco {
namespace {

constexpr Role kFallbackChain[] = {Role::kHeadteacher, Role::kChairOfGovernors,
                                   Role::kTrustBoardMember};

bool holds(const std::vector<RoleHolder>& holders, int64_t person_id, Role role) {
  return std::any_of(holders.begin(), holders.end(), [&](const RoleHolder& h) {
    return h.person.id == person_id && h.role == role;
  });
}

std::string role_names(const std::vector<Role>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i) out += i + 1 == roles.size() ? " or " : ", ";
    out += role_label(roles[i]);
  }
  return out;
}

class Router {
 public:
  Router(const std::vector<RoleHolder>& holders, RoutingDecision& out)
      : holders_(holders), out_(out) {}

  void exclude(int64_t person_id, const std::string& why) { excluded_.emplace(person_id, why); }

  // Everyone not excluded holding one of `roles`, added under `route`; with
  // no one, the fallback chain. Returns whether anyone was reached.
  bool route(std::string_view route, const std::vector<Role>& roles) {
    if (reach({route}, roles, false)) return true;
    for (Role r : kFallbackChain) {
      if (reach({route, kRouteFallback}, {r}, true)) {
        out_.fell_back = true;
        out_.notes.push_back("No one else could receive it as " + role_names(roles) +
                             ", so it went to the " + std::string(role_label(r)) + " instead.");
        return true;
      }
    }
    return false;
  }

 private:
  bool reach(std::initializer_list<std::string_view> routes, const std::vector<Role>& roles,
             bool quiet_if_none) {
    bool reached = false;
    for (Role role : roles) {
      bool anyone = false;
      for (const RoleHolder& h : holders_) {
        if (h.role != role) continue;
        anyone = true;
        if (auto ex = excluded_.find(h.person.id); ex != excluded_.end()) {
          std::string note = "Routed around " + h.person.display_name() + " (" +
                             std::string(role_label(role)) + "), who " + ex->second + ".";
          if (std::find(out_.notes.begin(), out_.notes.end(), note) == out_.notes.end())
            out_.notes.push_back(std::move(note));
          continue;
        }
        for (std::string_view route : routes) add(h, route);
        reached = true;
      }
      if (!anyone && !quiet_if_none)
        out_.notes.push_back("No one holds the role of " + std::string(role_label(role)) +
                             " at the school.");
    }
    return reached;
  }

  void add(const RoleHolder& h, std::string_view route) {
    for (RoutedPerson& p : out_.people) {
      if (p.person_id != h.person.id) continue;
      if (std::find(p.routes.begin(), p.routes.end(), route) == p.routes.end())
        p.routes.emplace_back(route);
      return;
    }
    out_.people.push_back({h.person.id, h.person.display_name(), h.role, {std::string(route)}});
  }

  const std::vector<RoleHolder>& holders_;
  RoutingDecision& out_;
  std::map<int64_t, std::string> excluded_;
};

}  // namespace

RoutingDecision route_concern(const ConcernRules& rules, const RoutingRequest& request,
                              const std::vector<RoleHolder>& holders) {
  RoutingDecision out;
  const ConcernRouting& routing = rules.routing;
  Router router(holders, out);

  SubjectKind as = request.subject_kind;
  if (as == SubjectKind::kStaff && request.subject_person_id &&
      holds(holders, *request.subject_person_id, Role::kHeadteacher)) {
    as = SubjectKind::kHeadteacher;
    out.notes.push_back(
        "The member of staff it is about holds the role of Headteacher, so it was routed as a "
        "concern about the headteacher.");
  }
  out.routed_as = as;

  if (request.subject_person_id) router.exclude(*request.subject_person_id, "is its subject");
  if (as == SubjectKind::kHeadteacher)
    for (const RoleHolder& h : holders)
      if (h.role == Role::kHeadteacher)
        router.exclude(h.person.id, "holds the headteacher role, whom the concern is about");
  for (const RoutingConflict& c : request.conflicts) router.exclude(c.person_id, c.why);

  std::string_view main_route;
  const std::vector<Role>* main_roles = nullptr;
  if (request.type == kPersonalAccountContactType) {
    main_route = kRoutePersonalAccountContact;
    main_roles = &routing.personal_account_contact;
  } else {
    switch (as) {
      case SubjectKind::kStaff:
        main_route = kRouteStaff;
        main_roles = &routing.staff;
        break;
      case SubjectKind::kHeadteacher:
        main_route = kRouteHeadteacher;
        main_roles = &routing.headteacher;
        break;
      case SubjectKind::kPupil:
      case SubjectKind::kParent:
      case SubjectKind::kOutside:
        main_route = kRoutePupil;
        main_roles = &routing.pupil;
        break;
    }
  }
  if (!router.route(main_route, *main_roles)) {
    out.unroutable = true;
    out.notes.push_back("No one at the school or its trust can receive it safely.");
  }
  if (request.involves_personal_data && !router.route(kRoutePersonalData, routing.personal_data))
    out.notes.push_back("No one could receive it for the decision on telling the ICO.");
  if (request.about_official_accounts)
    router.route(kRouteOfficialAccounts, routing.official_accounts);

  out.lado_decision_needed =
      rules.lado_referral && (as == SubjectKind::kStaff || as == SubjectKind::kHeadteacher);
  return out;
}

}  // namespace inloco

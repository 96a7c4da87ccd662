#include "concerns/concern_actions.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "concerns/case_access.h"
#include "concerns/concern_routing.h"
#include "concerns/concern_store.h"
#include "core/text.h"
#include "notices/notice_store.h"
#include "people/school_store.h"

namespace inloco {
namespace {

std::string role_names(const std::vector<Role>& roles) {
  std::vector<std::string> out;
  for (Role r : roles) out.emplace_back(role_label(r));
  return join(out, " or ");
}

bool about_staff(const Concern& c) {
  return c.lado_decision_needed || c.subject_kind == SubjectKind::kStaff ||
         c.subject_kind == SubjectKind::kHeadteacher;
}

Status refuse_if_closed(const Concern& c) {
  if (c.status == ConcernStatus::kClosed)
    return Error::conflict("This concern was closed on " + format_utc(c.closed_at.value_or(0)) +
                           " by " + c.closed_by_name +
                           ". Reopen it, with the reason, to record anything more.");
  return {};
}

// Routed (not added) viewers manage the case's state.
Result<CaseViewer> require_routed_viewer(Connection& conn, int64_t concern_id, int64_t person,
                                         std::string_view doing) {
  CaseViewer viewer = TRY(require_case_viewer(conn, concern_id, person));
  if (viewer.added)
    return Error::forbidden("Only the people this concern was routed to can " + std::string(doing) +
                            "; you were added to help with it.");
  return viewer;
}

Status audit(const SchoolScope& at, std::string action, int64_t concern_id,
             const nlohmann::json& detail) {
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{std::move(action), "concern", std::to_string(concern_id),
                              at.school_id, detail.dump()}));
  return {};
}

}  // namespace

Result<int64_t> add_action(const SchoolScope& at, const Grants& grants, const ConcernRules& rules,
                           int64_t concern_id, const ActionInput& in) {
  int64_t person = TRY(acting_person(at.actor.person_id, "record an action"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_case_viewer(at.conn, concern_id, person));
  TRY(refuse_if_closed(concern));
  if (in.kind == ActionKind::kIcoDecision || in.kind == ActionKind::kClosed ||
      in.kind == ActionKind::kReopened)
    return Error::invalid("Record the ICO decision, closing or reopening with their own forms.");

  const int64_t now = at.now();
  ConcernAction a;
  a.kind = in.kind;
  a.taken_at = in.taken_at.value_or(now);
  if (a.taken_at > now)
    return Error::invalid("The action is dated " + format_utc(a.taken_at) +
                          ", in the future; record it once it has been done.");
  a.counterpart = TRY(checked_text(in.counterpart, "Who it was with", kMaxShortConcernText, true));
  a.detail = TRY(checked_text(in.detail, "The details", kMaxReasonTextLength, false));
  a.reason = TRY(checked_text(in.reason, "The reason", kMaxReasonTextLength, false));
  a.recorded_by = person;
  a.recorded_by_name = at.actor.name;
  a.recorded_at = now;

  School school = TRY(get_school(at.conn, at.school_id));
  auto require = [](bool ok, std::string message) -> Status {
    if (!ok) return Error::invalid(std::move(message));
    return {};
  };
  auto decided = [&](std::string_view question) -> Status {
    TRY(require(in.decision.has_value(), "Say " + std::string(question)));
    TRY(require(!a.reason.empty(),
                "Give the reason for the decision; every decision is recorded with its reason."));
    a.decision = in.decision;
    return {};
  };
  switch (in.kind) {
    case ActionKind::kNote:
      TRY(require(!a.detail.empty(), "Write what was discussed or decided."));
      break;
    case ActionKind::kPlatformContacted:
      TRY(require(!a.counterpart.empty(), "Name the platform or host that was contacted."));
      TRY(require(!a.detail.empty(), "Say what the outcome was (or that a reply is awaited)."));
      break;
    case ActionKind::kCeop:
      if (!grants.holds_any(rules.ceop_deciders, at.school_id, school.trust_id))
        return Error::forbidden("This school's policy says the " + role_names(rules.ceop_deciders) +
                                " decides whether to report to CEOP.");
      TRY(decided("whether a CEOP report was made."));
      break;
    case ActionKind::kPolice:
      if (!grants.holds_any(rules.police_contact, at.school_id, school.trust_id))
        return Error::forbidden("This school's policy says the " +
                                role_names(rules.police_contact) +
                                " decides whether to involve the police.");
      TRY(decided("whether the police were involved."));
      break;
    case ActionKind::kLadoReferral:
      TRY(require(about_staff(concern),
                  "A LADO referral is for allegations about members of staff; this concern is "
                  "about " +
                      std::string(subject_kind_label(concern.subject_kind)) + "."));
      TRY(decided("whether the allegation was referred to the LADO."));
      break;
    case ActionKind::kLowLevelConcern:
      TRY(require(about_staff(concern),
                  "Low-level concerns are about members of staff; this concern is about " +
                      std::string(subject_kind_label(concern.subject_kind)) + "."));
      TRY(require(!a.reason.empty(),
                  "Say why it is a low-level concern (why it does not meet the harm threshold)."));
      break;
    case ActionKind::kParentsInformed:
      TRY(require(!a.counterpart.empty(), "Say which parents or carers were told."));
      break;
    case ActionKind::kSanction:
      TRY(require(!a.detail.empty(), "Describe the sanction."));
      break;
    case ActionKind::kSupportOffered:
      TRY(require(!a.detail.empty(), "Describe the support offered."));
      break;
    case ActionKind::kInformationShared:
      TRY(require(!a.detail.empty(), "Say what information was shared."));
      TRY(require(!a.counterpart.empty(), "Say which agency or person it was shared with."));
      TRY(require(!a.reason.empty(), "Say why it was shared."));
      break;
    case ActionKind::kIcoDecision:
    case ActionKind::kClosed:
    case ActionKind::kReopened:
      break;
  }
  a.id = TRY(insert_action(at.conn, concern_id, a));
  TRY(audit(at, "concern.action", concern_id,
            {{"action", a.id}, {"kind", action_kind_key(a.kind)}}));
  return a.id;
}

Status record_ico_decision(const SchoolScope& at, int64_t concern_id, bool report_to_ico,
                           std::string_view reason) {
  int64_t person = TRY(acting_person(at.actor.person_id, "record the ICO decision"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  CaseViewer viewer = TRY(require_case_viewer(at.conn, concern_id, person));
  if (!concern.involves_personal_data || !concern.ico_decision_due)
    return Error::invalid(
        "This concern does not involve personal data, so there is no decision "
        "on reporting to the ICO to record.");
  const auto& routes = viewer.routed_for;
  if (std::find(routes.begin(), routes.end(), kRoutePersonalData) == routes.end())
    return Error::forbidden(
        "The decision on reporting to the ICO is for the data protection "
        "officer this concern was routed to.");
  if (concern.ico_reported)
    return Error::conflict("The decision on reporting to the ICO was recorded by " +
                           concern.ico_decided_by_name + " on " +
                           format_utc(concern.ico_decided_at.value_or(0)) +
                           "; record any later change as a note.");
  std::string why = TRY(checked_text(reason, "The reason", kMaxReasonTextLength, false));
  if (why.empty())
    return Error::invalid(
        "Give the reason for the decision (for example, the likely risk to "
        "people's rights and freedoms).");
  const int64_t now = at.now();
  const bool late = now > *concern.ico_decision_due;
  TRY(at.conn.execute(
      "UPDATE concerns SET ico_decision = ?, ico_reason = ?, ico_decided_by = ?, "
      "ico_decided_by_name = ?, ico_decided_at = ? WHERE id = ? AND ico_decision IS NULL",
      {report_to_ico ? "report" : "no_report", why, person, at.actor.name, now, concern_id}));
  ConcernAction a;
  a.kind = ActionKind::kIcoDecision;
  a.taken_at = now;
  a.decision = report_to_ico;
  a.counterpart = "Information Commissioner's Office";
  a.detail = late ? "Decided after the deadline of " + format_utc(*concern.ico_decision_due) + "."
                  : "Decided within the deadline of " + format_utc(*concern.ico_decision_due) + ".";
  a.reason = why;
  a.recorded_by = person;
  a.recorded_by_name = at.actor.name;
  a.recorded_at = now;
  TRY(insert_action(at.conn, concern_id, a));
  return audit(at, "concern.ico_decision", concern_id, {{"report", report_to_ico}, {"late", late}});
}

Status close_concern(const SchoolScope& at, const ConcernRules& rules, int64_t concern_id,
                     const Debrief& debrief) {
  int64_t person = TRY(acting_person(at.actor.person_id, "close a concern"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_routed_viewer(at.conn, concern_id, person, "close it"));
  if (concern.status == ConcernStatus::kClosed)
    return Error::conflict("This concern is already closed (by " + concern.closed_by_name + ").");
  std::string lessons =
      TRY(checked_text(debrief.lessons_learnt, "Lessons learnt", kMaxReasonTextLength, false));
  std::string change = TRY(checked_text(debrief.policy_change, "The policy or curriculum change",
                                        kMaxReasonTextLength, false));

  std::vector<ConcernAction> actions = TRY(load_actions(at.conn, concern_id));
  auto recorded = [&](ActionKind kind) {
    return std::any_of(actions.begin(), actions.end(),
                       [&](const ConcernAction& a) { return a.kind == kind; });
  };
  std::vector<std::string> problems;
  if (rules.debrief_required && lessons.empty())
    problems.push_back("Record the lessons learnt in the debrief.");
  if (rules.debrief_required && change.empty())
    problems.push_back(
        "Record any change to the policy or curriculum that follows, or write "
        "\"none\".");
  if (concern.involves_personal_data && !concern.ico_reported)
    problems.push_back(
        "Personal data is involved: the data protection officer must first "
        "record the decision on reporting to the ICO.");
  if (std::find(rules.criminal_types.begin(), rules.criminal_types.end(), concern.type) !=
          rules.criminal_types.end() &&
      !recorded(ActionKind::kPolice))
    problems.push_back(
        "This type of concern may be a crime: record whether the police were "
        "involved, and why, before closing.");
  if (concern.lado_decision_needed && !recorded(ActionKind::kLadoReferral) &&
      !recorded(ActionKind::kLowLevelConcern))
    problems.push_back(
        "This concern is about a member of staff: record whether it was referred "
        "to the LADO, or kept as a low-level concern and why, before closing.");
  if (!problems.empty()) {
    Error e = Error::invalid("The concern was not closed: " + problems.front());
    e.details.assign(problems.begin() + 1, problems.end());
    return e;
  }

  const int64_t now = at.now();
  TRY(at.conn.execute(
      "UPDATE concerns SET status = 'closed', closed_by = ?, closed_by_name = ?, closed_at = ?, "
      "lessons_learnt = ?, policy_change = ? WHERE id = ? AND status = 'open'",
      {person, at.actor.name, now, lessons, change, concern_id}));
  ConcernAction a;
  a.kind = ActionKind::kClosed;
  a.taken_at = now;
  a.detail = lessons;
  a.reason = change;  // the debrief's change stays in the chronology after a reopening
  a.recorded_by = person;
  a.recorded_by_name = at.actor.name;
  a.recorded_at = now;
  TRY(insert_action(at.conn, concern_id, a));
  return audit(at, "concern.close", concern_id, nlohmann::json::object());
}

Status reopen_concern(const SchoolScope& at, int64_t concern_id, std::string_view reason) {
  int64_t person = TRY(acting_person(at.actor.person_id, "reopen a concern"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_routed_viewer(at.conn, concern_id, person, "reopen it"));
  if (concern.status != ConcernStatus::kClosed)
    return Error::conflict("This concern is open already.");
  std::string why = TRY(checked_text(reason, "The reason", kMaxReasonTextLength, false));
  if (why.empty()) return Error::invalid("Say why the concern is being reopened.");
  const int64_t now = at.now();
  TRY(at.conn.execute(
      "UPDATE concerns SET status = 'open', closed_by = NULL, closed_by_name = '', closed_at = "
      "NULL, lessons_learnt = '', policy_change = '' WHERE id = ? AND status = 'closed'",
      {concern_id}));
  ConcernAction a;
  a.kind = ActionKind::kReopened;
  a.taken_at = now;
  a.reason = why;
  a.recorded_by = person;
  a.recorded_by_name = at.actor.name;
  a.recorded_at = now;
  TRY(insert_action(at.conn, concern_id, a));
  for (const CaseViewer& v : TRY(load_viewers(at.conn, concern_id)))
    if (v.person_id != person)
      TRY(notify(at.conn, at.clock, at.school_id, v.person_id, NoticeKind::kConcernReopened,
                 concern_id));
  return audit(at, "concern.reopen", concern_id, {{"reason", why}});
}

}  // namespace inloco

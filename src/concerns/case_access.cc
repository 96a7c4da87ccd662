#include "concerns/case_access.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "concerns/concern_evidence.h"
#include "concerns/concern_store.h"
#include "notices/notice_store.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco {

Result<bool> may_view_case(Connection& conn, int64_t person_id, int64_t concern_id) {
  auto viewer = TRY(find_viewer(conn, concern_id, person_id));
  return viewer.has_value();
}

Error no_such_case_among_yours() {
  return Error::not_found("There is no such concern among yours.");
}

Error as_case_refusal(Error e) {
  if (e.code == ErrorCode::kForbidden || e.code == ErrorCode::kNotFound)
    return no_such_case_among_yours();
  return e;
}

Status require_may_view_case(Connection& conn, int64_t person_id, int64_t concern_id) {
  if (!TRY(may_view_case(conn, person_id, concern_id))) return no_such_case_among_yours();
  return {};
}

Result<CaseViewer> require_case_viewer(Connection& conn, int64_t concern_id, int64_t person_id) {
  auto viewer = TRY(find_viewer(conn, concern_id, person_id));
  if (!viewer)
    return Error::forbidden(
        "This concern is open only to the people it was routed to and those they added. If you "
        "need to see it, ask the designated safeguarding lead or the headteacher.");
  return std::move(*viewer);
}

Status grant_case_access(const SchoolScope& at, int64_t concern_id, int64_t person_id,
                         std::string_view reason) {
  int64_t by = TRY(acting_person(at.actor.person_id, "add someone to a case"));
  Concern concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_case_viewer(at.conn, concern_id, by));
  std::string why = TRY(checked_text(reason, "The reason", kMaxReasonTextLength, false));
  if (why.empty())
    return Error::invalid("Say why this person needs to see the case; the reason is kept with it.");

  School school = TRY(get_school(at.conn, at.school_id));
  auto found = get_person_by_id(at.conn, person_id);
  if (!found.ok() && found.error().code != ErrorCode::kNotFound) return std::move(found).error();
  if (!found.ok() ||
      !(found->school_id ? *found->school_id == at.school_id : found->trust_id == school.trust_id))
    return Error::not_found("Person " + std::to_string(person_id) +
                            " is not in the records of this school or its trust.");
  const Person& p = *found;
  const std::string who = p.display_name();
  // A parent may sit on the governing board; a parent without a role may not see cases.
  if (p.kind == PersonKind::kPupil ||
      (p.kind == PersonKind::kParent && TRY(roles_of(at.conn, p.id)).empty()))
    return Error::invalid(who +
                          " is a pupil or a parent; safeguarding cases are open only to "
                          "staff, governors and the trust's officers.");
  if (!p.active) return Error::invalid(who + " is no longer active at the school.");
  if (concern.subject_person_id == p.id)
    return Error::invalid(who + " is the person this concern is about and cannot see the case.");
  for (const ConcernParty& party : TRY(load_parties(at.conn, concern_id)))
    if (party.person_id == p.id)
      return Error::invalid(who + " is involved in this concern and cannot see the case.");
  std::vector<int64_t> pupils;
  if (concern.subject_kind == SubjectKind::kPupil && concern.subject_person_id)
    pupils.push_back(*concern.subject_person_id);
  for (const ConcernParty& party : TRY(load_parties(at.conn, concern_id)))
    if (party.person_id) pupils.push_back(*party.person_id);
  for (const GuardianLink& child : TRY(children_of(at.conn, p.id)))
    if (std::find(pupils.begin(), pupils.end(), child.other.id) != pupils.end())
      return Error::invalid(who + " is a parent or carer of " + child.other.display_name() +
                            ", whom this concern names, and cannot see the case.");
  Rows already = TRY(at.conn.query(
      "SELECT 1 FROM concern_viewers WHERE concern_id = ? AND person_id = ?", {concern_id, p.id}));
  if (!already.empty()) return Error::conflict(who + " can already open this case.");

  const int64_t now = at.now();
  TRY(at.conn.execute(
      "INSERT INTO concern_viewers (concern_id, person_id, via, reason, added_by, added_by_name, "
      "added_at) VALUES (?, ?, 'added', ?, ?, ?, ?)",
      {concern_id, p.id, why, by, at.actor.name, now}));
  TRY(notify(at.conn, at.clock, at.school_id, p.id, NoticeKind::kConcernAccessAdded, concern_id));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"concern.access_grant", "concern", std::to_string(concern_id), at.school_id,
                 nlohmann::json{{"person", p.id}, {"reason", why}}.dump()}));
  return {};
}

Result<ConcernCase> open_case(const SchoolScope& at, const ConcernRules& rules,
                              const Grants& grants, int64_t concern_id) {
  int64_t person = TRY(acting_person(at.actor.person_id, "open a case"));
  ConcernCase out;
  out.concern = TRY(load_concern(at.conn, at.school_id, concern_id));
  TRY(require_case_viewer(at.conn, concern_id, person));
  School school = TRY(get_school(at.conn, at.school_id));
  out.involved = TRY(load_parties(at.conn, concern_id));
  out.viewers = TRY(load_viewers(at.conn, concern_id));
  out.evidence = TRY(load_evidence(at.conn, concern_id));
  present_addresses(out.evidence,
                    sees_live_addresses(rules, grants, at.school_id, school.trust_id));
  out.actions = TRY(load_actions(at.conn, concern_id));
  TRY(mark_concern_notices_read(at.conn, at.clock, person, concern_id));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"concern.view", "concern", std::to_string(concern_id), at.school_id, "{}"}));
  return out;
}

namespace {

Result<std::vector<CaseSummary>> summaries_for(Connection& conn, const Clock& clock, int64_t person,
                                               int64_t school_id) {
  Rows rows = TRY(conn.query(
      "SELECT c.id, c.reported_at, c.happened_at, c.concern_type, c.subject_kind, "
      "COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name, c.subject_description, "
      "c.status, (SELECT COUNT(*) FROM concern_actions a WHERE a.concern_id = c.id), "
      "c.ico_decision_due, c.ico_decision, c.lado_decision_needed, "
      "(SELECT COUNT(*) FROM concern_actions a WHERE a.concern_id = c.id AND a.kind IN "
      "('lado_referral', 'low_level_concern')) "
      "FROM concerns c JOIN concern_viewers v ON v.concern_id = c.id AND v.person_id = ? "
      "JOIN people me ON me.id = v.person_id AND me.active = 1 "
      "LEFT JOIN people p ON p.id = c.subject_person_id WHERE c.school_id = ? "
      "ORDER BY CASE WHEN c.status = 'open' THEN 0 ELSE 1 END, c.reported_at DESC, c.id DESC",
      {person, school_id}));
  const int64_t now = clock.now();
  std::vector<CaseSummary> out;
  for (const Row& r : rows) {
    RowReader in(r);
    CaseSummary s;
    s.concern_id = in.integer();
    s.reported_at = in.integer();
    s.happened_at = in.integer();
    s.type = in.text();
    s.subject_kind = parse_subject_kind(in.text()).value_or(SubjectKind::kOutside);
    std::optional<std::string> subject_person_name = in.optional_text();  // none: no person
    std::string subject_description = in.text();
    s.subject_name = subject_person_name ? *subject_person_name : subject_description;
    s.status = in.text() == "closed" ? ConcernStatus::kClosed : ConcernStatus::kOpen;
    s.actions = in.integer();
    s.ico_decision_due = in.optional_integer();
    s.ico_decided = !in.is_null();
    in.skip();  // ico_decision: only whether it was made counts here
    s.ico_decision_overdue = s.ico_decision_due && !s.ico_decided && now > *s.ico_decision_due;
    const bool lado_decision_needed = in.flag();
    const int64_t lado_actions = in.integer();
    if (lado_decision_needed && lado_actions == 0) {
      s.lado_decision_due = lado_decision_due(s.reported_at);
      s.lado_decision_overdue = s.status == ConcernStatus::kOpen && now > *s.lado_decision_due;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<CaseCounts> count_cases_for(Connection& conn, const Clock& clock, int64_t person_id,
                                   int64_t school_id) {
  CaseCounts counts;
  for (const CaseSummary& s : TRY(summaries_for(conn, clock, person_id, school_id))) {
    if (s.status != ConcernStatus::kOpen) continue;
    ++counts.open;
    if (s.is_new()) ++counts.new_cases;
    if (s.overdue()) ++counts.overdue;
  }
  return counts;
}

Result<std::vector<CaseSummary>> cases_for(const SchoolScope& at) {
  int64_t person = TRY(acting_person(at.actor.person_id, "list cases"));
  std::vector<CaseSummary> out = TRY(summaries_for(at.conn, at.clock, person, at.school_id));
  std::vector<int64_t> ids;
  for (const CaseSummary& s : out) ids.push_back(s.concern_id);
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"concern.list", "school", std::to_string(at.school_id), at.school_id,
                              nlohmann::json{{"concerns", ids}}.dump()}));
  return out;
}

}  // namespace inloco

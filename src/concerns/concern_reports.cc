#include "concerns/concern_reports.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "concerns/concern_routing.h"
#include "concerns/concern_store.h"
#include "core/text.h"
#include "notices/notice_store.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "profile/vocabulary.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr int64_t kSecondsPerHour = 3600;
constexpr int kMaxDpoDecisionHours = 72;  // UK GDPR art. 33

bool listed(const std::vector<std::string>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::string labelled(const Vocabulary& v, const std::vector<std::string>& keys) {
  std::vector<std::string> out;
  for (const std::string& k : keys) out.push_back(std::string(v.label(k).value_or(k)));
  return join(out, ", ");
}

// A person the school may name: one of its own, or a person of its trust
// itself (central staff). kNotFound otherwise, as for an id that does not exist.
Result<Person> person_for_school(Connection& conn, const School& school, int64_t person_id) {
  auto p = get_person_by_id(conn, person_id);
  if (p.ok() && (p->school_id ? *p->school_id == school.id : p->trust_id == school.trust_id))
    return std::move(p).value();
  if (!p.ok() && p.error().code != ErrorCode::kNotFound) return std::move(p).error();
  return Error::not_found("Person " + std::to_string(person_id) +
                          " is not in this school's records.");
}

class Problems {
 public:
  void add(std::string p) { list_.push_back(std::move(p)); }
  // Records the error of a text check; returns the text (empty on error).
  std::string text(const Result<std::string>& r) {
    if (r.ok()) return *r;
    add(r.error().message);
    return {};
  }
  bool empty() const { return list_.empty(); }
  Error error() const {
    Error e = Error::invalid("The concern was not saved: " + list_.front());
    e.details.assign(list_.begin() + 1, list_.end());
    return e;
  }

 private:
  std::vector<std::string> list_;
};

struct Checked {
  ConcernReport report;
  std::vector<RoutingConflict> conflicts;
};

// Every check of a report; `type_fixed`: INC-8's quick report, whose type is
// recorded whatever the profile lists.
Result<Checked> check_report(Connection& conn, const Clock& clock, const ConcernRules& rules,
                             const School& school, const ConcernReport& in,
                             const std::vector<RoleHolder>& holders, bool type_fixed) {
  Checked out;
  ConcernReport& r = out.report;
  r = in;
  Problems problems;
  const int64_t now = clock.now();

  if (!in.happened_at)
    problems.add("Say when it happened (the date, and the time if you know it).");
  else if (*in.happened_at > now)
    problems.add("The time it happened, " + format_utc(*in.happened_at) +
                 ", is in the future; check the date and time.");
  else if (*in.happened_at <= 0)
    problems.add("The date it happened is not a real date; check it.");

  if (auto what = checked_text(in.what_happened, "What happened", kMaxConcernTextLength, false);
      !what.ok())
    problems.add(what.error().message);
  else if (what->empty())
    problems.add("Describe what happened, in your own words.");
  else
    r.what_happened = std::move(what).value();
  r.platform = problems.text(checked_text(in.platform, "The platform", kMaxShortConcernText, true));
  r.subject_description = problems.text(checked_text(
      in.subject_description, "The description of who it is about", kMaxShortConcernText, true));

  if (!type_fixed && !listed(rules.types, in.type))
    problems.add(in.type.empty() ? "Choose the type of concern."
                                 : "'" + in.type +
                                       "' is not a type of concern this school's "
                                       "policy lists; choose one of: " +
                                       labelled(concern_type_vocabulary(), rules.types) + ".");
  if (!listed(rules.risk_areas, in.risk_area))
    problems.add(
        in.risk_area.empty()
            ? "Choose the online risk area: " + labelled(risk_area_vocabulary(), rules.risk_areas) +
                  "."
            : "'" + in.risk_area + "' is not a risk area this school uses; choose one of: " +
                  labelled(risk_area_vocabulary(), rules.risk_areas) + ".");
  if (!in.risk_kind.empty() && !listed(rules.kinds, in.risk_kind))
    problems.add("'" + in.risk_kind + "' is not a kind of risk this school uses; choose one of: " +
                 labelled(risk_kind_vocabulary(), rules.kinds) + ", or leave it empty.");
  if (in.type == "data_breach")
    r.involves_personal_data = true;  // a breach always starts the clock

  // Who it is about.
  std::set<int64_t> named;
  std::vector<int64_t> pupils_named;
  if (in.subject_person_id) {
    auto subject = person_for_school(conn, school, *in.subject_person_id);
    if (!subject.ok()) {
      if (subject.error().code != ErrorCode::kNotFound) return std::move(subject).error();
      problems.add(
          "The person it is about is not in this school's records; choose them from the "
          "list, or describe them instead.");
    } else {
      const Person& s = *subject;
      const std::string who = s.display_name();
      named.insert(s.id);
      switch (in.subject_kind) {
        case SubjectKind::kPupil:
          if (s.kind != PersonKind::kPupil)
            problems.add(who + " is not a pupil; choose who the concern is about again.");
          else
            pupils_named.push_back(s.id);
          break;
        case SubjectKind::kParent:
          if (s.kind != PersonKind::kParent)
            problems.add(
                who +
                " is not recorded as a parent or carer; choose who the concern is about again.");
          break;
        case SubjectKind::kStaff:
          if (s.kind == PersonKind::kPupil || s.kind == PersonKind::kParent)
            problems.add(who + " is not a member of staff; choose who the concern is about again.");
          break;
        case SubjectKind::kHeadteacher: {
          bool head = std::any_of(holders.begin(), holders.end(), [&](const RoleHolder& h) {
            return h.person.id == s.id && h.role == Role::kHeadteacher;
          });
          if (!head)
            problems.add(who + " is not the headteacher; choose 'a member of staff' instead.");
          break;
        }
        case SubjectKind::kOutside:
          problems.add(who +
                       " is in the school's records, so is not someone outside the school; "
                       "choose what kind of person they are.");
          break;
      }
    }
  } else if (r.subject_description.empty() && in.subject_kind != SubjectKind::kHeadteacher) {
    problems.add(
        "Say who the concern is about: choose the person, or describe them if you do "
        "not know who it is.");
  }

  // Who else is involved.
  if (in.involved.size() > kMaxInvolvedPeople)
    problems.add("A concern can name at most " + std::to_string(kMaxInvolvedPeople) +
                 " other people; describe the rest in what happened.");
  r.involved.clear();
  for (const InvolvedPerson& x : in.involved) {
    InvolvedPerson clean = x;
    clean.description = problems.text(checked_text(
        x.description, "The description of someone involved", kMaxShortConcernText, true));
    if (x.person_id) {
      auto p = person_for_school(conn, school, *x.person_id);
      if (!p.ok()) {
        if (p.error().code != ErrorCode::kNotFound) return std::move(p).error();
        problems.add(
            "Someone named as involved is not in this school's records; choose them "
            "from the list, or describe them instead.");
        continue;
      }
      if (!named.insert(p->id).second) {
        problems.add(p->display_name() + " is named twice; name each person once.");
        continue;
      }
      if (p->kind == PersonKind::kPupil) pupils_named.push_back(p->id);
      out.conflicts.push_back({p->id, "is involved in the concern"});
    } else if (clean.description.empty()) {
      problems.add(
          "Someone involved has neither a name from the list nor a description; add one "
          "or remove them.");
      continue;
    }
    r.involved.push_back(std::move(clean));
  }
  if (!problems.empty()) return problems.error();

  // The parents and carers of every pupil named have a conflict, whoever they are.
  for (int64_t pupil : pupils_named) {
    Person child = TRY(get_person_by_id(conn, pupil));
    for (const GuardianLink& g : TRY(guardians_of(conn, pupil)))
      out.conflicts.push_back({g.other.id, "is a parent or carer of " + child.display_name()});
  }
  return out;
}

Result<ReportedConcern> store_report(const SchoolScope& at, const ConcernRules& rules,
                                     const ConcernReport& in, bool type_fixed) {
  int64_t reporter = TRY(acting_person(at.actor.person_id, "report a concern"));
  School school = TRY(get_school(at.conn, at.school_id));
  std::vector<RoleHolder> holders = TRY(role_holders_at(at.conn, at.school_id));
  Checked checked = TRY(check_report(at.conn, at.clock, rules, school, in, holders, type_fixed));
  const ConcernReport& r = checked.report;

  RoutingRequest request{r.subject_kind,           r.subject_person_id,       r.type,
                         r.involves_personal_data, r.about_official_accounts, checked.conflicts};
  RoutingDecision routing = route_concern(rules, request, holders);
  if (routing.unroutable)
    return Error::conflict(
        "No one at the school or its trust can safely receive this concern (everyone who would "
        "is involved in it, or the roles are not filled). Nothing was saved: tell the designated "
        "safeguarding lead or the headteacher in person now, and ask for the school's roles to "
        "be recorded in inloco.");

  const int64_t now = at.now();
  std::optional<int64_t> ico_due;
  if (r.involves_personal_data)
    ico_due = now + std::clamp(rules.dpo_decision_hours, 1, kMaxDpoDecisionHours) * kSecondsPerHour;
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO concerns (school_id, reported_by, reported_by_name, reported_at, happened_at, "
      "what_happened, subject_kind, subject_person_id, subject_description, platform, risk_area, "
      "risk_kind, concern_type, involves_personal_data, about_official_accounts, fell_back, "
      "routing_notes, lado_decision_needed, status, ico_decision_due) VALUES (?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id",
      {at.school_id, reporter, at.actor.name, now, *r.happened_at, r.what_happened,
       subject_kind_key(r.subject_kind), r.subject_person_id, r.subject_description, r.platform,
       r.risk_area, r.risk_kind, r.type, r.involves_personal_data, r.about_official_accounts,
       routing.fell_back, join(routing.notes, "\n"), routing.lado_decision_needed, ico_due}));
  for (const InvolvedPerson& x : r.involved)
    TRY(at.conn.execute(
        "INSERT INTO concern_people (concern_id, person_id, description, involvement) VALUES (?, "
        "?, ?, ?)",
        {id, x.person_id, x.description, involvement_key(x.involvement)}));
  ReportedConcern out{id, now, {}, routing.fell_back};
  for (const RoutedPerson& p : routing.people) {
    TRY(at.conn.execute(
        "INSERT INTO concern_viewers (concern_id, person_id, via, routed_for, role, added_at) "
        "VALUES (?, ?, 'routed', ?, ?, ?)",
        {id, p.person_id, join(p.routes, ","), role_key(p.role), now}));
    out.routed_to.push_back(p.person_id);
    // INC-3: the people routed to are told in the application (not the
    // reporter, when they are one of them: they know already).
    if (p.person_id != reporter)
      TRY(notify(at.conn, at.clock, at.school_id, p.person_id, NoticeKind::kConcernRouted, id));
  }
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"concern.report", "concern", std::to_string(id), at.school_id,
                              nlohmann::json{{"type", r.type},
                                             {"subject_kind", subject_kind_key(r.subject_kind)},
                                             {"routed_to", out.routed_to},
                                             {"fell_back", routing.fell_back},
                                             {"personal_data", r.involves_personal_data}}
                                  .dump()}));
  return out;
}

}  // namespace

Result<ReportedConcern> report_concern(const SchoolScope& at, const ConcernRules& rules,
                                       const ConcernReport& report) {
  return store_report(at, rules, report, false);
}

std::string_view contact_kind_key(ContactKind kind) {
  switch (kind) {
    case ContactKind::kMessage:
      return "message";
    case ContactKind::kFriendRequest:
      return "friend_request";
    case ContactKind::kFollowRequest:
      return "follow_request";
  }
  return "message";
}

std::optional<ContactKind> parse_contact_kind(std::string_view key) {
  for (ContactKind k :
       {ContactKind::kMessage, ContactKind::kFriendRequest, ContactKind::kFollowRequest})
    if (contact_kind_key(k) == key) return k;
  return std::nullopt;
}

Result<ReportedConcern> report_personal_account_contact(const SchoolScope& at,
                                                        const ConcernRules& rules,
                                                        const PersonalAccountContact& contact) {
  if (contact.from_kind != SubjectKind::kPupil && contact.from_kind != SubjectKind::kParent &&
      contact.from_kind != SubjectKind::kOutside)
    return Error::invalid(
        "Say who contacted you: a pupil, a parent or carer, or someone outside "
        "the school. Contact from a colleague is reported as an ordinary concern.");
  std::string platform =
      TRY(checked_text(contact.platform, "The platform", kMaxShortConcernText, true));
  if (platform.empty())
    return Error::invalid("Say which platform or app it came through (for example Instagram).");
  std::string note = TRY(checked_text(contact.note, "The note", kMaxConcernTextLength, false));
  std::string what;
  switch (contact.contact) {
    case ContactKind::kMessage:
      what = "A message was received";
      break;
    case ContactKind::kFriendRequest:
      what = "A friend request was received";
      break;
    case ContactKind::kFollowRequest:
      what = "A follow request was received";
      break;
  }
  what += " on " + at.actor.name + "'s personal account on " + platform + ".";
  if (!note.empty()) what += "\n" + note;

  ConcernReport report;
  report.happened_at = contact.happened_at;
  report.what_happened = what;
  report.subject_kind = contact.from_kind;
  report.subject_person_id = contact.from_person_id;
  report.subject_description = contact.from_description;
  report.platform = platform;
  // The profile's checks guarantee at least one risk area.
  report.risk_area = listed(rules.risk_areas, "contact") || rules.risk_areas.empty()
                         ? "contact"
                         : rules.risk_areas.front();
  report.type = std::string(kPersonalAccountContactType);
  return store_report(at, rules, report, true);
}

Result<SubmittedReport> submitted_report(const SchoolScope& at, int64_t concern_id) {
  int64_t person = TRY(acting_person(at.actor.person_id, "see a report"));
  Concern c = TRY(load_concern(at.conn, at.school_id, concern_id));
  if (c.reported_by != person)
    return Error::forbidden(
        "Only the person who reported a concern can see their report; the "
        "case itself is open only to the people it was routed to.");
  SubmittedReport out;
  out.concern_id = c.id;
  out.reported_at = c.reported_at;
  out.happened_at = c.happened_at;
  out.what_happened = c.what_happened;
  out.subject_kind = c.subject_kind;
  out.subject_name = c.subject_name;
  out.involved = TRY(load_parties(at.conn, c.id));
  out.platform = c.platform;
  out.risk_area = c.risk_area;
  out.risk_kind = c.risk_kind;
  out.type = c.type;
  out.involves_personal_data = c.involves_personal_data;
  out.about_official_accounts = c.about_official_accounts;
  for (EvidenceItem& e : TRY(load_evidence(at.conn, c.id)))
    if (e.added_by == person) out.own_evidence.push_back(std::move(e));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"concern.view_report", "concern", std::to_string(c.id), at.school_id, "{}"}));
  return out;
}

Result<std::vector<OwnReport>> reports_by(Connection& conn, int64_t school_id, int64_t person_id) {
  Rows rows = TRY(conn.query(
      "SELECT id, reported_at, concern_type, subject_kind FROM concerns WHERE school_id = ? AND "
      "reported_by = ? ORDER BY reported_at DESC, id DESC",
      {school_id, person_id}));
  std::vector<OwnReport> out;
  for (const Row& r : rows) {
    RowReader in(r);
    OwnReport report;
    report.concern_id = in.integer();
    report.reported_at = in.integer();
    report.type = in.text();
    report.subject_kind = parse_subject_kind(in.text()).value_or(SubjectKind::kOutside);
    out.push_back(std::move(report));
  }
  return out;
}

}  // namespace inloco

#include "consent/decision_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "consent/removal_tasks.h"
#include "core/text.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

constexpr std::string_view kAsParent = "parental_responsibility";
constexpr std::string_view kAsPupil = "competent_pupil";

bool allows(const ConsentRules& rules, std::string_view who) {
  for (const std::string& g : rules.given_by)
    if (g == who) return true;
  return false;
}

bool text_ok(std::string_view text) { return is_valid_utf8(text) && !has_control_characters(text); }

}  // namespace

std::string consent_quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

const std::string& decision_select() {
  static const std::string s =
      "SELECT d.id, d.school_id, d.pupil_id, COALESCE(pp.preferred_name, pp.given_name) || ' ' "
      "|| pp.family_name, d.academic_year, d.use_key, d.decision, d.kind, d.given_by, "
      "COALESCE(gp.preferred_name, gp.given_name) || ' ' || gp.family_name, d.given_as, "
      "d.given_on, d.effective_from, d.form_reference, d.note, d.recorded_by, d.recorded_by_name, "
      "d.recorded_at FROM consent_decisions d JOIN people pp ON pp.id = d.pupil_id "
      "JOIN people gp ON gp.id = d.given_by ";
  return s;
}

Result<ConsentDecision> decision_from_row(const Row& r) {
  RowReader in(r);
  ConsentDecision d;
  d.id = in.integer();
  d.school_id = in.integer();
  d.pupil_id = in.integer();
  d.pupil_name = in.text();
  d.year = AcademicYear{static_cast<int>(in.integer())};
  d.use = in.text();
  d.decision = in.text() == "granted" ? ConsentState::kGranted : ConsentState::kRefused;
  d.kind = parse_decision_kind(in.text()).value_or(DecisionKind::kAmendment);
  d.given_by_person_id = in.integer();
  d.given_by_name = in.text();
  d.given_as = in.text();
  d.given_on = TRY(stored_day(in.value(), "given_on"));
  d.effective_from = TRY(stored_day(in.value(), "effective_from"));
  d.form_reference = in.text();
  d.note = in.text();
  d.recorded_by = in.optional_integer();
  d.recorded_by_name = in.text();
  d.recorded_at = in.integer();
  return d;
}

Result<std::optional<ConsentDecision>> standing_decision(Connection& conn, int64_t pupil_id,
                                                         const AcademicYear& year,
                                                         std::string_view use) {
  Rows rows = TRY(conn.query(decision_select() +
                                 "WHERE d.pupil_id = ? AND d.academic_year = ? AND d.use_key = ? "
                                 "ORDER BY d.effective_from DESC, d.id DESC LIMIT 1",
                             {pupil_id, year.start_year, use}));
  if (rows.empty()) return std::optional<ConsentDecision>();
  return std::optional<ConsentDecision>(TRY(decision_from_row(rows[0])));
}

Result<CheckedEntry> check_entry(Connection& conn, const ConsentRules& rules, int64_t school_id,
                                 const ConsentEntry& entry, const CalendarDate& today,
                                 bool withdrawal) {
  CheckedEntry c;
  c.entry = entry;
  if (withdrawal) c.entry.decision = ConsentState::kRefused;
  const ConsentEntry& e = c.entry;

  auto pupil = get_person(conn, school_id, e.pupil_id);
  if (!pupil.ok() || pupil->kind != PersonKind::kPupil)
    return Error::not_found("There is no pupil " + std::to_string(e.pupil_id) +
                            " at this school; choose a pupil from the school's list.");
  c.pupil = std::move(pupil).value();
  const std::string name = c.pupil.display_name();
  if (!c.pupil.active)
    return Error::invalid(name +
                          " is no longer on roll; consent is recorded only for current "
                          "pupils.");

  if (!is_consent_use(rules, e.use))
    return Error::invalid(consent_quoted(e.use) +
                          " is not a use this school records consent for; use "
                          "one of: " +
                          join(consent_uses(rules), ", "));
  if (e.decision == ConsentState::kNone)
    return Error::invalid("Choose granted or refused: a form that says neither is not recorded.");

  // CON-2: the pupil when the school judged them competent, otherwise someone
  // with parental responsibility.
  const bool pupil_decides = c.pupil.competent_to_consent && allows(rules, kAsPupil);
  std::vector<GuardianLink> guardians = TRY(guardians_of(conn, c.pupil.id));
  std::vector<std::string> may;
  if (pupil_decides) {
    may.push_back(name + " (the pupil)");
  } else if (allows(rules, kAsParent)) {
    for (const GuardianLink& g : guardians)
      if (g.parental_responsibility)
        may.push_back(g.other.display_name() + " (" + g.relationship + ")");
  }
  std::string who_may = may.empty()
                            ? "no one linked to " + name +
                                  " can give consent yet; link a parent or carer with parental "
                                  "responsibility first"
                            : "consent for " + name + " can be given by " + join(may, ", ");
  if (e.given_by_person_id == c.pupil.id) {
    if (!pupil_decides) {
      std::string why = !allows(rules, kAsPupil)
                            ? "this school's policy does not let pupils consent for themselves"
                            : name + " has not been judged competent to consent";
      return Error::invalid(why + "; " + who_may + ".");
    }
    c.given_as = kAsPupil;
  } else {
    const GuardianLink* link = nullptr;
    for (const GuardianLink& g : guardians)
      if (g.other.id == e.given_by_person_id) link = &g;
    if (pupil_decides)
      return Error::invalid(name +
                            " has been judged competent to consent, so the decision is "
                            "theirs; record it as given by the pupil.");
    if (!link || !allows(rules, kAsParent))
      return Error::invalid(
          "The person named as giving consent is not a parent or carer linked "
          "to " +
          name + "; " + who_may + ".");
    if (!link->parental_responsibility)
      return Error::invalid(link->other.display_name() +
                            " does not have parental "
                            "responsibility for " +
                            name + "; " + who_may + ".");
    c.given_as = kAsParent;
  }

  if (e.given_on > today)
    return Error::invalid("The form is dated " + e.given_on.iso() +
                          ", which is in the future; check the date on the form.");
  c.year = e.year.value_or(academic_year_of(e.given_on));
  if (c.year.start_year > academic_year_of(today).start_year + 1)
    return Error::invalid("Consent for " + c.year.label() +
                          " cannot be recorded yet; record it during the year before at the "
                          "earliest.");
  if (e.given_on > c.year.last_day())
    return Error::invalid("The form is dated " + e.given_on.iso() + ", after " + c.year.label() +
                          " ended; record it for the year it was given in.");
  c.effective_from = e.effective_from.value_or(std::max(e.given_on, c.year.first_day()));
  if (!c.year.contains(c.effective_from))
    return Error::invalid("The date it takes effect, " + c.effective_from.iso() + ", is not in " +
                          c.year.label() + " (" + c.year.first_day().iso() + " to " +
                          c.year.last_day().iso() + "); consent is recorded per academic year.");
  if (c.effective_from < e.given_on)
    return Error::invalid("It cannot take effect (" + c.effective_from.iso() +
                          ") before the form was written (" + e.given_on.iso() +
                          "): a change takes effect from its date, never earlier.");

  std::string form(trim(e.form_reference));
  if (form.empty())
    return Error::invalid(
        "The form reference is missing; enter the reference on the consent "
        "form or letter so that the paper can be found.");
  if (form.size() > kMaxFormReferenceLength || !text_ok(form))
    return Error::invalid("The form reference should be one line of at most " +
                          std::to_string(kMaxFormReferenceLength) + " characters.");
  c.entry.form_reference = form;
  if (e.note.size() > kMaxConsentNoteLength || !is_valid_utf8(e.note))
    return Error::invalid("The note should be text of at most " +
                          std::to_string(kMaxConsentNoteLength) + " characters.");

  c.standing = TRY(standing_decision(conn, c.pupil.id, c.year, e.use));
  if (c.standing) {
    const ConsentDecision& s = *c.standing;
    if (s.decision == e.decision && s.given_by_person_id == e.given_by_person_id &&
        s.given_on == e.given_on && s.form_reference == form && !withdrawal) {
      c.unchanged = true;
      c.kind = s.kind;
      return c;
    }
    if (c.effective_from < s.effective_from)
      return Error::conflict("A decision for " + name + " (" + consent_use_label(rules, e.use) +
                             ") already takes effect from " + s.effective_from.iso() +
                             "; a new one cannot take effect before it, because the past is "
                             "never rewritten. Make it effective from " +
                             s.effective_from.iso() + " or later.");
    c.kind = s.decision == ConsentState::kGranted && e.decision == ConsentState::kRefused
                 ? DecisionKind::kWithdrawal
                 : DecisionKind::kAmendment;
  } else {
    c.kind = DecisionKind::kInitial;
  }
  if (withdrawal && c.kind != DecisionKind::kWithdrawal)
    return Error::conflict("There is no consent to withdraw: " + name + "'s decision for " +
                           consent_use_label(rules, e.use) + " in " + c.year.label() + " is " +
                           (c.standing ? "already refused" : "not recorded") +
                           ". Record a refusal instead if the form says so.");
  return c;
}

Result<WrittenDecision> write_entry(const SchoolScope& at, const ConsentRules& rules,
                                    const CheckedEntry& c, const PublishedPostsFinder& find_posts,
                                    bool audit) {
  WrittenDecision out;
  out.kind = c.kind;
  if (c.unchanged) {
    out.decision_id = c.standing->id;
    return out;
  }
  const ConsentEntry& e = c.entry;
  out.decision_id = TRY(at.conn.insert(
      "INSERT INTO consent_decisions (school_id, pupil_id, academic_year, use_key, decision, "
      "kind, given_by, given_as, given_on, effective_from, form_reference, note, recorded_by, "
      "recorded_by_name, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {at.school_id, c.pupil.id, c.year.start_year, e.use, consent_state_key(e.decision),
       decision_kind_key(c.kind), e.given_by_person_id, c.given_as, e.given_on.iso(),
       c.effective_from.iso(), e.form_reference, e.note, at.actor.person_id, at.actor.name,
       at.clock.now()}));
  out.recorded = true;
  const bool withdrawal = c.kind == DecisionKind::kWithdrawal;
  if (audit)
    TRY(append_audit(at.conn, at.clock, at.actor,
                     AuditEvent{withdrawal ? "consent.withdraw" : "consent.record",
                                "consent_decision", std::to_string(out.decision_id), at.school_id,
                                nlohmann::json{{"pupil", c.pupil.id},
                                               {"year", c.year.label()},
                                               {"use", e.use},
                                               {"decision", consent_state_key(e.decision)},
                                               {"kind", decision_kind_key(c.kind)},
                                               {"given_by", e.given_by_person_id},
                                               {"effective_from", c.effective_from.iso()}}
                                    .dump()}));
  if (withdrawal) {
    if (!find_posts)
      return Error::internal("A withdrawal was recorded without a way to find published posts.");
    std::vector<PublishedPostRef> posts = TRY(find_posts(at.conn, c.pupil.id, e.use));
    out.removal_task_ids = TRY(
        open_removal_tasks(at, rules, out.decision_id, c.pupil.id, e.use, c.effective_from, posts));
  }
  return out;
}

}  // namespace inloco

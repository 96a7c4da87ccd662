// The consent register (CON-1..8, LAW-9): recording decisions from paper
// forms one pupil at a time or a class at a time, withdrawals, what counts on
// a given day, and who still needs a decision this year.
//
// History is never rewritten (CON-4): every decision, amendment and
// withdrawal is a new row, effective from its date; nothing is updated or
// deleted. What counts for a pupil, a use and a day is the latest decision of
// that day's academic year effective on or before the day; a decision of
// another year never counts (CON-7), and no decision counts as no consent.
//
// A refusal that ends granted consent is a withdrawal, however it is entered
// (one at a time, in the grid, by import): it opens a removal task for every
// published post that shows the pupil (CON-5), found through the caller's
// PublishedPostsFinder. record_withdrawal takes exactly what record_consent
// takes (LAW-9).
//
// Functions take a Connection so callers compose them in one transaction;
// those that write, and those that show consent records (IAM-3), take it in a
// SchoolScope (with the clock, the actor and the school), must be called
// inside Database::transaction and append their audit entry there.
// The school's ConsentRules come from its profile (the caller loads it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consent/consent_decision.h"
#include "consent/published_posts.h"
#include "core/academic_year.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct RecordOutcome {
  int64_t decision_id = 0;  // the new decision, or the standing one when unchanged
  DecisionKind kind = DecisionKind::kInitial;
  bool recorded = false;  // false: exactly this form is already the standing decision
  std::vector<int64_t> removal_task_ids;  // withdrawals only
};

// Records what a form says. Refused, saying who may consent, when the giver
// is neither someone with parental responsibility linked to the pupil nor the
// pupil judged competent (and only the pupil when they are); kInvalid for a
// use the profile does not have, dates outside the year or in the future, or
// a missing form reference; kNotFound for a pupil not of this school;
// kConflict for a decision that would take effect before one already
// recorded. Audited "consent.record" ("consent.withdraw" for a withdrawal).
Result<RecordOutcome> record_consent(const SchoolScope& at, const ConsentRules& rules,
                                     const ConsentEntry& entry,
                                     const PublishedPostsFinder& find_posts);

// Records a withdrawal in writing: the same inputs as record_consent (the
// decision is taken as refused). kConflict when no consent is granted to
// withdraw. Opens the removal tasks; audited "consent.withdraw".
Result<RecordOutcome> record_withdrawal(const SchoolScope& at, const ConsentRules& rules,
                                        const ConsentEntry& entry,
                                        const PublishedPostsFinder& find_posts);

// What counts on day `on` (post approval calls this before publishing). An
// unknown use simply has no decision. kNotFound for an unknown pupil. Not
// audited: it is a check made by the software, not a person viewing records.
Result<ConsentStatus> consent_for(Connection& conn, int64_t pupil_id, std::string_view use,
                                  const CalendarDate& on);

// Every decision ever recorded for the pupil: newest year first, then by use,
// then in the order they took effect. Audited "consent.view".
Result<std::vector<ConsentDecision>> consent_history(const SchoolScope& at, int64_t pupil_id);

// A class (or a whole year group) of current pupils.
struct PupilGroup {
  std::optional<std::string> class_name;  // "Kestrels", "10B"
  std::optional<std::string> year_group;  // "Year 5" (any spelling normalise_year_group reads)
};

struct GridCell {
  ConsentState state = ConsentState::kNone;  // of the standing decision of the year
  std::optional<int64_t> decision_id;
  std::optional<CalendarDate> effective_from;
};

struct GridRow {
  int64_t pupil_id = 0;
  std::string name;
  std::string class_name;
  std::string year_group;
  bool competent_to_consent = false;
  std::vector<GridCell> cells;  // one per ConsentGrid::uses
};

struct ConsentGrid {
  AcademicYear year;
  std::vector<std::string> uses;  // consent_uses(rules)
  std::vector<GridRow> rows;      // by family name, then given name
};

// Pupils × uses with each pupil's standing decision for the year (the
// latest recorded, even if it takes effect later in the year). kInvalid
// when the group names neither a class nor a year group. Audited
// "consent.view" (one entry for the grid).
Result<ConsentGrid> class_grid(const SchoolScope& at, const ConsentRules& rules,
                               const PupilGroup& group, const AcademicYear& year);

struct GridReport {
  int recorded = 0;   // decisions written (withdrawals included)
  int unchanged = 0;  // entries that were already the standing decision
  int withdrawals = 0;
  int removal_tasks = 0;  // opened by those withdrawals
};

// A whole class at once from a pile of forms: every entry is for `year`
// (entry.year is ignored). All or nothing: if any entry has a problem,
// nothing is written and the error's details hold one line per problem,
// "Amara Okafor, videos_school_accounts: ...". Each decision is audited as in
// record_consent. Must be called inside a transaction (a failure after a
// write is undone by the caller's rollback).
Result<GridReport> record_grid(const SchoolScope& at, const ConsentRules& rules,
                               const AcademicYear& year, const std::vector<ConsentEntry>& entries,
                               const PublishedPostsFinder& find_posts);

// CON-7: a pupil who has no decision this year for some use.
struct RenewalRow {
  int64_t pupil_id = 0;
  std::string name;
  std::optional<std::string> external_id;
  std::string class_name;
  std::string year_group;
  std::vector<std::string> missing_uses;  // in the order of consent_uses(rules)
};

// Current pupils of the school (optionally of one class or year group) that
// lack a decision for `year` for at least one use, by class, then name.
// Decisions of earlier years do not count. Not audited: it shows no consent
// record, only their absence.
Result<std::vector<RenewalRow>> pupils_without_decision(
    Connection& conn, const ConsentRules& rules, int64_t school_id, const AcademicYear& year,
    const std::optional<PupilGroup>& group = {});

}  // namespace inloco

// The consent_decisions table at the level of rows, and the checks every way
// of recording a decision shares (one at a time, the class grid, the CSV
// import), so that all three accept and refuse the same forms.
//
// Internal to src/consent/. Call inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consent/consent_decision.h"
#include "consent/published_posts.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/person.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// "d.id, ..." selecting from consent_decisions d joined to the pupil `pp` and
// the giver `gp`; read with decision_from_row (kInternal for a stored date that
// is not a day: store/stored_dates.h).
const std::string& decision_select();
Result<ConsentDecision> decision_from_row(const Row& row);

// The decision standing at the end of everything recorded for that pupil,
// year and use: the latest by effective date, then by id.
Result<std::optional<ConsentDecision>> standing_decision(Connection& conn, int64_t pupil_id,
                                                         const AcademicYear& year,
                                                         std::string_view use);

// An entry that passed every check, with what follows from it.
struct CheckedEntry {
  ConsentEntry entry;
  Person pupil;
  AcademicYear year;
  CalendarDate effective_from;
  std::string given_as;  // "parental_responsibility" or "competent_pupil"
  DecisionKind kind = DecisionKind::kInitial;
  std::optional<ConsentDecision> standing;  // what it follows, if anything
  bool unchanged = false;  // the same form is already the standing decision: nothing to write
};

// Checks an entry against the profile and what is stored. Every problem is
// one sentence naming what was wrong and what to do. `withdrawal`: the entry
// must end consent that is granted (its decision is taken as refused).
// Errors: kNotFound for a pupil not of this school; kInvalid otherwise;
// kConflict when it would take effect before a decision already recorded or
// withdraws nothing.
Result<CheckedEntry> check_entry(Connection& conn, const ConsentRules& rules, int64_t school_id,
                                 const ConsentEntry& entry, const CalendarDate& today,
                                 bool withdrawal);

// Writes a checked entry (nothing when unchanged) and, for a withdrawal,
// opens a removal task for every post `find_posts` lists. Appends
// "consent.record" or "consent.withdraw" when `audit`.
struct WrittenDecision {
  int64_t decision_id = 0;  // the standing decision's when unchanged
  DecisionKind kind = DecisionKind::kInitial;
  bool recorded = false;
  std::vector<int64_t> removal_task_ids;
};
Result<WrittenDecision> write_entry(const SchoolScope& at, const ConsentRules& rules,
                                    const CheckedEntry& checked,
                                    const PublishedPostsFinder& find_posts, bool audit);

// "line 4: " style prefix helper shared by the grid and the import.
std::string consent_quoted(std::string_view text);

}  // namespace inloco

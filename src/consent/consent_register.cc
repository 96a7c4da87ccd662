#include "consent/consent_register.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "consent/decision_store.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "people/person_rows.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

CalendarDate today(const Clock& clock) { return date_of(clock.now()); }

// Current pupils of the school, of the group when given, by name.
Result<std::vector<Person>> pupils_of(Connection& conn, int64_t school_id,
                                      const std::optional<PupilGroup>& group) {
  std::string sql = "SELECT " + person_columns() +
                    " FROM people p WHERE p.school_id = ? AND p.kind = 'pupil' AND p.active = 1";
  SqlParams params = {school_id};
  if (group) {
    if (group->class_name) {
      sql += " AND p.class_name = ?";
      params.emplace_back(*group->class_name);
    }
    if (group->year_group) {
      auto year = normalise_year_group(*group->year_group);
      if (!year)
        return Error::invalid(consent_quoted(*group->year_group) +
                              " is not a year group; use Nursery, Reception or Year 1 to Year 13.");
      sql += " AND p.year_group = ?";
      params.emplace_back(*year);
    }
  }
  sql += " ORDER BY p.sort_name, p.id";
  Rows rows = TRY(conn.query(sql, params));
  std::vector<Person> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(person_from_row(r));
  return out;
}

// The standing decision of each (pupil, use) for the year at the school.
Result<std::map<std::pair<int64_t, std::string>, ConsentDecision>> standing_for_school(
    Connection& conn, int64_t school_id, const AcademicYear& year) {
  Rows rows = TRY(conn.query(decision_select() + "WHERE d.school_id = ? AND d.academic_year = ? "
                                                 "ORDER BY d.effective_from, d.id",
                             {school_id, year.start_year}));
  std::map<std::pair<int64_t, std::string>, ConsentDecision> out;
  for (const Row& r : rows) {
    ConsentDecision d = TRY(decision_from_row(r));
    out[{d.pupil_id, d.use}] = std::move(d);  // later rows win
  }
  return out;
}

std::string group_text(const PupilGroup& g) {
  std::string out;
  if (g.class_name) out = "class " + *g.class_name;
  if (g.year_group) out += (out.empty() ? "" : ", ") + *g.year_group;
  return out;
}

Result<RecordOutcome> record(const SchoolScope& at, const ConsentRules& rules,
                             const ConsentEntry& entry, const PublishedPostsFinder& find_posts,
                             bool withdrawal) {
  CheckedEntry checked =
      TRY(check_entry(at.conn, rules, at.school_id, entry, today(at.clock), withdrawal));
  WrittenDecision w = TRY(write_entry(at, rules, checked, find_posts, true));
  return RecordOutcome{w.decision_id, w.kind, w.recorded, std::move(w.removal_task_ids)};
}

}  // namespace

Result<RecordOutcome> record_consent(const SchoolScope& at, const ConsentRules& rules,
                                     const ConsentEntry& entry,
                                     const PublishedPostsFinder& find_posts) {
  return record(at, rules, entry, find_posts, false);
}

Result<RecordOutcome> record_withdrawal(const SchoolScope& at, const ConsentRules& rules,
                                        const ConsentEntry& entry,
                                        const PublishedPostsFinder& find_posts) {
  return record(at, rules, entry, find_posts, true);
}

Result<ConsentStatus> consent_for(Connection& conn, int64_t pupil_id, std::string_view use,
                                  const CalendarDate& on) {
  Rows pupil = TRY(conn.query("SELECT id FROM people WHERE id = ? AND kind = 'pupil'", {pupil_id}));
  if (pupil.empty()) return Error::not_found("There is no pupil " + std::to_string(pupil_id) + ".");
  ConsentStatus status;
  status.year = academic_year_of(on);
  Rows rows = TRY(conn.query(
      "SELECT id, decision, effective_from FROM consent_decisions WHERE pupil_id = ? AND "
      "academic_year = ? AND use_key = ? AND effective_from <= ? "
      "ORDER BY effective_from DESC, id DESC LIMIT 1",
      {pupil_id, status.year.start_year, use, on.iso()}));
  if (rows.empty()) return status;
  RowReader in(rows[0]);
  status.decision_id = in.integer();
  status.state = in.text() == "granted" ? ConsentState::kGranted : ConsentState::kRefused;
  status.effective_from = TRY(stored_day(in.value(), "effective_from"));
  return status;
}

Result<std::vector<ConsentDecision>> consent_history(const SchoolScope& at, int64_t pupil_id) {
  auto pupil = get_person(at.conn, at.school_id, pupil_id);
  if (!pupil.ok() || pupil->kind != PersonKind::kPupil)
    return Error::not_found("There is no pupil " + std::to_string(pupil_id) + " at this school.");
  Rows rows = TRY(at.conn.query(decision_select() +
                                    "WHERE d.pupil_id = ? AND d.school_id = ? ORDER BY "
                                    "d.academic_year DESC, d.use_key, d.effective_from, d.id",
                                {pupil_id, at.school_id}));
  std::vector<ConsentDecision> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(TRY(decision_from_row(r)));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"consent.view", "pupil", std::to_string(pupil_id), at.school_id,
                 nlohmann::json{{"what", "consent history"}, {"decisions", out.size()}}.dump()}));
  return out;
}

Result<ConsentGrid> class_grid(const SchoolScope& at, const ConsentRules& rules,
                               const PupilGroup& group, const AcademicYear& year) {
  if (!group.class_name && !group.year_group)
    return Error::invalid("Choose a class or a year group to show.");
  ConsentGrid grid;
  grid.year = year;
  grid.uses = consent_uses(rules);
  std::vector<Person> pupils = TRY(pupils_of(at.conn, at.school_id, group));
  auto standing = TRY(standing_for_school(at.conn, at.school_id, year));
  for (const Person& p : pupils) {
    GridRow row{p.id,
                p.display_name(),
                p.class_name.value_or(""),
                p.year_group.value_or(""),
                p.competent_to_consent,
                {}};
    for (const std::string& use : grid.uses) {
      GridCell cell;
      if (auto it = standing.find({p.id, use}); it != standing.end()) {
        cell.state = it->second.decision;
        cell.decision_id = it->second.id;
        cell.effective_from = it->second.effective_from;
      }
      row.cells.push_back(std::move(cell));
    }
    grid.rows.push_back(std::move(row));
  }
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"consent.view", "consent_grid", group_text(group), at.school_id,
                 nlohmann::json{
                     {"what", "class grid"}, {"year", year.label()}, {"pupils", grid.rows.size()}}
                     .dump()}));
  return grid;
}

Result<GridReport> record_grid(const SchoolScope& at, const ConsentRules& rules,
                               const AcademicYear& year, const std::vector<ConsentEntry>& entries,
                               const PublishedPostsFinder& find_posts) {
  if (entries.empty()) return Error::invalid("Nothing to record: fill in at least one decision.");
  const CalendarDate day = today(at.clock);
  std::vector<CheckedEntry> checked;
  std::vector<std::string> problems;
  std::set<std::pair<int64_t, std::string>> seen;
  for (const ConsentEntry& in : entries) {
    ConsentEntry e = in;
    e.year = year;
    auto c = check_entry(at.conn, rules, at.school_id, e, day, false);
    if (!c.ok()) {
      std::string who = "pupil " + std::to_string(e.pupil_id);
      if (auto p = get_person(at.conn, at.school_id, e.pupil_id); p.ok()) who = p->display_name();
      problems.push_back(who + ", " + e.use + ": " + c.error().message);
      continue;
    }
    if (!seen.insert({e.pupil_id, e.use}).second) {
      problems.push_back(c->pupil.display_name() + ", " + e.use +
                         ": appears twice; keep one decision per pupil and use.");
      continue;
    }
    checked.push_back(std::move(c).value());
  }
  if (!problems.empty()) {
    Error err = Error::invalid(
        "Nothing was recorded: " + std::to_string(problems.size()) +
        (problems.size() == 1 ? " decision has a problem" : " decisions have problems") +
        ". Correct them and submit the class again.");
    err.details = std::move(problems);
    return err;
  }
  GridReport report;
  for (const CheckedEntry& c : checked) {
    WrittenDecision w = TRY(write_entry(at, rules, c, find_posts, true));
    if (!w.recorded) {
      ++report.unchanged;
      continue;
    }
    ++report.recorded;
    if (w.kind == DecisionKind::kWithdrawal) ++report.withdrawals;
    report.removal_tasks += static_cast<int>(w.removal_task_ids.size());
  }
  return report;
}

Result<std::vector<RenewalRow>> pupils_without_decision(Connection& conn, const ConsentRules& rules,
                                                        int64_t school_id, const AcademicYear& year,
                                                        const std::optional<PupilGroup>& group) {
  std::vector<Person> pupils = TRY(pupils_of(conn, school_id, group));
  Rows decided = TRY(
      conn.query("SELECT DISTINCT pupil_id, use_key FROM consent_decisions WHERE school_id = ? AND "
                 "academic_year = ?",
                 {school_id, year.start_year}));
  std::set<std::pair<int64_t, std::string>> has;
  for (const Row& r : decided) {
    RowReader in(r);
    const int64_t pupil_id = in.integer();
    std::string use = in.text();
    has.insert({pupil_id, std::move(use)});
  }
  const std::vector<std::string> uses = consent_uses(rules);
  std::vector<RenewalRow> out;
  for (const Person& p : pupils) {
    RenewalRow row{
        p.id, p.display_name(), p.external_id, p.class_name.value_or(""), p.year_group.value_or(""),
        {}};
    for (const std::string& use : uses)
      if (!has.count({p.id, use})) row.missing_uses.push_back(use);
    if (!row.missing_uses.empty()) out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(), [](const RenewalRow& a, const RenewalRow& b) {
    return a.class_name < b.class_name;
  });
  return out;
}

}  // namespace inloco

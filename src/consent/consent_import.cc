#include "consent/consent_import.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "consent/consent_decision.h"
#include "consent/decision_store.h"
#include "core/text.h"
#include "people/csv_header.h"
#include "people/csv_import_preamble.h"
#include "people/csv_reader.h"
#include "people/import_refusal.h"
#include "people/person.h"
#include "people/person_fields.h"
#include "people/person_rows.h"
#include "people/school_store.h"

namespace inloco {
namespace {

enum Col {
  kPupil,
  kUse,
  kDecision,
  kGivenBy,
  kGivenOn,
  kFormReference,
  kEffectiveFrom,
  kAcademicYear,
  kNote,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "pupil_external_id",    "use",           "decision",
    "given_by_external_id", "given_on",      "form_reference",
    "effective_from",       "academic_year", "note"};

constexpr std::array<size_t, 6> kRequired = {kPupil,   kUse,     kDecision,
                                             kGivenBy, kGivenOn, kFormReference};

std::string line_of(size_t line) { return "line " + std::to_string(line) + ": "; }

}  // namespace

std::span<const std::string_view> consent_import_columns() { return kColumnNames; }

Result<ConsentImportReport> import_consent_csv(const SchoolScope& at, const ConsentRules& rules,
                                               const AcademicYear& year, std::string_view csv_text,
                                               const PublishedPostsFinder& find_posts) {
  const CsvImportRows file = TRY(read_csv_import(
      csv_text,
      {.columns = kColumnNames,
       .required = kRequired,
       .when_empty = "It needs a header row naming the columns, then one row per decision.",
       .rows_are = "decisions",
       .max_rows = kMaxConsentImportRows}));
  const CsvHeader& header = file.header;

  TRY(get_school(at.conn, at.school_id));
  const CalendarDate today = date_of(at.clock.now());

  // Pupils and parents of the school, by external id.
  std::unordered_map<std::string, Person> people;
  {
    Rows rows = TRY(at.conn.query("SELECT " + person_columns() +
                                      " FROM people p WHERE p.school_id = ? AND p.external_id IS "
                                      "NOT NULL AND p.kind IN ('pupil', 'parent')",
                                  {at.school_id}));
    for (const Row& r : rows) {
      Person p = person_from_row(r);
      people.emplace(*p.external_id, std::move(p));
    }
  }

  RowProblems problems;
  std::vector<std::pair<size_t, CheckedEntry>> checked;
  std::map<std::tuple<int64_t, int, std::string>, size_t> seen;  // pupil, year, use -> line
  for (const CsvRecord& rec : file.rows) {
    const size_t line = rec.line;
    auto& found = problems[line];
    auto problem = [&](std::string text) { found.push_back(line_of(line) + std::move(text)); };
    if (rec.fields.size() != header.width) {
      problem("has " + std::to_string(rec.fields.size()) + " fields but the header has " +
              std::to_string(header.width) + "; check for a missing or extra comma");
      continue;
    }
    if (std::any_of(rec.fields.begin(), rec.fields.end(),
                    [](const std::string& f) { return !is_valid_utf8(f); })) {
      problem("the text is not UTF-8; save the file as \"CSV UTF-8\" and import it again");
      continue;
    }
    auto cell = [&](Col c) { return header.cell(rec, c); };

    ConsentEntry e;
    const Person* pupil = nullptr;
    std::string pupil_id = cell(kPupil);
    if (pupil_id.empty()) {
      problem("pupil_external_id is missing");
    } else if (auto it = people.find(pupil_id);
               it == people.end() || it->second.kind != PersonKind::kPupil) {
      problem("pupil_external_id " + consent_quoted(pupil_id) +
              " is not a pupil of this school; check the id, or import the pupil first");
    } else {
      pupil = &it->second;
      e.pupil_id = pupil->id;
    }
    e.use = cell(kUse);
    if (e.use.empty()) problem("use is missing; use one of: " + join(consent_uses(rules), ", "));
    std::string decision = cell(kDecision);
    if (auto d = parse_consent_state(decision))
      e.decision = *d;
    else
      problem("decision " + consent_quoted(decision) + " should be granted or refused");

    std::string giver = cell(kGivenBy);
    if (giver.empty()) {
      problem(
          "given_by_external_id is missing; give the parent or carer's id, or \"pupil\" "
          "when the pupil decided");
    } else if (ascii_lower(giver) == "pupil") {
      if (pupil) e.given_by_person_id = pupil->id;
    } else if (auto it = people.find(giver); it == people.end()) {
      problem("given_by_external_id " + consent_quoted(giver) +
              " is not a parent or carer of this school; check the id, or write \"pupil\" "
              "when the pupil decided");
    } else {
      e.given_by_person_id = it->second.id;
    }

    auto date_cell = [&](Col c) -> std::optional<CalendarDate> {
      std::string text = cell(c);
      if (text.empty()) return std::nullopt;
      auto d = parse_date(text);
      if (!d.ok()) {
        problem(std::string(kColumnNames[c]) + " " + d.error().message);
        return std::nullopt;
      }
      return *d;
    };
    bool dates_ok = true;
    if (cell(kGivenOn).empty()) {
      problem("given_on is missing; enter the date on the form");
      dates_ok = false;
    } else if (auto d = date_cell(kGivenOn)) {
      e.given_on = *d;
    } else {
      dates_ok = false;
    }
    if (!cell(kEffectiveFrom).empty()) {
      e.effective_from = date_cell(kEffectiveFrom);
      if (!e.effective_from) dates_ok = false;
    }
    e.year = year;
    if (std::string y = cell(kAcademicYear); !y.empty()) {
      auto parsed_year = parse_academic_year(y);
      if (parsed_year.ok())
        e.year = *parsed_year;
      else
        problem("academic_year " + parsed_year.error().message);
    }
    e.form_reference = cell(kFormReference);
    e.note = cell(kNote);

    if (!found.empty() || !pupil || !dates_ok) continue;
    auto key = std::make_tuple(e.pupil_id, e.year->start_year, e.use);
    if (auto [it, fresh] = seen.emplace(key, line); !fresh) {
      problem("the decision for " + pupil->display_name() + " (" + e.use + ", " + e.year->label() +
              ") is also on line " + std::to_string(it->second) +
              "; keep one row per pupil, use and year");
      continue;
    }
    auto c = check_entry(at.conn, rules, at.school_id, e, today, false);
    if (!c.ok()) {
      problem(c.error().message);
      continue;
    }
    checked.emplace_back(line, std::move(c).value());
  }
  if (auto refused = import_refusal(std::move(problems))) return *refused;

  ConsentImportReport report;
  report.rows = static_cast<int>(checked.size());
  for (const auto& [line, c] : checked) {
    WrittenDecision w = TRY(write_entry(at, rules, c, find_posts, false));
    if (!w.recorded) {
      ++report.unchanged;
      continue;
    }
    ++report.recorded;
    if (w.kind == DecisionKind::kWithdrawal) ++report.withdrawals;
    report.removal_tasks += static_cast<int>(w.removal_task_ids.size());
  }
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"consent.import", "school", std::to_string(at.school_id), at.school_id,
                 nlohmann::json{{"rows", report.rows},
                                {"recorded", report.recorded},
                                {"unchanged", report.unchanged},
                                {"withdrawals", report.withdrawals},
                                {"removal_tasks", report.removal_tasks}}
                     .dump()}));
  return report;
}

}  // namespace inloco

#include "people/people_import.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/calendar_date.h"
#include "core/text.h"
#include "people/csv_header.h"
#include "people/csv_import_preamble.h"
#include "people/csv_reader.h"
#include "people/import_refusal.h"
#include "people/person.h"
#include "people/person_fields.h"
#include "people/person_rows.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

enum Col {
  kExternalId,
  kKind,
  kGivenName,
  kFamilyName,
  kPreferredName,
  kEmail,
  kPhone,
  kJobTitle,
  kDateOfBirth,
  kYearGroup,
  kClassName,
  kParentOf,
  kRelationship,
  kParentalResponsibility,
  kCompetentToConsent,
  kColumnCount,
};

constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"external_id",
                                                                     "kind",
                                                                     "given_name",
                                                                     "family_name",
                                                                     "preferred_name",
                                                                     "email",
                                                                     "phone",
                                                                     "job_title",
                                                                     "date_of_birth",
                                                                     "year_group",
                                                                     "class_name",
                                                                     "parent_of",
                                                                     "relationship",
                                                                     "parental_responsibility",
                                                                     "competent_to_consent"};

constexpr std::array<size_t, 4> kRequiredColumns = {kExternalId, kKind, kGivenName, kFamilyName};

std::string all_kind_keys() {
  std::vector<std::string> keys;
  for (PersonKind k : all_person_kinds()) keys.emplace_back(person_kind_key(k));
  return join(keys, ", ");
}

std::string in_quotes(std::string_view v) { return "'" + std::string(v) + "'"; }

// Throttles progress calls to about one per percent.
class ProgressReporter {
 public:
  ProgressReporter(const ImportProgress& fn, size_t total) : fn_(fn), total_(total) {}
  void at(size_t done) {
    if (!fn_) return;
    done = std::min(done, total_);
    size_t step = std::max<size_t>(1, total_ / 100);
    if (done == total_ || done == 0 || done >= last_ + step) {
      if (done == last_ && called_) return;
      fn_(done, total_);
      last_ = done;
      called_ = true;
    }
  }

 private:
  const ImportProgress& fn_;
  size_t total_;
  size_t last_ = 0;
  bool called_ = false;
};

// One row of the file, checked and in the form it will be stored.
struct ImportRow {
  size_t line = 0;
  Person person;                   // fields of present columns; school and trust set
  std::optional<PersonKind> kind;  // empty when the kind was bad
  std::vector<std::string> parent_of;
  std::optional<std::string> relationship;
  std::optional<bool> parental_responsibility;
  std::optional<bool> competent;
};

class RowChecker {
 public:
  RowChecker(const CsvHeader& header, const CsvRecord& record, int64_t now)
      : header_(header), record_(record), now_(now) {}

  std::vector<std::string>& problems() { return problems_; }

  // Trimmed cell text; empty when the column is absent or the cell blank.
  std::string cell(Col c) const { return header_.cell(record_, c); }

  void problem(std::string text) {
    problems_.push_back("line " + std::to_string(record_.line) + ": " + std::move(text));
  }

  // `stored` is what the school already holds, by external id: a stored
  // pupil keeps their date of birth and year group when the file has no
  // column for them.
  ImportRow check(const std::unordered_map<std::string, Person>& stored) {
    ImportRow row;
    row.line = record_.line;
    for (const std::string& f : record_.fields) {
      if (!is_valid_utf8(f)) {
        problem("the text is not UTF-8; save the file as \"CSV UTF-8\" and import it again");
        return row;
      }
    }
    if (record_.fields.size() != header_.width) {
      problem("has " + std::to_string(record_.fields.size()) + " fields but the header has " +
              std::to_string(header_.width) +
              "; check for a missing or extra comma, or a name with a comma that is not in "
              "quotes");
      return row;
    }
    Person& p = row.person;
    std::string ext = cell(kExternalId);
    if (ext.empty())
      problem(
          "external_id is missing; every person needs the id from the "
          "school information system");
    else if (text_ok("external_id", ext, kMaxExternalIdLength))
      p.external_id = ext;

    std::string kind_text = cell(kKind);
    row.kind = parse_kind(kind_text);
    if (kind_text.empty())
      problem("kind is missing; use one of: " + all_kind_keys());
    else if (!row.kind)
      problem("kind " + in_quotes(kind_text) + " is not known; use one of: " + all_kind_keys());
    if (row.kind) p.kind = *row.kind;
    bool pupil = row.kind == PersonKind::kPupil;
    bool parent = row.kind == PersonKind::kParent;
    bool stored_pupil = false;
    if (p.external_id)
      if (auto it = stored.find(*p.external_id); it != stored.end())
        stored_pupil = it->second.kind == PersonKind::kPupil;
    // A pupil needs the field unless they are stored and the file leaves the column out.
    auto pupil_needs = [&](Col c) { return pupil && (header_.has(c) || !stored_pupil); };

    p.given_name = cell(kGivenName);
    if (p.given_name.empty())
      problem("given_name is missing");
    else
      text_ok("given_name", p.given_name, kMaxNameLength);
    p.family_name = cell(kFamilyName);
    if (p.family_name.empty())
      problem("family_name is missing");
    else
      text_ok("family_name", p.family_name, kMaxNameLength);
    p.preferred_name = optional_text(kPreferredName, kMaxNameLength);
    p.job_title = optional_text(kJobTitle, kMaxShortTextLength);
    p.class_name = optional_text(kClassName, kMaxShortTextLength);

    if (std::string email = cell(kEmail); !email.empty()) {
      if (looks_like_email(email))
        p.email = email;
      else
        problem("email " + in_quotes(email) + " does not look like an email address");
    }
    if (std::string phone = cell(kPhone); !phone.empty()) {
      if (looks_like_phone(phone))
        p.phone = phone;
      else
        problem("phone " + in_quotes(phone) +
                " is not a phone number (digits, spaces, + ( ) - only)");
    }

    std::string dob = cell(kDateOfBirth);
    if (!dob.empty()) {
      auto d = parse_date(dob);
      if (!d.ok())
        problem("date_of_birth " + d.error().message);
      else if (*d > date_of(now_))
        problem("date_of_birth " + in_quotes(dob) + " is in the future");
      else
        p.date_of_birth = d->iso();
    } else if (pupil_needs(kDateOfBirth)) {
      problem("date_of_birth is missing; every pupil needs one");
    }

    std::string year = cell(kYearGroup);
    if (!year.empty()) {
      if (auto y = normalise_year_group(year))
        p.year_group = *y;
      else
        problem("year_group " + in_quotes(year) +
                " is not known; use Nursery, Reception or Year 1 to Year 13");
    } else if (pupil_needs(kYearGroup)) {
      problem("year_group is missing; every pupil needs one");
    }

    std::string parent_of = cell(kParentOf);
    if (!parent_of.empty()) {
      if (row.kind && !parent) {
        problem("parent_of is only for rows of kind parent; this row is " +
                std::string(person_kind_key(*row.kind)));
      } else {
        std::set<std::string> seen;
        size_t start = 0;
        while (start <= parent_of.size()) {
          size_t end = parent_of.find(';', start);
          if (end == std::string::npos) end = parent_of.size();
          std::string id(trim(std::string_view(parent_of).substr(start, end - start)));
          if (!id.empty() && seen.insert(id).second) row.parent_of.push_back(id);
          start = end + 1;
        }
      }
    }
    if (std::string rel = cell(kRelationship); !rel.empty()) {
      if (row.kind && !parent) {
        problem("relationship is only for rows of kind parent");
      } else if (auto r = normalise_relationship(rel)) {
        row.relationship = *r;
      } else {
        problem("relationship " + in_quotes(rel) +
                " should be a word or two, such as mother, father, carer or grandparent");
      }
    }
    if (std::string pr = cell(kParentalResponsibility); !pr.empty()) {
      if (row.kind && !parent)
        problem("parental_responsibility is only for rows of kind parent");
      else if (auto b = parse_yes_no(pr))
        row.parental_responsibility = *b;
      else
        problem("parental_responsibility " + in_quotes(pr) + " should be yes or no");
    }
    if (std::string c = cell(kCompetentToConsent); !c.empty()) {
      if (row.kind && !pupil)
        problem("competent_to_consent is only for rows of kind pupil");
      else if (auto b = parse_yes_no(c))
        row.competent = *b;
      else
        problem("competent_to_consent " + in_quotes(c) + " should be yes or no");
    }
    return row;
  }

 private:
  static std::optional<PersonKind> parse_kind(std::string_view text) {
    std::string t = ascii_lower(text);
    if (auto k = parse_person_kind(t)) return k;
    for (PersonKind k : all_person_kinds())
      if (ascii_lower(person_kind_label(k)) == t) return k;
    if (t == "carer" || t == "parent/carer" || t == "guardian" || t == "contact")
      return PersonKind::kParent;
    if (t == "student") return PersonKind::kPupil;
    return std::nullopt;
  }

  bool text_ok(std::string_view column, std::string_view value, size_t max_length) {
    if (has_control_characters(value)) {
      problem(std::string(column) + " contains a line break or tab; put it on one line");
      return false;
    }
    if (value.size() > max_length) {
      problem(std::string(column) + " is longer than " + std::to_string(max_length) +
              " characters");
      return false;
    }
    return true;
  }

  std::optional<std::string> optional_text(Col c, size_t max_length) {
    std::string v = cell(c);
    if (v.empty() || !text_ok(kColumnNames[c], v, max_length)) return std::nullopt;
    return v;
  }

  const CsvHeader& header_;
  const CsvRecord& record_;
  int64_t now_;
  std::vector<std::string> problems_;
};

struct LinkState {
  std::string relationship;
  bool parental_responsibility = true;
};

// Copies the fields the file has columns for onto `stored`; true if any
// changed. Someone in the file is current, so an inactive record becomes active.
bool merge(const CsvHeader& h, const ImportRow& row, Person& stored, int64_t now,
           std::optional<int64_t> actor_id) {
  const Person& in = row.person;
  bool changed = false;
  auto take = [&](auto& field, const auto& value) {
    if (field != value) {
      field = value;
      changed = true;
    }
  };
  take(stored.given_name, in.given_name);
  take(stored.family_name, in.family_name);
  if (h.has(kPreferredName)) take(stored.preferred_name, in.preferred_name);
  if (h.has(kEmail)) take(stored.email, in.email);
  if (h.has(kPhone)) take(stored.phone, in.phone);
  if (h.has(kJobTitle)) take(stored.job_title, in.job_title);
  if (h.has(kDateOfBirth)) take(stored.date_of_birth, in.date_of_birth);
  if (h.has(kYearGroup)) take(stored.year_group, in.year_group);
  if (h.has(kClassName)) take(stored.class_name, in.class_name);
  take(stored.active, true);
  if (row.competent && *row.competent != stored.competent_to_consent) {
    stored.competent_to_consent = *row.competent;
    stored.competence_decided_by = actor_id;
    stored.competence_decided_at = now;
    changed = true;
  }
  return changed;
}

}  // namespace

std::span<const std::string_view> people_import_columns() { return kColumnNames; }

Result<ImportReport> import_people_csv(Database& db, const Clock& clock, const Actor& actor,
                                       int64_t school_id, std::string_view csv_text,
                                       const ImportProgress& progress) {
  const CsvImportRows file = TRY(read_csv_import(
      csv_text, {.columns = kColumnNames,
                 .required = kRequiredColumns,
                 .when_empty = "Export the people from the school information system as CSV "
                               "with a header row, then try again.",
                 .rows_are = "people",
                 .max_rows = kMaxImportRows}));
  const CsvHeader& header = file.header;
  const size_t n = file.rows.size();
  ProgressReporter report(progress, 2 * n);
  report.at(0);

  return db.transaction([&](Connection& conn) -> Result<ImportReport> {
    const int64_t now = clock.now();
    School school = TRY(get_school(conn, school_id));

    // What is stored for this school, by external id.
    std::unordered_map<std::string, Person> stored;
    {
      Rows rows = TRY(conn.query("SELECT " + person_columns() +
                                     " FROM people p WHERE p.school_id = ? AND p.external_id IS "
                                     "NOT NULL",
                                 {school_id}));
      stored.reserve(rows.size());
      for (const Row& r : rows) {
        Person p = person_from_row(r);
        stored.emplace(*p.external_id, std::move(p));
      }
    }

    // Check every row, collecting every problem.
    std::vector<ImportRow> rows;
    rows.reserve(n);
    RowProblems problems;
    std::unordered_map<std::string, size_t> index_of;  // external id -> rows index
    for (size_t i = 0; i < n; ++i) {
      RowChecker checker(header, file.rows[i], now);
      ImportRow row = checker.check(stored);
      auto& found = checker.problems();
      if (row.person.external_id) {
        auto [it, fresh] = index_of.emplace(*row.person.external_id, rows.size());
        if (!fresh)
          found.push_back("line " + std::to_string(row.line) + ": external_id " +
                          in_quotes(*row.person.external_id) + " is also on line " +
                          std::to_string(rows[it->second].line) +
                          "; each person needs their own id");
        auto s = stored.find(*row.person.external_id);
        if (s != stored.end() && row.kind && *row.kind != s->second.kind)
          found.push_back("line " + std::to_string(row.line) + ": external_id " +
                          in_quotes(*row.person.external_id) + " is already stored as " +
                          std::string(person_kind_key(s->second.kind)) + " (" +
                          s->second.display_name() + ") but this row says " +
                          std::string(person_kind_key(*row.kind)) +
                          "; a person's kind cannot be changed by an import");
      }
      if (!found.empty()) problems[row.line] = std::move(found);
      rows.push_back(std::move(row));
      report.at(i + 1);
    }
    // parent_of may name pupils further down the file: check once all are read.
    for (const ImportRow& row : rows) {
      for (const std::string& child : row.parent_of) {
        auto in_file = index_of.find(child);
        std::optional<PersonKind> kind;
        if (in_file != index_of.end())
          kind = rows[in_file->second].kind;
        else if (auto s = stored.find(child); s != stored.end())
          kind = s->second.kind;
        std::string where =
            "line " + std::to_string(row.line) + ": parent_of names " + in_quotes(child) + ", ";
        if (in_file == index_of.end() && !kind)
          problems[row.line].push_back(where +
                                       "who is not in this file or already stored for this "
                                       "school; check the id, or add the pupil to the file");
        else if (kind && *kind != PersonKind::kPupil)
          problems[row.line].push_back(where + "who is " + std::string(person_kind_key(*kind)) +
                                       ", not a pupil");
      }
    }
    if (auto refused = import_refusal(std::move(problems))) return *refused;

    // Write: new people, then changed people, then links.
    ImportReport result;
    std::vector<Person> to_insert;
    std::vector<size_t> inserted_rows;
    std::vector<Person> to_update;
    for (size_t i = 0; i < rows.size(); ++i) {
      ImportRow& row = rows[i];
      row.person.school_id = school_id;
      row.person.trust_id = school.trust_id;
      auto s = stored.find(*row.person.external_id);
      if (s == stored.end()) {
        Person p = row.person;
        if (row.competent.value_or(false)) {
          p.competent_to_consent = true;
          p.competence_decided_by = actor.person_id;
          p.competence_decided_at = now;
        }
        to_insert.push_back(std::move(p));
        inserted_rows.push_back(i);
      } else if (merge(header, row, s->second, now, actor.person_id)) {
        to_update.push_back(s->second);
      } else {
        ++result.unchanged;
      }
    }
    size_t written = n + static_cast<size_t>(result.unchanged);
    report.at(written);

    std::unordered_map<std::string, int64_t> new_ids;
    for (size_t start = 0; start < to_insert.size(); start += 1000) {
      size_t end = std::min(to_insert.size(), start + 1000);
      std::vector<Person> batch(to_insert.begin() + start, to_insert.begin() + end);
      std::vector<int64_t> ids = TRY(insert_people(conn, batch, now));
      for (size_t k = 0; k < ids.size(); ++k) new_ids[*batch[k].external_id] = ids[k];
      written += batch.size();
      report.at(written);
    }
    result.created = static_cast<int>(to_insert.size());

    for (const Person& p : to_update) {
      TRY(conn.execute(
          "UPDATE people SET given_name = ?, family_name = ?, preferred_name = ?, email = ?, "
          "phone = ?, job_title = ?, date_of_birth = ?, year_group = ?, class_name = ?, "
          "competent_to_consent = ?, competence_decided_by = ?, competence_decided_at = ?, "
          "active = ?, sort_name = ?, updated_at = ? WHERE id = ?",
          {p.given_name, p.family_name, p.preferred_name, p.email, p.phone, p.job_title,
           p.date_of_birth, p.year_group, p.class_name, p.competent_to_consent,
           p.competence_decided_by, p.competence_decided_at, p.active, person_sort_name(p), now,
           p.id}));
      report.at(++written);
    }
    result.updated = static_cast<int>(to_update.size());

    // Links: add those that are new, change those whose details differ.
    std::map<std::pair<int64_t, int64_t>, LinkState> existing;
    {
      Rows links = TRY(conn.query(
          "SELECT g.parent_id, g.pupil_id, g.relationship, g.parental_responsibility FROM "
          "guardianships g JOIN people p ON p.id = g.parent_id WHERE p.school_id = ?",
          {school_id}));
      for (const Row& r : links) {
        RowReader in(r);
        const int64_t parent_id = in.integer();
        const int64_t pupil_id = in.integer();
        LinkState state;
        state.relationship = in.text();
        state.parental_responsibility = in.flag();
        existing[{parent_id, pupil_id}] = std::move(state);
      }
    }
    auto id_of = [&](const std::string& external_id) -> int64_t {
      if (auto it = new_ids.find(external_id); it != new_ids.end()) return it->second;
      return stored.at(external_id).id;
    };
    std::vector<GuardianshipRow> upserts;
    for (const ImportRow& row : rows) {
      if (row.parent_of.empty()) continue;
      int64_t parent_id = id_of(*row.person.external_id);
      for (const std::string& child : row.parent_of) {
        GuardianshipRow g{parent_id, id_of(child), "parent", true};
        auto old = existing.find({g.parent_id, g.pupil_id});
        if (old != existing.end()) {
          g.relationship = old->second.relationship;
          g.parental_responsibility = old->second.parental_responsibility;
        }
        if (row.relationship) g.relationship = *row.relationship;
        if (row.parental_responsibility) g.parental_responsibility = *row.parental_responsibility;
        if (old != existing.end() && old->second.relationship == g.relationship &&
            old->second.parental_responsibility == g.parental_responsibility)
          continue;
        upserts.push_back(std::move(g));
      }
    }
    TRY(upsert_guardianships(conn, upserts));
    result.links = static_cast<int>(upserts.size());

    TRY(append_audit(conn, clock, actor,
                     AuditEvent{"people.import", "school", std::to_string(school_id), school_id,
                                nlohmann::json{{"rows", n},
                                               {"created", result.created},
                                               {"updated", result.updated},
                                               {"unchanged", result.unchanged},
                                               {"links", result.links}}
                                    .dump()}));
    report.at(2 * n);
    return result;
  });
}

}  // namespace inloco

#include "people/school_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "people/person_fields.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr const char* kSchoolColumns = "id, trust_id, code, name, urn, phase";

School school_from_row(const Row& r) {
  RowReader in(r);
  School s;
  s.id = in.integer();
  s.trust_id = in.integer();
  s.code = in.text();
  s.name = in.text();
  s.urn = in.optional_text();
  s.phase = in.text();
  return s;
}

bool valid_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 32) return false;
  for (char c : code)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool valid_urn(std::string_view urn) {
  if (urn.size() != 6) return false;
  for (char c : urn)
    if (c < '0' || c > '9') return false;
  return true;
}

bool valid_name(std::string_view name) {
  return !trim(name).empty() && name.size() <= 200 && is_valid_utf8(name) &&
         !has_control_characters(name);
}

}  // namespace

const std::vector<std::string>& school_phases() {
  static const std::vector<std::string> kPhases = {
      "nursery",     "primary", "middle",  "secondary",
      "all-through", "special", "post-16", "alternative-provision"};
  return kPhases;
}

Result<int64_t> create_trust(Connection& conn, const Clock& clock, const Actor& actor,
                             const std::string& name) {
  std::string clean(trim(name));
  if (!valid_name(clean))
    return Error::invalid("The trust needs a name of up to 200 characters on one line.");
  Rows existing = TRY(conn.query("SELECT id FROM trusts WHERE name = ?", {clean}));
  if (!existing.empty())
    return Error::conflict("A trust called '" + clean + "' already exists; choose another name.");
  int64_t id = TRY(conn.insert("INSERT INTO trusts (name, created_at) VALUES (?, ?) RETURNING id",
                               {clean, clock.now()}));
  TRY(append_audit(conn, clock, actor,
                   AuditEvent{"trust.create", "trust", std::to_string(id), std::nullopt,
                              nlohmann::json{{"name", clean}}.dump()}));
  return id;
}

Result<Trust> get_trust(Connection& conn, int64_t trust_id) {
  Row r = TRY(conn.query_one("SELECT id, name FROM trusts WHERE id = ?", {trust_id},
                             "The trust " + std::to_string(trust_id)));
  RowReader in(r);
  Trust trust;
  trust.id = in.integer();
  trust.name = in.text();
  return trust;
}

Result<int64_t> create_school(Connection& conn, const Clock& clock, const Actor& actor,
                              const School& school) {
  std::string code = ascii_lower(trim(school.code));
  std::string name(trim(school.name));
  std::optional<std::string> urn;
  if (school.urn && !trim(*school.urn).empty()) urn = std::string(trim(*school.urn));
  std::string phase = ascii_lower(trim(school.phase));

  Error problems = Error::invalid("The school was not created: please correct the details below.");
  if (!valid_code(code))
    problems.details.push_back("The code '" + code +
                               "' must be 2 to 32 characters of lower-case letters, digits and "
                               "hyphens, e.g. \"oakfield\".");
  if (!valid_name(name))
    problems.details.push_back("The school needs a name of up to 200 characters on one line.");
  if (urn && !valid_urn(*urn))
    problems.details.push_back("The URN '" + *urn +
                               "' must be the six digits of the school's DfE unique reference "
                               "number, or left empty.");
  const auto& phases = school_phases();
  if (std::find(phases.begin(), phases.end(), phase) == phases.end())
    problems.details.push_back("The phase '" + phase +
                               "' is not known; use one of: " + join(phases, ", ") + ".");
  if (!problems.details.empty()) return problems;

  TRY(get_trust(conn, school.trust_id));
  Rows clash = TRY(conn.query("SELECT name FROM schools WHERE code = ?", {code}));
  if (!clash.empty())
    return Error::conflict("The code '" + code + "' is already used by " + clash[0][0].as_text() +
                           "; choose another code.");
  int64_t id =
      TRY(conn.insert("INSERT INTO schools (trust_id, code, name, urn, phase, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                      {school.trust_id, code, name, urn, phase, clock.now()}));
  TRY(append_audit(
      conn, clock, actor,
      AuditEvent{"school.create", "school", std::to_string(id), id,
                 nlohmann::json{{"code", code}, {"name", name}, {"phase", phase}}.dump()}));
  return id;
}

Result<School> get_school(Connection& conn, int64_t school_id) {
  Row r = TRY(conn.query_one(std::string("SELECT ") + kSchoolColumns + " FROM schools WHERE id = ?",
                             {school_id}, "The school " + std::to_string(school_id)));
  return school_from_row(r);
}

Result<School> find_school_by_code(Connection& conn, std::string_view code) {
  std::string wanted = ascii_lower(trim(code));
  Rows rows = TRY(conn.query(
      std::string("SELECT ") + kSchoolColumns + " FROM schools WHERE code = ?", {wanted}));
  if (!rows.empty()) return school_from_row(rows[0]);
  Rows all = TRY(conn.query("SELECT code FROM schools ORDER BY code"));
  std::vector<std::string> codes;
  for (const Row& r : all) codes.push_back(r[0].as_text());
  if (codes.empty())
    return Error::not_found("There is no school with the code '" + wanted +
                            "': no schools have been set up yet.");
  return Error::not_found("There is no school with the code '" + wanted +
                          "'; the schools are: " + join(codes, ", ") + ".");
}

Result<std::vector<School>> list_schools(Connection& conn, int64_t trust_id) {
  Rows rows = TRY(conn.query(
      std::string("SELECT ") + kSchoolColumns + " FROM schools WHERE trust_id = ?", {trust_id}));
  std::vector<School> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(school_from_row(r));
  // Sorted here rather than in SQL: PostgreSQL would order by its locale, SQLite by bytes.
  std::sort(out.begin(), out.end(), [](const School& a, const School& b) {
    return a.name != b.name ? a.name < b.name : a.id < b.id;
  });
  return out;
}

}  // namespace inloco

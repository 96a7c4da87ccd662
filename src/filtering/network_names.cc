#include "filtering/network_names.h"

#include <nlohmann/json.hpp>

#include "auth/role_requirements.h"
#include "core/text.h"
#include "core/typed_text.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "people/school_members.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco::filter {

Result<std::string> normalise_network_username(std::string_view name) {
  std::string out(trim(name));
  if (out.empty())
    return Error::invalid("Enter the network user name, as the school's network shows it.");
  if (out.size() > kMaxNetworkUsername)
    return Error::invalid("A network user name has at most " + std::to_string(kMaxNetworkUsername) +
                          " characters; this one has " + std::to_string(out.size()) + ".");
  if (!is_valid_utf8(out))
    return Error::invalid("The network user name is not valid text; type it again.");
  for (char& c : out) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b == 0x7f)
      return Error::invalid(
          "A network user name has no spaces or control characters: type it as the network "
          "shows it, for example \"jsmith\" or \"SCHOOL\\jsmith\".");
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<std::map<std::string, int64_t>> network_names(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query(
      "SELECT p.id, p.network_username, u.username FROM people p LEFT JOIN user_accounts u "
      "ON u.person_id = p.id WHERE p.school_id = ? AND (p.network_username IS NOT NULL OR "
      "u.username IS NOT NULL)",
      {school_id}));
  std::map<std::string, int64_t> out;
  // inloco user names first, so a network_username set for someone wins.
  for (const Row& r : rows) {
    RowReader in(r);
    const int64_t person_id = in.integer();
    if (in.is_null()) {
      in.skip();  // no network_username: the inloco one
      out[in.text()] = person_id;
    }
  }
  for (const Row& r : rows) {
    RowReader in(r);
    const int64_t person_id = in.integer();
    if (std::optional<std::string> network_username = in.optional_text())
      out[*network_username] = person_id;
  }
  return out;
}

Result<std::string> network_name_of(Connection& conn, int64_t person_id) {
  Rows rows =
      TRY(conn.query("SELECT p.network_username, u.username FROM people p LEFT JOIN user_accounts "
                     "u ON u.person_id = p.id "
                     "WHERE p.id = ?",
                     {person_id}));
  if (rows.empty()) return std::string();
  RowReader in(rows[0]);
  std::optional<std::string> network_username = in.optional_text();
  std::optional<std::string> username = in.optional_text();
  if (network_username) return *network_username;
  return username.value_or(std::string());
}

Status set_network_username(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                            int64_t person_id, std::string_view name) {
  std::optional<std::string> normal;
  if (!trim(name).empty()) normal = TRY(normalise_network_username(name));
  School school = TRY(get_school(at.conn, at.school_id));
  Person person = TRY(get_person(at.conn, at.school_id, person_id));
  TRY(require_one_of(grants, rules.monitoring_reports_to, school, "set network user names"));
  if (normal) {
    Rows taken =
        TRY(at.conn.query("SELECT p.id FROM people p LEFT JOIN user_accounts u ON u.person_id = "
                          "p.id WHERE p.school_id = ? "
                          "AND p.id <> ? AND (p.network_username = ? OR (p.network_username IS "
                          "NULL AND u.username = ?))",
                          {at.school_id, person_id, *normal, *normal}));
    if (!taken.empty())
      return Error::conflict("Someone else at the school already goes by the network user name \"" +
                             *normal + "\"; check the name the network shows for " +
                             person.display_name() + ".");
  }
  const std::string before = TRY(network_name_of(at.conn, person_id));
  TRY(at.conn.execute("UPDATE people SET network_username = ?, updated_at = ? WHERE id = ?",
                      {normal, at.now(), person_id}));
  const std::string after = TRY(network_name_of(at.conn, person_id));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"filter.network_name", "person", std::to_string(person_id), at.school_id,
                 nlohmann::json{{"before", before}, {"after", after}}.dump()}));
  return {};
}

}  // namespace inloco::filter

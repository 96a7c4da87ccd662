#include "posts/incident_store.h"

#include "core/text.h"
#include "people/person_fields.h"
#include "store/row_reader.h"

namespace inloco {

Result<int64_t> declare_incident(const SchoolScope& at, const std::string& title) {
  std::string t(trim(title));
  if (t.empty() || t.size() > 200 || !is_valid_utf8(t))
    return Error::invalid("Give the incident a short title (up to 200 characters).");
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO critical_incidents (school_id, title, declared_by, declared_at) VALUES "
      "(?, ?, ?, ?) RETURNING id",
      {at.school_id, t, at.actor.person_id, at.clock.now()}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"incident.declare", "critical_incident", std::to_string(id), at.school_id, "{}"}));
  return id;
}

Status close_incident(const SchoolScope& at, int64_t incident_id) {
  int64_t n = TRY(at.conn.execute(
      "UPDATE critical_incidents SET closed_by = ?, closed_at = ? WHERE id = ? AND school_id = ? "
      "AND closed_at IS NULL",
      {at.actor.person_id, at.clock.now(), incident_id, at.school_id}));
  if (n == 0)
    return Error::not_found("There is no open incident " + std::to_string(incident_id) +
                            " at this school.");
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"incident.close", "critical_incident", std::to_string(incident_id),
                              at.school_id, "{}"}));
  return {};
}

namespace {
CriticalIncident incident_from_row(const Row& r) {
  RowReader in(r);
  CriticalIncident incident;
  incident.id = in.integer();
  incident.title = in.text();
  incident.declared_at = in.integer();
  incident.closed_at = in.optional_integer();
  return incident;
}
}  // namespace

Result<std::optional<CriticalIncident>> find_incident(Connection& conn, int64_t school_id,
                                                      int64_t incident_id) {
  Rows rows =
      TRY(conn.query("SELECT id, title, declared_at, closed_at FROM critical_incidents WHERE id = "
                     "? AND school_id = ?",
                     {incident_id, school_id}));
  if (rows.empty()) return std::optional<CriticalIncident>();
  return std::optional<CriticalIncident>(incident_from_row(rows[0]));
}

Result<std::vector<CriticalIncident>> open_incidents(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query(
      "SELECT id, title, declared_at, closed_at FROM critical_incidents WHERE school_id = ? AND "
      "closed_at IS NULL ORDER BY id",
      {school_id}));
  std::vector<CriticalIncident> out;
  for (const Row& r : rows) out.push_back(incident_from_row(r));
  return out;
}

}  // namespace inloco

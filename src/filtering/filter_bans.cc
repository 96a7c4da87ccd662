#include "filtering/filter_bans.h"

#include <nlohmann/json.hpp>

#include "auth/role_requirements.h"
#include "core/typed_text.h"
#include "filtering/network_names.h"
#include "notices/notice_store.h"
#include "people/people_store.h"
#include "people/school_members.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

constexpr int64_t kDay = 86400;
constexpr size_t kMaxText = 4000;

const std::string kSelect =
    "SELECT b.id, b.school_id, b.person_id, b.sanction, b.started_at, b.why, b.events_count, "
    "b.window_days, "
    "b.lifted_at, b.lifted_by_name, b.lift_reason, "
    "(SELECT MAX(s.ends_at) FROM filter_supervised_sessions s WHERE s.ban_id = b.id AND "
    "s.starts_at <= ? "
    "AND s.ends_at > ?) FROM filter_bans b ";

Result<std::vector<FilterBan>> load(Connection& conn, int64_t now, const std::string& where,
                                    SqlParams params) {
  params.insert(params.begin(), {now, now});
  Rows rows = TRY(conn.query(kSelect + where, params));
  std::vector<FilterBan> out;
  for (const Row& r : rows) {
    RowReader in(r);
    FilterBan b;
    b.id = in.integer();
    b.school_id = in.integer();
    b.person_id = in.integer();
    b.sanction = in.text() == "supervised_use_only" ? CircumventionSanction::kSupervisedUseOnly
                                                    : CircumventionSanction::kRemoveInternetAccess;
    b.started_at = in.integer();
    b.why = in.text();
    b.events_count = static_cast<int>(in.integer());
    b.window_days = static_cast<int>(in.integer());
    b.lifted_at = in.optional_integer();
    b.lifted_by_name = in.text();
    b.lift_reason = in.text();
    b.supervised_until = in.optional_integer();
    Person p = TRY(get_person_by_id(conn, b.person_id));
    b.person_name = p.display_name();
    b.network_name = TRY(network_name_of(conn, b.person_id));
    out.push_back(std::move(b));
  }
  return out;
}

Result<FilterBan> ban_in_force(Connection& conn, int64_t school_id, int64_t ban_id, int64_t now) {
  FilterBan b = TRY(get_ban(conn, school_id, ban_id, now));
  if (!b.in_force())
    return Error::conflict("This ban was lifted by " + b.lifted_by_name +
                           " and cannot be changed.");
  return b;
}

}  // namespace

std::string_view sanction_key(CircumventionSanction s) {
  switch (s) {
    case CircumventionSanction::kRecordOnly:
      return "record_only";
    case CircumventionSanction::kSupervisedUseOnly:
      return "supervised_use_only";
    case CircumventionSanction::kRemoveInternetAccess:
      return "remove_internet_access";
  }
  return "record_only";
}

Result<int64_t> attempts_in_window(Connection& conn, const FilterRules& rules, int64_t person_id,
                                   int64_t now) {
  Rows rows =
      TRY(conn.query("SELECT COUNT(*) FROM filter_circumvention_events WHERE person_id = ? AND at "
                     "> ? AND at <= ? AND at > "
                     "COALESCE((SELECT MAX(lifted_at) FROM filter_bans WHERE person_id = ? AND "
                     "lifted_at IS NOT NULL), 0)",
                     {person_id, now - static_cast<int64_t>(rules.circumvention_window_days) * kDay,
                      now, person_id}));
  return rows[0][0].as_int();
}

Result<std::optional<int64_t>> ban_if_due(const SchoolScope& at, const FilterRules& rules,
                                          int64_t person_id) {
  if (rules.circumvention == CircumventionSanction::kRecordOnly) return std::optional<int64_t>();
  Rows banned = TRY(at.conn.query(
      "SELECT id FROM filter_bans WHERE person_id = ? AND lifted_at IS NULL", {person_id}));
  if (!banned.empty()) return std::optional<int64_t>();
  const int64_t now = at.now();
  const int64_t attempts = TRY(attempts_in_window(at.conn, rules, person_id, now));
  if (attempts < rules.circumvention_threshold) return std::optional<int64_t>();
  const std::string why =
      std::to_string(attempts) + " attempts to get round the web filter within " +
      std::to_string(rules.circumvention_window_days) +
      (rules.circumvention_window_days == 1 ? " day" : " days") + " (the policy's limit is " +
      std::to_string(rules.circumvention_threshold) + ").";
  int64_t id =
      TRY(at.conn.insert("INSERT INTO filter_bans (school_id, person_id, sanction, started_at, "
                         "why, events_count, window_days) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         {at.school_id, person_id, sanction_key(rules.circumvention), now, why,
                          attempts, static_cast<int64_t>(rules.circumvention_window_days)}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"filter.ban", "filter_ban", std::to_string(id), at.school_id,
                              nlohmann::json{{"person", person_id},
                                             {"attempts", attempts},
                                             {"sanction", sanction_key(rules.circumvention)}}
                                  .dump()}));
  TRY(notify_roles(at.conn, at.clock, at.school_id, rules.monitoring_reports_to, std::nullopt,
                   NoticeKind::kNetworkBanned, NoticeAbout{{}, {}, {}, id}));
  return std::optional<int64_t>(id);
}

Status lift_ban(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                int64_t ban_id, std::string_view reason) {
  std::string why = TRY(required_text(
      reason, "The reason",
      "Say why the ban is lifted, for example what was agreed with the pupil.", kMaxText, true));
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.monitoring_reports_to, school, "lift bans from the network"));
  const int64_t now = at.now();
  FilterBan b = TRY(ban_in_force(at.conn, at.school_id, ban_id, now));
  TRY(at.conn.execute(
      "UPDATE filter_bans SET lifted_at = ?, lifted_by = ?, lifted_by_name = ?, lift_reason = ? "
      "WHERE id = ? AND lifted_at IS NULL",
      {now, at.actor.person_id, at.actor.name, why, ban_id}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"filter.ban_lift", "filter_ban", std::to_string(ban_id), at.school_id,
                              nlohmann::json{{"person", b.person_id}}.dump()}));
  return {};
}

Result<int64_t> record_supervision(const SchoolScope& at, const Grants& grants,
                                   const FilterRules& rules, int64_t ban_id, int64_t supervisor_id,
                                   int minutes) {
  if (minutes < 1 || minutes > kMaxSupervisedMinutes)
    return Error::invalid("Supervise for between 1 and " + std::to_string(kMaxSupervisedMinutes) +
                          " minutes; record another session when this one ends.");
  auto supervisor = load_staff_member(at.conn, at.school_id, supervisor_id);
  if (!supervisor.ok())
    return Error::invalid(
        "Choose the member of staff who supervises from the school's current staff.");
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.monitoring_reports_to, school,
                     "record supervised use of the network"));
  const int64_t now = at.now();
  FilterBan b = TRY(ban_in_force(at.conn, at.school_id, ban_id, now));
  if (b.sanction != CircumventionSanction::kSupervisedUseOnly)
    return Error::conflict(
        "This ban removes internet access entirely, as the policy said when it began; "
        "supervised use is not offered. Lift the ban to restore access.");
  const int64_t ends = now + static_cast<int64_t>(minutes) * 60;
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO filter_supervised_sessions (ban_id, supervisor_id, supervisor_name, "
      "recorded_by, "
      "recorded_by_name, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {ban_id, supervisor_id, supervisor->display_name(), at.actor.person_id, at.actor.name, now,
       ends}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{
          "filter.supervision", "filter_ban", std::to_string(ban_id), at.school_id,
          nlohmann::json{{"person", b.person_id}, {"supervisor", supervisor_id}, {"ends_at", ends}}
              .dump()}));
  return id;
}

Result<std::vector<Person>> possible_supervisors(Connection& conn, int64_t school_id) {
  return current_staff(conn, school_id);
}

Result<FilterBan> get_ban(Connection& conn, int64_t school_id, int64_t ban_id, int64_t now) {
  auto bans = TRY(load(conn, now, "WHERE b.id = ? AND b.school_id = ?", {ban_id, school_id}));
  if (bans.empty()) return Error::not_found("There is no such ban at this school.");
  FilterBan b = std::move(bans[0]);
  Rows rows = TRY(conn.query(
      "SELECT id, supervisor_id, supervisor_name, recorded_by_name, starts_at, ends_at FROM "
      "filter_supervised_sessions WHERE ban_id = ? ORDER BY starts_at DESC, id DESC",
      {ban_id}));
  for (const Row& r : rows) {
    RowReader in(r);
    SupervisedSession s;
    s.id = in.integer();
    s.supervisor_id = in.integer();
    s.supervisor_name = in.text();
    s.recorded_by_name = in.text();
    s.starts_at = in.integer();
    s.ends_at = in.integer();
    b.sessions.push_back(std::move(s));
  }
  return b;
}

Result<std::vector<FilterBan>> bans_in_force(Connection& conn, int64_t school_id, int64_t now) {
  return load(conn, now,
              "WHERE b.school_id = ? AND b.lifted_at IS NULL ORDER BY b.started_at DESC, b.id DESC",
              {school_id});
}

Result<std::vector<FilterBan>> bans_of(Connection& conn, int64_t school_id, int64_t person_id,
                                       int64_t now) {
  return load(conn, now,
              "WHERE b.school_id = ? AND b.person_id = ? ORDER BY b.started_at DESC, b.id DESC",
              {school_id, person_id});
}

}  // namespace inloco::filter

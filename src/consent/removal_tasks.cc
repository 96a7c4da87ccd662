#include "consent/removal_tasks.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

constexpr size_t kMaxReasonLength = 2000;

const char* kTaskColumns =
    "t.id, t.school_id, t.withdrawal_id, t.pupil_id, "
    "COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name, t.use_key, t.post_id, "
    "t.account_id, a.account_name, a.platform, t.live_url, t.published_on, t.due_on, t.status, "
    "t.created_at, t.resolved_by, t.resolved_by_name, t.resolved_at, t.reason "
    "FROM removal_tasks t JOIN people p ON p.id = t.pupil_id "
    "JOIN official_accounts a ON a.id = t.account_id ";

Result<RemovalTask> task_from_row(const Row& r) {
  RowReader in(r);
  RemovalTask t;
  t.id = in.integer();
  t.school_id = in.integer();
  t.withdrawal_id = in.integer();
  t.pupil_id = in.integer();
  t.pupil_name = in.text();
  t.use = in.text();
  t.post_id = in.integer();
  t.account_id = in.integer();
  t.account_name = in.text();
  t.platform = in.text();
  t.live_url = in.text();
  t.published_on = TRY(stored_day(in.value(), "published_on"));
  t.due_on = TRY(stored_day(in.value(), "due_on"));
  t.status = parse_removal_status(in.text()).value_or(RemovalStatus::kOpen);
  t.created_at = in.integer();
  t.resolved_by = in.optional_integer();
  t.resolved_by_name = in.text();
  t.resolved_at = in.optional_integer();
  t.reason = in.text();
  return t;
}

// Reads the tasks of `where` (a condition on t with its parameters) with their assignees.
Result<std::vector<RemovalTask>> load_tasks(Connection& conn, const std::string& where,
                                            const SqlParams& params, const std::string& order) {
  Rows rows = TRY(conn.query(
      std::string("SELECT ") + kTaskColumns + "WHERE " + where + " ORDER BY " + order, params));
  std::vector<RemovalTask> tasks;
  tasks.reserve(rows.size());
  std::map<int64_t, size_t> index;
  for (const Row& r : rows) {
    RemovalTask task = TRY(task_from_row(r));
    index[task.id] = tasks.size();
    tasks.push_back(std::move(task));
  }
  if (tasks.empty()) return tasks;
  Rows people = TRY(conn.query(
      "SELECT x.task_id, x.person_id, COALESCE(p.preferred_name, p.given_name) || ' ' || "
      "p.family_name FROM removal_task_assignees x JOIN removal_tasks t ON t.id = x.task_id "
      "JOIN people p ON p.id = x.person_id WHERE " +
          where + " ORDER BY p.sort_name, p.id",
      params));
  for (const Row& r : people) {
    RowReader in(r);
    auto it = index.find(in.integer());
    if (it == index.end()) continue;
    const int64_t person_id = in.integer();
    std::string name = in.text();
    tasks[it->second].assigned_to.push_back({person_id, std::move(name)});
  }
  return tasks;
}

// The account's live administrators; with none, the holders of its master
// admin role at the school, so that a task is never assigned to no one when
// someone is responsible for the account.
Result<std::vector<int64_t>> admins_of(Connection& conn, int64_t school_id, int64_t account_id) {
  Rows admins = TRY(conn.query(
      "SELECT DISTINCT person_id FROM account_authorisations WHERE account_id = ? AND kind = "
      "'admin' AND revoked_at IS NULL ORDER BY person_id",
      {account_id}));
  std::vector<int64_t> out;
  for (const Row& r : admins) out.push_back(r[0].as_int());
  if (!out.empty()) return out;
  Rows holders = TRY(conn.query(
      "SELECT DISTINCT r.person_id FROM role_assignments r JOIN official_accounts a ON "
      "a.master_admin_role = r.role WHERE a.id = ? AND r.school_id = ? ORDER BY r.person_id",
      {account_id, school_id}));
  for (const Row& r : holders) out.push_back(r[0].as_int());
  return out;
}

}  // namespace

std::string_view removal_status_key(RemovalStatus status) {
  switch (status) {
    case RemovalStatus::kOpen:
      return "open";
    case RemovalStatus::kRemoved:
      return "removed";
    case RemovalStatus::kNotPracticable:
      return "not_practicable";
  }
  return "open";
}

std::optional<RemovalStatus> parse_removal_status(std::string_view key) {
  for (RemovalStatus s :
       {RemovalStatus::kOpen, RemovalStatus::kRemoved, RemovalStatus::kNotPracticable})
    if (removal_status_key(s) == key) return s;
  return std::nullopt;
}

Result<std::vector<int64_t>> open_removal_tasks(const SchoolScope& at, const ConsentRules& rules,
                                                int64_t withdrawal_id, int64_t pupil_id,
                                                std::string_view use,
                                                const CalendarDate& effective_from,
                                                const std::vector<PublishedPostRef>& posts) {
  const int64_t now = at.clock.now();
  const CalendarDate due =
      date_from_days(days_since_epoch(effective_from) + std::max(0, rules.removal_within_days));
  std::vector<int64_t> ids;
  std::set<int64_t> seen;
  for (const PublishedPostRef& post : posts) {
    if (!seen.insert(post.post_id).second) continue;  // a finder may name a post twice
    Rows account =
        TRY(at.conn.query("SELECT id FROM official_accounts WHERE id = ? AND school_id = ?",
                          {post.account_id, at.school_id}));
    if (account.empty())
      return Error::not_found("Post " + std::to_string(post.post_id) + " is on account " +
                              std::to_string(post.account_id) +
                              ", which is not one of this school's accounts.");
    int64_t id = TRY(at.conn.insert(
        "INSERT INTO removal_tasks (school_id, withdrawal_id, pupil_id, use_key, post_id, "
        "account_id, live_url, published_on, due_on, status, created_at) VALUES (?, ?, ?, ?, ?, "
        "?, ?, ?, ?, 'open', ?) RETURNING id",
        {at.school_id, withdrawal_id, pupil_id, use, post.post_id, post.account_id, post.live_url,
         post.published_on.iso(), due.iso(), now}));
    std::vector<int64_t> admins = TRY(admins_of(at.conn, at.school_id, post.account_id));
    for (int64_t person : admins)
      TRY(at.conn.execute("INSERT INTO removal_task_assignees (task_id, person_id) VALUES (?, ?)",
                          {id, person}));
    TRY(append_audit(
        at.conn, at.clock, at.actor,
        AuditEvent{"consent.removal_open", "removal_task", std::to_string(id), at.school_id,
                   nlohmann::json{{"withdrawal", withdrawal_id},
                                  {"post", post.post_id},
                                  {"account", post.account_id},
                                  {"due_on", due.iso()},
                                  {"assigned_to", admins}}
                       .dump()}));
    ids.push_back(id);
  }
  return ids;
}

Status resolve_removal(const SchoolScope& at, int64_t task_id, RemovalStatus outcome,
                       std::string_view reason) {
  RemovalTask task = TRY(get_removal_task(at.conn, at.school_id, task_id));
  if (outcome == RemovalStatus::kOpen)
    return Error::invalid("Choose how the task ended: removed, or not practicable.");
  std::string why(reason);
  while (!why.empty() && (why.back() == ' ' || why.back() == '\n')) why.pop_back();
  while (!why.empty() && (why.front() == ' ' || why.front() == '\n')) why.erase(why.begin());
  if (outcome == RemovalStatus::kNotPracticable && why.empty())
    return Error::invalid(
        "Say why removing the post is not practicable (for example, what was "
        "tried and what the platform answered).");
  if (why.size() > kMaxReasonLength)
    return Error::invalid("The reason is longer than " + std::to_string(kMaxReasonLength) +
                          " characters; shorten it.");
  if (task.status != RemovalStatus::kOpen)
    return Error::conflict("This removal task has already ended as " +
                           std::string(removal_status_key(task.status)) + " (by " +
                           task.resolved_by_name + "); it cannot be changed.");
  const int64_t now = at.clock.now();
  int64_t changed = TRY(at.conn.execute(
      "UPDATE removal_tasks SET status = ?, resolved_by = ?, resolved_by_name = ?, resolved_at "
      "= ?, reason = ? WHERE id = ? AND school_id = ? AND status = 'open'",
      {removal_status_key(outcome), at.actor.person_id, at.actor.name, now, why, task_id,
       at.school_id}));
  if (changed != 1)
    return Error::conflict("This removal task has just been ended by someone else.");
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{
          "consent.removal_resolve", "removal_task", std::to_string(task_id), at.school_id,
          nlohmann::json{
              {"status", removal_status_key(outcome)}, {"post", task.post_id}, {"reason", why}}
              .dump()}));
  return {};
}

Result<RemovalTask> get_removal_task(Connection& conn, int64_t school_id, int64_t task_id) {
  auto tasks = TRY(load_tasks(conn, "t.id = ? AND t.school_id = ?", {task_id, school_id}, "t.id"));
  if (tasks.empty())
    return Error::not_found("There is no removal task " + std::to_string(task_id) +
                            " at this school.");
  return std::move(tasks[0]);
}

Result<std::vector<RemovalTask>> outstanding_removals(Connection& conn, int64_t school_id) {
  return load_tasks(conn, "t.school_id = ? AND t.status = 'open'", {school_id}, "t.due_on, t.id");
}

Result<std::vector<RemovalTask>> removal_tasks_for(Connection& conn, int64_t school_id,
                                                   int64_t withdrawal_id) {
  return load_tasks(conn, "t.school_id = ? AND t.withdrawal_id = ?", {school_id, withdrawal_id},
                    "t.post_id, t.id");
}

}  // namespace inloco

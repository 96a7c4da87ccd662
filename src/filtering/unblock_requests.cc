#include "filtering/unblock_requests.h"

#include <nlohmann/json.hpp>

#include "auth/role_requirements.h"
#include "core/typed_text.h"
#include "filter/url_normaliser.h"
#include "notices/notice_store.h"
#include "people/school_members.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

constexpr size_t kMaxAddress = 2000;
constexpr size_t kMaxText = 4000;

std::string_view status_key(UnblockStatus s) { return unblock_status_key(s); }

UnblockStatus parse_status(const std::string& key) {
  if (key == "approved") return UnblockStatus::kApproved;
  if (key == "refused") return UnblockStatus::kRefused;
  return UnblockStatus::kWaiting;
}

const std::string kSelect =
    "SELECT r.id, r.school_id, r.requested_by, r.requested_by_name, r.requested_at, r.address, "
    "r.domain, r.reason, r.for_group, r.days, r.status, r.checked_by_name, r.checked_at, "
    "r.check_note, r.decided_by_name, r.decided_at, r.decision_reason, "
    "(SELECT MAX(e.ends_at) FROM filter_exceptions e WHERE e.request_id = r.id) "
    "FROM filter_unblock_requests r ";

UnblockRequest from_row(const Row& r) {
  RowReader in(r);
  UnblockRequest u;
  u.id = in.integer();
  u.school_id = in.integer();
  u.requested_by = in.integer();
  u.requested_by_name = in.text();
  u.requested_at = in.integer();
  u.address = in.text();
  u.domain = in.text();
  u.reason = in.text();
  u.for_group = in.text();
  u.days = static_cast<int>(in.integer());
  u.status = parse_status(in.text());
  u.checked_by_name = in.text();
  u.checked_at = in.optional_integer();
  u.check_note = in.text();
  u.decided_by_name = in.text();
  u.decided_at = in.optional_integer();
  u.decision_reason = in.text();
  u.exception_ends_at = in.optional_integer();
  return u;
}

Status audit(const SchoolScope& at, const char* action, int64_t id, nlohmann::json detail) {
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{action, "filter_unblock_request", std::to_string(id), at.school_id,
                              detail.dump()}));
  return {};
}

Result<UnblockRequest> waiting(Connection& conn, int64_t school_id, int64_t id) {
  UnblockRequest r = TRY(get_unblock_request(conn, school_id, id));
  if (r.status != UnblockStatus::kWaiting)
    return Error::conflict("This request was " + std::string(status_key(r.status)) + " by " +
                           r.decided_by_name +
                           " and cannot be changed; ask again if it is still needed.");
  return r;
}

}  // namespace

std::string_view unblock_status_key(UnblockStatus s) {
  switch (s) {
    case UnblockStatus::kWaiting:
      return "waiting";
    case UnblockStatus::kApproved:
      return "approved";
    case UnblockStatus::kRefused:
      return "refused";
  }
  return "waiting";
}

Result<std::string> unblock_domain(std::string_view address) {
  std::string text = TRY(optional_text(address, "The address", kMaxAddress, false));
  if (text.empty())
    return Error::invalid(
        "Enter the address of the site, for example https://www.example.org/page.");
  if (text.find("://") == std::string::npos) text = "http://" + text;
  auto url = normalise_url(text);
  if (!url.ok() || url->host.empty())
    return Error::invalid(
        "\"" + std::string(address) +
        "\" is not the address of a site. Copy it from the browser's address bar, for "
        "example https://www.example.org/page.");
  return std::string(strip_www(url->host));
}

Result<int64_t> request_unblock(const SchoolScope& at, const FilterRules& rules,
                                const UnblockInput& in) {
  if (!at.actor.person_id)
    return Error::forbidden("Only a member of staff can ask for a site to be unblocked.");
  std::string address = TRY(optional_text(in.address, "The address", kMaxAddress, false));
  std::string domain = TRY(unblock_domain(address));
  std::string reason = TRY(required_text(
      in.reason, "The reason",
      "Say what the site is needed for, for example the lesson and the resource.", kMaxText, true));
  if (!in.for_group.empty() && !rules.groups.contains(in.for_group))
    return Error::invalid("The school's policy has no filter group \"" + in.for_group +
                          "\"; choose one of the groups offered, or yourself.");
  if (in.days < 1 || in.days > kMaxUnblockDays)
    return Error::invalid("Ask for between 1 and " + std::to_string(kMaxUnblockDays) +
                          " days; a site needed for longer can be asked for again.");
  TRY(get_school(at.conn, at.school_id));
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO filter_unblock_requests (school_id, requested_by, requested_by_name, "
      "requested_at, "
      "address, domain, reason, for_group, days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, *at.actor.person_id, at.actor.name, at.now(), address, domain, reason,
       in.for_group, static_cast<int64_t>(in.days)}));
  TRY(audit(at, "filter.unblock_request", id,
            {{"domain", domain}, {"group", in.for_group}, {"days", in.days}}));
  // ICT check it and the head decides: both are told.
  std::vector<Role> told = rules.unblock_handlers;
  told.insert(told.end(), rules.unblock_approvers.begin(), rules.unblock_approvers.end());
  TRY(notify_roles(at.conn, at.clock, at.school_id, told, at.actor.person_id,
                   NoticeKind::kUnblockRequested, NoticeAbout{{}, id, {}}));
  return id;
}

Status check_unblock(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                     int64_t request_id, std::string_view note) {
  std::string text = TRY(
      required_text(note, "The check",
                    "Say what you found: whether the site is safe and what it is in the lists as.",
                    kMaxText, true));
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.unblock_handlers, school, "check requests to unblock sites"));
  TRY(waiting(at.conn, at.school_id, request_id));
  TRY(at.conn.execute(
      "UPDATE filter_unblock_requests SET checked_by = ?, checked_by_name = ?, checked_at = ?, "
      "check_note = ? WHERE id = ? AND status = 'waiting'",
      {at.actor.person_id, at.actor.name, at.now(), text, request_id}));
  return audit(at, "filter.unblock_check", request_id, nlohmann::json::object());
}

Status decide_unblock(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                      int64_t request_id, bool approve, std::string_view reason) {
  std::string why = TRY(required_text(
      reason, "The decision", "Write the decision and its reason: it is kept with the request.",
      kMaxText, true));
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.unblock_approvers, school,
                     "approve or refuse requests to unblock sites"));
  UnblockRequest r = TRY(waiting(at.conn, at.school_id, request_id));
  if (at.actor.person_id == r.requested_by)
    return Error::forbidden("You cannot decide on your own request; someone else who is " +
                            roles_phrase(rules.unblock_approvers) + " must.");
  const int64_t now = at.now();
  TRY(at.conn.execute(
      "UPDATE filter_unblock_requests SET status = ?, decided_by = ?, decided_by_name = ?, "
      "decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'waiting'",
      {approve ? "approved" : "refused", at.actor.person_id, at.actor.name, now, why, request_id}));
  if (approve)
    TRY(at.conn.execute(
        "INSERT INTO filter_exceptions (school_id, request_id, domain, for_group, for_person_id, "
        "starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {at.school_id, request_id, r.domain, r.for_group,
         r.for_group.empty() ? SqlValue(r.requested_by) : SqlValue(), now,
         now + static_cast<int64_t>(r.days) * 86400}));
  TRY(notify(at.conn, at.clock, at.school_id, r.requested_by, NoticeKind::kUnblockDecided,
             NoticeAbout{{}, request_id, {}}));
  return audit(at, "filter.unblock_decide", request_id,
               {{"approved", approve}, {"domain", r.domain}});
}

Result<UnblockRequest> get_unblock_request(Connection& conn, int64_t school_id,
                                           int64_t request_id) {
  Rows rows =
      TRY(conn.query(kSelect + "WHERE r.id = ? AND r.school_id = ?", {request_id, school_id}));
  if (rows.empty())
    return Error::not_found("There is no such request to unblock a site at this school.");
  return from_row(rows[0]);
}

Result<std::vector<UnblockRequest>> unblock_requests(Connection& conn, int64_t school_id,
                                                     int limit) {
  Rows rows = TRY(
      conn.query(kSelect + "WHERE r.school_id = ? ORDER BY CASE WHEN r.status = 'waiting' THEN 0 "
                           "ELSE 1 END, r.requested_at DESC, r.id DESC LIMIT ?",
                 {school_id, static_cast<int64_t>(limit)}));
  std::vector<UnblockRequest> out;
  for (const Row& r : rows) out.push_back(from_row(r));
  return out;
}

Result<std::vector<UnblockRequest>> own_unblock_requests(Connection& conn, int64_t school_id,
                                                         int64_t person_id) {
  Rows rows = TRY(conn.query(kSelect + "WHERE r.school_id = ? AND r.requested_by = ? ORDER BY "
                                       "r.requested_at DESC, r.id DESC",
                             {school_id, person_id}));
  std::vector<UnblockRequest> out;
  for (const Row& r : rows) out.push_back(from_row(r));
  return out;
}

Result<std::vector<FilterException>> exceptions_in_force(Connection& conn, int64_t school_id,
                                                         int64_t now) {
  Rows rows = TRY(conn.query(
      "SELECT e.id, e.request_id, e.domain, e.for_group, e.for_person_id, "
      "COALESCE(p.network_username, u.username), e.starts_at, e.ends_at FROM filter_exceptions e "
      "LEFT JOIN people p ON p.id = e.for_person_id LEFT JOIN user_accounts u ON u.person_id = "
      "e.for_person_id "
      "WHERE e.school_id = ? AND e.ended_at IS NULL AND e.starts_at <= ? AND e.ends_at > ? "
      "ORDER BY e.ends_at, e.id",
      {school_id, now, now}));
  std::vector<FilterException> out;
  for (const Row& r : rows) {
    RowReader in(r);
    FilterException e;
    e.id = in.integer();
    e.request_id = in.integer();
    e.domain = in.text();
    e.for_group = in.text();
    e.for_person_id = in.optional_integer();
    e.for_username = in.optional_text().value_or(std::string());
    e.starts_at = in.integer();
    e.ends_at = in.integer();
    out.push_back(std::move(e));
  }
  return out;
}

Status end_exception(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                     int64_t exception_id, std::string_view reason) {
  std::string why =
      TRY(required_text(reason, "The reason", "Say why the exception ends early.", kMaxText, true));
  School school = TRY(get_school(at.conn, at.school_id));
  std::vector<Role> who = rules.unblock_approvers;
  who.insert(who.end(), rules.unblock_handlers.begin(), rules.unblock_handlers.end());
  TRY(require_one_of(grants, who, school, "end an exception early"));
  const int64_t now = at.now();
  Rows rows =
      TRY(at.conn.query("SELECT request_id FROM filter_exceptions WHERE id = ? AND school_id = ? "
                        "AND ended_at IS NULL "
                        "AND ends_at > ?",
                        {exception_id, at.school_id, now}));
  if (rows.empty()) return Error::conflict("This exception has already ended.");
  TRY(at.conn.execute(
      "UPDATE filter_exceptions SET ended_at = ?, ended_by_name = ?, end_reason = ? WHERE id = ?",
      {now, at.actor.name, why, exception_id}));
  return audit(at, "filter.exception_end", rows[0][0].as_int(), {{"exception", exception_id}});
}

}  // namespace inloco::filter

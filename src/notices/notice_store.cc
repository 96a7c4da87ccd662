#include "notices/notice_store.h"

#include <algorithm>
#include <set>

#include "people/people_store.h"
#include "store/row_reader.h"

namespace inloco {

Result<int64_t> notify(Connection& conn, const Clock& clock, int64_t school_id, int64_t person_id,
                       NoticeKind kind, const NoticeAbout& about) {
  return conn.insert(
      "INSERT INTO notices (school_id, person_id, kind, concern_id, unblock_request_id, "
      "site_report_id, filter_ban_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {school_id, person_id, notice_kind_key(kind), about.concern_id, about.unblock_request_id,
       about.site_report_id, about.filter_ban_id, clock.now()});
}

Status notify_roles(Connection& conn, const Clock& clock, int64_t school_id,
                    const std::vector<Role>& roles, std::optional<int64_t> except, NoticeKind kind,
                    const NoticeAbout& about) {
  std::set<int64_t> told;
  for (const RoleHolder& h : TRY(role_holders_at(conn, school_id))) {
    if (std::find(roles.begin(), roles.end(), h.role) == roles.end() || !h.person.active) continue;
    if (h.person.id == except || !told.insert(h.person.id).second) continue;
    TRY(notify(conn, clock, school_id, h.person.id, kind, about));
  }
  return {};
}

Status mark_notices_read(Connection& conn, const Clock& clock, int64_t person_id,
                         const NoticeAbout& about) {
  if (about.unblock_request_id)
    TRY(conn.execute(
        "UPDATE notices SET read_at = ? WHERE person_id = ? AND unblock_request_id = ? AND "
        "read_at IS NULL",
        {clock.now(), person_id, *about.unblock_request_id}));
  if (about.site_report_id)
    TRY(conn.execute(
        "UPDATE notices SET read_at = ? WHERE person_id = ? AND site_report_id = ? AND "
        "read_at IS NULL",
        {clock.now(), person_id, *about.site_report_id}));
  if (about.filter_ban_id)
    TRY(
        conn.execute("UPDATE notices SET read_at = ? WHERE person_id = ? AND filter_ban_id = ? AND "
                     "read_at IS NULL",
                     {clock.now(), person_id, *about.filter_ban_id}));
  if (about.concern_id) TRY(mark_concern_notices_read(conn, clock, person_id, *about.concern_id));
  return {};
}

Result<std::vector<Notice>> notices_for(Connection& conn, int64_t person_id, int limit) {
  Rows rows = TRY(conn.query(
      "SELECT n.id, n.school_id, s.name, n.person_id, n.kind, n.concern_id, n.created_at, "
      "n.read_at, n.unblock_request_id, n.site_report_id, n.filter_ban_id FROM notices n JOIN "
      "schools s ON s.id = n.school_id WHERE n.person_id = ? "
      "ORDER BY CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END, n.created_at DESC, n.id DESC "
      "LIMIT ?",
      {person_id, static_cast<int64_t>(std::max(limit, 0))}));
  std::vector<Notice> out;
  for (const Row& r : rows) {
    RowReader in(r);
    Notice n;
    n.id = in.integer();
    n.school_id = in.integer();
    n.school_name = in.text();
    n.person_id = in.integer();
    n.kind = parse_notice_kind(in.text()).value_or(NoticeKind::kConcernRouted);
    n.concern_id = in.optional_integer();
    n.created_at = in.integer();
    n.read_at = in.optional_integer();
    n.unblock_request_id = in.optional_integer();
    n.site_report_id = in.optional_integer();
    n.filter_ban_id = in.optional_integer();
    out.push_back(std::move(n));
  }
  return out;
}

Result<int64_t> unread_notices(Connection& conn, int64_t person_id,
                               std::optional<int64_t> school_id) {
  // school_id = 0 never matches a school, so "any school" is the second test.
  Rows rows = TRY(conn.query(
      "SELECT COUNT(*) FROM notices WHERE person_id = ? AND read_at IS NULL AND (school_id = ? "
      "OR ? = 0)",
      {person_id, school_id.value_or(0), school_id.value_or(0)}));
  return rows.empty() ? int64_t{0} : rows[0][0].as_int();
}

Status mark_concern_notices_read(Connection& conn, const Clock& clock, int64_t person_id,
                                 int64_t concern_id) {
  TRY(conn.execute(
      "UPDATE notices SET read_at = ? WHERE person_id = ? AND concern_id = ? AND read_at IS NULL",
      {clock.now(), person_id, concern_id}));
  return {};
}

Status mark_notice_read(Connection& conn, const Clock& clock, int64_t person_id,
                        int64_t notice_id) {
  Rows mine = TRY(conn.query("SELECT read_at FROM notices WHERE id = ? AND person_id = ?",
                             {notice_id, person_id}));
  if (mine.empty()) return Error::not_found("There is no such notice among yours.");
  if (mine[0][0].is_null())
    TRY(conn.execute("UPDATE notices SET read_at = ? WHERE id = ?", {clock.now(), notice_id}));
  return {};
}

}  // namespace inloco

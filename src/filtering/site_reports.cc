#include "filtering/site_reports.h"

#include <nlohmann/json.hpp>

#include "auth/role_requirements.h"
#include "core/typed_text.h"
#include "filtering/unblock_requests.h"
#include "notices/notice_store.h"
#include "people/school_members.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco::filter {
namespace {

constexpr size_t kMaxText = 4000;

const std::string kSelect =
    "SELECT id, reported_by, reported_by_name, reported_at, address, domain, what, status, "
    "handled_by_name, handled_at, outcome FROM filter_site_reports ";

SiteReport from_row(const Row& r) {
  RowReader in(r);
  SiteReport s;
  s.id = in.integer();
  s.reported_by = in.integer();
  s.reported_by_name = in.text();
  s.reported_at = in.integer();
  s.address = in.text();
  s.domain = in.text();
  s.what = in.text();
  const std::string status = in.text();
  s.status = status == "blocked"     ? SiteReportStatus::kBlocked
             : status == "dismissed" ? SiteReportStatus::kDismissed
                                     : SiteReportStatus::kOpen;
  s.handled_by_name = in.text();
  s.handled_at = in.optional_integer();
  s.outcome = in.text();
  return s;
}

Result<std::vector<SiteReport>> load(Connection& conn, const std::string& where,
                                     const SqlParams& params) {
  Rows rows = TRY(conn.query(kSelect + where, params));
  std::vector<SiteReport> out;
  for (const Row& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

std::string_view site_report_status_key(SiteReportStatus s) {
  switch (s) {
    case SiteReportStatus::kOpen:
      return "open";
    case SiteReportStatus::kBlocked:
      return "blocked";
    case SiteReportStatus::kDismissed:
      return "dismissed";
  }
  return "open";
}

Result<int64_t> report_site(const SchoolScope& at, const FilterRules& rules,
                            std::string_view address, std::string_view what) {
  if (!at.actor.person_id)
    return Error::forbidden("Only someone who works at the school can report a site.");
  std::string typed = TRY(optional_text(address, "The address", 2000, false));
  std::string domain = TRY(unblock_domain(typed));
  std::string found = TRY(required_text(
      what, "What you found", "Say what you found on the site and where, so ICT can check it.",
      kMaxText, true));
  TRY(get_school(at.conn, at.school_id));
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO filter_site_reports (school_id, reported_by, reported_by_name, reported_at, "
      "address, "
      "domain, what) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, *at.actor.person_id, at.actor.name, at.now(), typed, domain, found}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"filter.site_report", "filter_site_report", std::to_string(id),
                              at.school_id, nlohmann::json{{"domain", domain}}.dump()}));
  TRY(notify_roles(at.conn, at.clock, at.school_id, rules.content_reports_to, at.actor.person_id,
                   NoticeKind::kSiteReported, NoticeAbout{{}, {}, id}));
  return id;
}

Status handle_site_report(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                          int64_t report_id, bool block, std::string_view outcome) {
  std::string why = TRY(required_text(
      outcome, "The outcome",
      block ? "Say why the site is blocked." : "Say why the site is not blocked.", kMaxText, true));
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.content_reports_to, school, "block reported sites"));
  SiteReport r = TRY(get_site_report(at.conn, at.school_id, report_id));
  if (r.status != SiteReportStatus::kOpen)
    return Error::conflict("This report was handled by " + r.handled_by_name + " (" +
                           std::string(site_report_status_key(r.status)) +
                           ") and cannot be changed.");
  TRY(
      at.conn.execute("UPDATE filter_site_reports SET status = ?, handled_by = ?, handled_by_name "
                      "= ?, handled_at = ?, "
                      "outcome = ? WHERE id = ? AND status = 'open'",
                      {block ? "blocked" : "dismissed", at.actor.person_id, at.actor.name, at.now(),
                       why, report_id}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"filter.site_report_handle", "filter_site_report", std::to_string(report_id),
                 at.school_id, nlohmann::json{{"blocked", block}, {"domain", r.domain}}.dump()}));
  TRY(notify(at.conn, at.clock, at.school_id, r.reported_by, NoticeKind::kSiteReportHandled,
             NoticeAbout{{}, {}, report_id}));
  return {};
}

Result<SiteReport> get_site_report(Connection& conn, int64_t school_id, int64_t report_id) {
  auto rows = TRY(load(conn, "WHERE id = ? AND school_id = ?", {report_id, school_id}));
  if (rows.empty()) return Error::not_found("There is no such report of a site at this school.");
  return rows[0];
}

Result<std::vector<SiteReport>> site_reports(Connection& conn, int64_t school_id, int limit) {
  return load(
      conn,
      "WHERE school_id = ? ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, reported_at DESC, "
      "id DESC LIMIT ?",
      {school_id, static_cast<int64_t>(limit)});
}

Result<std::vector<SiteReport>> own_site_reports(Connection& conn, int64_t school_id,
                                                 int64_t person_id) {
  return load(conn, "WHERE school_id = ? AND reported_by = ? ORDER BY reported_at DESC, id DESC",
              {school_id, person_id});
}

Result<std::vector<std::string>> school_block_list(Connection& conn, int64_t school_id) {
  Rows rows = TRY(conn.query(
      "SELECT DISTINCT domain FROM filter_site_reports WHERE school_id = ? AND status = 'blocked' "
      "ORDER BY domain",
      {school_id}));
  std::vector<std::string> out;
  for (const Row& r : rows) out.push_back(r[0].as_text());
  return out;
}

}  // namespace inloco::filter

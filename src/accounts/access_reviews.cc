#include "accounts/access_reviews.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "accounts/account_register.h"
#include "accounts/account_rows.h"
#include "people/person.h"
#include "people/person_fields.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

ReviewKind kind_for(bool affiliated) {
  return affiliated ? ReviewKind::kContentCheck : ReviewKind::kAccessReview;
}

}  // namespace

std::string_view review_kind_key(ReviewKind k) {
  return k == ReviewKind::kContentCheck ? "content_check" : "access_review";
}

std::string_view review_kind_label(ReviewKind k) {
  return k == ReviewKind::kContentCheck ? "Content check" : "Access review";
}

CalendarDate add_months(const CalendarDate& date, int months) {
  int index = date.year * 12 + (date.month - 1) + months;
  CalendarDate out{index / 12, index % 12 + 1, date.day};
  while (out.day > 28 && !is_real_date(out.year, out.month, out.day)) --out.day;
  return out;
}

Result<std::vector<DueReview>> list_due(Connection& conn, int64_t school_id,
                                        const CalendarDate& today, const AccountRules& rules,
                                        int days_ahead) {
  Rows rows = TRY(conn.query(
      "SELECT a.id, a.platform, a.account_name, a.affiliated, a.date_opened, a.requested_at, "
      "(SELECT MAX(r.reviewed_at) FROM account_reviews r WHERE r.account_id = a.id AND r.kind = "
      "(CASE WHEN a.affiliated = 1 THEN 'content_check' ELSE 'access_review' END)) "
      "FROM official_accounts a WHERE a.school_id = ? AND a.status = 'open'",
      {school_id}));
  const CalendarDate horizon = date_from_days(days_since_epoch(today) + std::max(days_ahead, 0));
  std::vector<DueReview> out;
  for (const Row& r : rows) {
    RowReader in(r);
    DueReview d;
    d.account_id = in.integer();
    d.platform = in.text();
    d.account_name = in.text();
    d.kind = kind_for(in.flag());
    const std::optional<CalendarDate> date_opened =
        TRY(stored_optional_day(in.value(), "date_opened"));
    const int64_t requested_at = in.integer();
    const std::optional<int64_t> last_reviewed_at = in.optional_integer();
    int months = d.kind == ReviewKind::kContentCheck ? rules.affiliated_check_months
                                                     : rules.access_review_months;
    if (months <= 0) continue;
    CalendarDate base;
    if (last_reviewed_at) {
      base = date_of(*last_reviewed_at);
      d.last_done_on = base;
    } else if (date_opened) {
      base = *date_opened;
    } else {
      base = date_of(requested_at);
    }
    d.due_on = add_months(base, months);
    if (d.due_on > horizon) continue;
    d.overdue = d.due_on < today;
    out.push_back(std::move(d));
  }
  std::sort(out.begin(), out.end(), [](const DueReview& a, const DueReview& b) {
    return std::tie(a.due_on, a.account_id) < std::tie(b.due_on, b.account_id);
  });
  return out;
}

Result<int64_t> record_review(const SchoolScope& at, const Grants& grants,
                              const AccountRules& rules, int64_t account_id,
                              const ReviewRecord& record) {
  School school = TRY(get_school(at.conn, at.school_id));
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  const ReviewKind kind = kind_for(a.affiliated);
  const std::string what = ascii_lower(review_kind_label(kind));
  if (a.status != AccountStatus::kOpen)
    return Error::invalid(a.describe() + " is not open (" +
                          std::string(account_status_label(a.status)) + "), so it needs no " +
                          what + ".");
  if (kind == ReviewKind::kContentCheck && !rules.affiliated_checkers.empty() &&
      !holds_any_role(grants, rules.affiliated_checkers, school))
    return Error::forbidden("Under your school's social media policy, " +
                            roles_phrase(rules.affiliated_checkers) +
                            " check the content of affiliated channels; ask them to record "
                            "this check.");
  std::string findings(trim(record.findings));
  if (findings.empty())
    return Error::invalid("Write down what the " + what +
                          " found, even if it is \"No changes "
                          "needed\"; the findings are the record of the review.");
  if (findings.size() > kMaxAccountTextLength)
    return Error::invalid("The findings are longer than " + std::to_string(kMaxAccountTextLength) +
                          " characters; shorten them.");

  std::set<int64_t> to_revoke(record.revoke_authorisation_ids.begin(),
                              record.revoke_authorisation_ids.end());
  if (!to_revoke.empty()) {
    if (!holds_any_role(grants, rules.authorisers, school))
      return Error::forbidden("Only " + roles_phrase(rules.authorisers) +
                              " can remove people's access under your school's social media "
                              "policy. Record the review with your findings, and ask them to "
                              "revoke the access.");
    std::vector<AccountAuthorisation> live = TRY(authorisations_of(at.conn, account_id, true));
    std::vector<std::string> problems;
    for (int64_t id : to_revoke)
      if (std::none_of(live.begin(), live.end(),
                       [id](const AccountAuthorisation& u) { return u.id == id; }))
        problems.push_back("AccountAuthorisation " + std::to_string(id) +
                           " is not a current "
                           "authorisation on " +
                           a.describe() + " (it may have been revoked already); reload the page.");
    if (!problems.empty()) {
      Error e =
          Error::invalid(problems.size() == 1 ? problems[0]
                                              : "Some of the access to remove is not current on " +
                                                    a.describe() + "; reload the page.");
      e.details = std::move(problems);
      return e;
    }
  }

  const int64_t now = at.clock.now();
  int64_t review_id = TRY(at.conn.insert(
      "INSERT INTO account_reviews (account_id, kind, reviewed_by, reviewed_at, findings) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {account_id, std::string(review_kind_key(kind)), at.actor.person_id, now, findings}));
  const std::string reason = "Removed at the access review of " + iso_date_of(now);
  std::vector<int64_t> removed;
  for (int64_t id : to_revoke) {
    int64_t n = TRY(at.conn.execute(
        "UPDATE account_authorisations SET revoked_by = ?, revoked_at = ?, revoke_reason = ?, "
        "review_id = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL",
        {at.actor.person_id, now, reason, review_id, id, account_id}));
    if (n != 1)
      return Error::conflict("Someone changed the access to " + a.describe() +
                             " at the same moment; reload the page and record the review again.");
    removed.push_back(id);
  }
  TRY(at.conn.execute("UPDATE official_accounts SET updated_at = ? WHERE id = ?",
                      {now, account_id}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"account.review", "official_account", std::to_string(account_id), at.school_id,
                 nlohmann::json{{"review_id", review_id},
                                {"kind", review_kind_key(kind)},
                                {"access_removed", removed}}
                     .dump()}));
  return review_id;
}

Result<std::vector<AccountReview>> list_reviews(Connection& conn, int64_t school_id,
                                                int64_t account_id) {
  TRY(load_account(conn, school_id, account_id));
  Rows rows = TRY(conn.query(
      "SELECT r.id, r.account_id, r.kind, r.reviewed_by, r.reviewed_at, r.findings, "
      "p.given_name, p.preferred_name, p.family_name FROM account_reviews r LEFT JOIN people p "
      "ON p.id = r.reviewed_by WHERE r.account_id = ? ORDER BY r.reviewed_at DESC, r.id DESC",
      {account_id}));
  std::vector<AccountAuthorisation> all = TRY(authorisations_of(conn, account_id, false));
  std::vector<AccountReview> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RowReader in(r);
    AccountReview v;
    v.id = in.integer();
    v.account_id = in.integer();
    v.kind = in.text() == "content_check" ? ReviewKind::kContentCheck : ReviewKind::kAccessReview;
    v.reviewed_by = in.optional_integer();
    v.reviewed_at = in.integer();
    v.findings = in.text();
    if (v.reviewed_by) {
      Person p;
      p.given_name = in.text();
      p.preferred_name = in.optional_text();
      p.family_name = in.text();
      v.reviewer_name = p.display_name();
    } else {
      v.reviewer_name = "the command line";
    }
    for (const AccountAuthorisation& u : all)
      if (u.review_id == v.id) v.access_removed.push_back(u);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace inloco

#include "accounts/account_rows.h"

#include <algorithm>

#include "core/calendar_date.h"
#include "people/person.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {

const std::string& account_columns() {
  static const std::string c =
      "a.id, a.school_id, a.platform, a.account_name, a.url, a.purpose, a.master_admin_role, "
      "a.official_email, a.status, a.date_opened, a.date_closed, a.affiliated, a.run_by, "
      "a.school_holds_master_access, a.school_has_editorial_oversight, "
      "a.listed_in_privacy_notice, a.investment_achieves, a.interaction, a.pupils_contribute, "
      "a.staff_contribute, a.parents_contribute, a.public_contribute, a.staff_minutes_per_week, "
      "a.success_measures, a.requested_by, a.requested_at, a.decided_by, a.decided_at, "
      "a.decision, a.decision_note, a.closed_by, a.closed_at, a.close_reason, a.updated_at, "
      "a.linked_from_website";
  return c;
}

Result<OfficialAccount> account_from_row(const Row& r) {
  RowReader in(r);
  OfficialAccount a;
  a.id = in.integer();
  a.school_id = in.integer();
  a.platform = in.text();
  a.account_name = in.text();
  a.url = in.optional_text();
  a.purpose = in.text();
  if (std::optional<std::string> role = in.optional_text()) a.master_admin_role = parse_role(*role);
  a.official_email = in.optional_text();
  a.status = parse_account_status(in.text()).value_or(AccountStatus::kProposed);
  a.date_opened = TRY(stored_optional_day(in.value(), "date_opened"));
  a.date_closed = TRY(stored_optional_day(in.value(), "date_closed"));
  a.affiliated = in.flag();
  a.run_by = in.optional_text();
  a.school_holds_master_access = in.flag();
  a.school_has_editorial_oversight = in.flag();
  a.listed_in_privacy_notice = in.flag();
  AccountAssessment& s = a.assessment;
  s.investment_achieves = in.text();
  s.interaction = parse_interaction(in.text()).value_or(InteractionLevel::kBroadcast);
  s.pupils_contribute = in.flag();
  s.staff_contribute = in.flag();
  s.parents_contribute = in.flag();
  s.public_contribute = in.flag();
  s.staff_minutes_per_week = static_cast<int>(in.integer());
  s.success_measures = in.text();
  s.requested_by = in.optional_integer();
  s.requested_at = in.integer();
  s.decided_by = in.optional_integer();
  s.decided_at = in.optional_integer();
  if (std::optional<std::string> decision = in.optional_text())
    s.approved = *decision == "approved";
  s.decision_note = in.text();
  a.closed_by = in.optional_integer();
  a.closed_at = in.optional_integer();
  a.close_reason = in.text();
  a.updated_at = in.integer();
  a.linked_from_website = in.flag();
  return a;
}

Result<OfficialAccount> load_account(Connection& conn, int64_t school_id, int64_t account_id) {
  Rows rows = TRY(conn.query("SELECT " + account_columns() +
                                 " FROM official_accounts a WHERE a.id = ? AND a.school_id = ?",
                             {account_id, school_id}));
  if (rows.empty())
    return Error::not_found("There is no account with id " + std::to_string(account_id) +
                            " in this school's register; it may have been removed, or the link "
                            "is wrong.");
  return account_from_row(rows[0]);
}

const std::string& authorisation_columns() {
  static const std::string c =
      "u.id, u.account_id, u.person_id, p.given_name, p.preferred_name, p.family_name, u.kind, "
      "u.granted_by, u.granted_at, u.revoked_by, u.revoked_at, u.revoke_reason, u.review_id";
  return c;
}

AccountAuthorisation authorisation_from_row(const Row& r) {
  RowReader in(r);
  AccountAuthorisation a;
  a.id = in.integer();
  a.account_id = in.integer();
  a.person_id = in.integer();
  Person p;
  p.given_name = in.text();
  p.preferred_name = in.optional_text();
  p.family_name = in.text();
  a.person_name = p.display_name();
  a.kind = parse_authorisation_kind(in.text()).value_or(AuthorisationKind::kPost);
  a.granted_by = in.optional_integer();
  a.granted_at = in.integer();
  a.revoked_by = in.optional_integer();
  a.revoked_at = in.optional_integer();
  a.revoke_reason = in.text();
  a.review_id = in.optional_integer();
  return a;
}

Result<std::vector<AccountAuthorisation>> authorisations_of(Connection& conn, int64_t account_id,
                                                            bool live_only) {
  std::string sql = "SELECT " + authorisation_columns() +
                    " FROM account_authorisations u JOIN people p ON p.id = u.person_id "
                    "WHERE u.account_id = ?";
  if (live_only) sql += " AND u.revoked_at IS NULL";
  sql += " ORDER BY u.granted_at, u.id";
  Rows rows = TRY(conn.query(sql, {account_id}));
  std::vector<AccountAuthorisation> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(authorisation_from_row(r));
  return out;
}

Result<std::string> person_name(Connection& conn, std::optional<int64_t> person_id) {
  if (!person_id) return std::string("the command line");
  Rows rows = TRY(conn.query(
      "SELECT given_name, preferred_name, family_name FROM people WHERE id = ?", {*person_id}));
  if (rows.empty()) return std::string("someone no longer on record");
  RowReader in(rows[0]);
  Person p;
  p.given_name = in.text();
  p.preferred_name = in.optional_text();
  p.family_name = in.text();
  return p.display_name();
}

std::string iso_date_of(int64_t unix_seconds) { return date_of(unix_seconds).iso(); }

}  // namespace inloco

#include "accounts/account_rows.h"

#include <algorithm>

#include "core/calendar_date.h"
#include "people/person.h"

namespace inloco {

const std::string& account_columns() {
  static const std::string c =
      "a.id, a.school_id, a.platform, a.account_name, a.url, a.purpose, a.master_admin_role, "
      "a.official_email, a.status, a.date_opened, a.date_closed, a.affiliated, a.run_by, "
      "a.school_holds_master_access, a.school_has_editorial_oversight, "
      "a.listed_in_privacy_notice, a.investment_achieves, a.interaction, a.pupils_contribute, "
      "a.staff_contribute, a.parents_contribute, a.public_contribute, a.staff_minutes_per_week, "
      "a.success_measures, a.requested_by, a.requested_at, a.decided_by, a.decided_at, "
      "a.decision, a.decision_note, a.closed_by, a.closed_at, a.close_reason, a.updated_at, a.linked_from_website";
  return c;
}

OfficialAccount account_from_row(const Row& r) {
  OfficialAccount a;
  a.id = r[0].as_int();
  a.school_id = r[1].as_int();
  a.platform = r[2].as_text();
  a.account_name = r[3].as_text();
  a.url = r[4].as_optional_text();
  a.purpose = r[5].as_text();
  if (!r[6].is_null()) a.master_admin_role = parse_role(r[6].as_text());
  a.official_email = r[7].as_optional_text();
  a.status = parse_account_status(r[8].as_text()).value_or(AccountStatus::kProposed);
  a.date_opened = r[9].as_optional_text();
  a.date_closed = r[10].as_optional_text();
  a.affiliated = r[11].as_bool();
  a.run_by = r[12].as_optional_text();
  a.school_holds_master_access = r[13].as_bool();
  a.school_has_editorial_oversight = r[14].as_bool();
  a.listed_in_privacy_notice = r[15].as_bool();
  AccountAssessment& s = a.assessment;
  s.investment_achieves = r[16].as_text();
  s.interaction = parse_interaction(r[17].as_text()).value_or(InteractionLevel::kBroadcast);
  s.pupils_contribute = r[18].as_bool();
  s.staff_contribute = r[19].as_bool();
  s.parents_contribute = r[20].as_bool();
  s.public_contribute = r[21].as_bool();
  s.staff_minutes_per_week = static_cast<int>(r[22].as_int());
  s.success_measures = r[23].as_text();
  s.requested_by = r[24].as_optional_int();
  s.requested_at = r[25].as_int();
  s.decided_by = r[26].as_optional_int();
  s.decided_at = r[27].as_optional_int();
  if (!r[28].is_null()) s.approved = r[28].as_text() == "approved";
  s.decision_note = r[29].as_text();
  a.closed_by = r[30].as_optional_int();
  a.closed_at = r[31].as_optional_int();
  a.close_reason = r[32].as_text();
  a.updated_at = r[33].as_int();
  a.linked_from_website = r[34].as_bool();
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
  AccountAuthorisation a;
  a.id = r[0].as_int();
  a.account_id = r[1].as_int();
  a.person_id = r[2].as_int();
  Person p;
  p.given_name = r[3].as_text();
  p.preferred_name = r[4].as_optional_text();
  p.family_name = r[5].as_text();
  a.person_name = p.display_name();
  a.kind = parse_authorisation_kind(r[6].as_text()).value_or(AuthorisationKind::kPost);
  a.granted_by = r[7].as_optional_int();
  a.granted_at = r[8].as_int();
  a.revoked_by = r[9].as_optional_int();
  a.revoked_at = r[10].as_optional_int();
  a.revoke_reason = r[11].as_text();
  a.review_id = r[12].as_optional_int();
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
  Person p;
  p.given_name = rows[0][0].as_text();
  p.preferred_name = rows[0][1].as_optional_text();
  p.family_name = rows[0][2].as_text();
  return p.display_name();
}

std::string iso_date_of(int64_t unix_seconds) { return date_of(unix_seconds).iso(); }

}  // namespace inloco

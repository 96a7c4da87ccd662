#include "accounts/account_log_export.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "accounts/platform.h"
#include "core/text.h"
#include "people/person.h"
#include "people/person_fields.h"
#include "people/role.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {}  // namespace

Result<std::vector<AccountLogRow>> account_log(Connection& conn, int64_t school_id) {
  Rows accounts = TRY(conn.query(
      "SELECT id, platform, account_name, master_admin_role, date_opened, date_closed, closed_at "
      "FROM official_accounts WHERE school_id = ? AND affiliated = 0 AND status IN ('open', "
      "'closed')",
      {school_id}));
  // Post authorisations live now, or live until the account closed (closing
  // revokes them at the closing time).
  Rows posters = TRY(conn.query(
      "SELECT u.account_id, p.given_name, p.preferred_name, p.family_name FROM "
      "account_authorisations u JOIN people p ON p.id = u.person_id JOIN official_accounts a ON "
      "a.id = u.account_id WHERE a.school_id = ? AND u.kind = 'post' AND (u.revoked_at IS NULL "
      "OR (a.status = 'closed' AND u.revoked_at = a.closed_at))",
      {school_id}));
  std::map<int64_t, std::vector<std::string>> names;
  for (const Row& r : posters) {
    RowReader in(r);
    const int64_t account_id = in.integer();
    Person p;
    p.given_name = in.text();
    p.preferred_name = in.optional_text();
    p.family_name = in.text();
    names[account_id].push_back(p.display_name());
  }
  std::vector<AccountLogRow> out;
  out.reserve(accounts.size());
  for (const Row& r : accounts) {
    RowReader in(r);
    AccountLogRow row;
    row.account_id = in.integer();
    row.platform = platform_label(in.text());
    row.account_name = in.text();
    const std::string stored_role = in.text();
    auto role = parse_role(stored_role);
    row.master_admin_role = role ? std::string(role_label(*role)) : stored_role;
    row.posting_users = std::move(names[row.account_id]);
    std::sort(
        row.posting_users.begin(), row.posting_users.end(),
        [](const std::string& a, const std::string& b) { return ascii_lower(a) < ascii_lower(b); });
    row.date_opened = TRY(stored_optional_day(in.value(), "date_opened"));
    row.date_closed = TRY(stored_optional_day(in.value(), "date_closed"));
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const AccountLogRow& a, const AccountLogRow& b) {
    return std::make_tuple(a.date_opened, a.platform, ascii_lower(a.account_name), a.account_id) <
           std::make_tuple(b.date_opened, b.platform, ascii_lower(b.account_name), b.account_id);
  });
  return out;
}

std::string account_log_csv(const std::vector<AccountLogRow>& rows) {
  std::string out =
      "Platform,User account name,Master administration role,Approved users (posting),"
      "Date opened,Date closed\r\n";
  for (const AccountLogRow& r : rows) {
    out += csv_cell(r.platform) + "," + csv_cell(r.account_name) + "," +
           csv_cell(r.master_admin_role) + "," + csv_cell(join(r.posting_users, "; ")) + "," +
           csv_cell(optional_iso(r.date_opened).value_or("")) + "," +
           csv_cell(optional_iso(r.date_closed).value_or("")) + "\r\n";
  }
  return out;
}

}  // namespace inloco

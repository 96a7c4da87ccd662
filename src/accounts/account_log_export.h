// The school's account log (ACC-1, DJS 5.2 Annex A): one row per official
// account the school has opened, open or closed (ACC-10), with the columns
// of the Annex A proforma: platform, user account name, master
// administration role, approved users (posting), date opened, date closed.
//
// Proposals never opened, rejected ones and affiliated channels are not
// school accounts and are not in the log. Approved posting users are the
// people holding a live post authorisation; for a closed account, those who
// held one when it closed. No secret is ever read here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar_date.h"
#include "core/result.h"
#include "store/database.h"

namespace inloco {

struct AccountLogRow {
  int64_t account_id = 0;
  std::string platform;  // label: "Facebook"
  std::string account_name;
  std::string master_admin_role;            // label: "Headteacher"
  std::vector<std::string> posting_users;   // display names, by name
  std::optional<CalendarDate> date_opened;  // none only for an account stored without one
  std::optional<CalendarDate> date_closed;
};

// The log in the order it was kept: by date opened, then platform and name.
// For the printable page as for the CSV. kInternal for a stored date that is
// not a day (store/stored_dates.h).
Result<std::vector<AccountLogRow>> account_log(Connection& conn, int64_t school_id);

// RFC 4180 CSV with a header row and CRLF line ends. A cell that a
// spreadsheet would run as a formula (starting = + - @, tab or carriage
// return) is prefixed with an apostrophe; posting users are joined with "; ".
std::string account_log_csv(const std::vector<AccountLogRow>& rows);

}  // namespace inloco

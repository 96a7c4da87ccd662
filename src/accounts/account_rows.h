// The account tables at the level of rows, and the checks every account
// service shares: column lists and readers, loading an account within its
// school, and whether the actor holds one of the profile's roles there.
//
// Internal to src/accounts: nothing here audits. Call inside a transaction
// when the result decides a change.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "accounts/official_account.h"
#include "auth/permissions.h"
#include "auth/role_requirements.h"
#include "core/result.h"
#include "people/school_store.h"
#include "store/database.h"

namespace inloco {

// "a.id, a.school_id, ...": select from `official_accounts a`, read with account_from_row
// (kInternal for a stored date that is not a day: store/stored_dates.h).
const std::string& account_columns();
Result<OfficialAccount> account_from_row(const Row& row);

// kNotFound unless the account exists and belongs to this school (ORG-1: an
// id of another school answers exactly as one that does not exist).
Result<OfficialAccount> load_account(Connection& conn, int64_t school_id, int64_t account_id);

// "u.id, ..., p.given_name, ...": select from `account_authorisations u JOIN
// people p ON p.id = u.person_id`, read with authorisation_from_row.
const std::string& authorisation_columns();
AccountAuthorisation authorisation_from_row(const Row& row);

// The account's authorisations, live ones only or all, oldest first.
Result<std::vector<AccountAuthorisation>> authorisations_of(Connection& conn, int64_t account_id,
                                                            bool live_only);

// Names stored people: "Sam Patel", or "someone no longer on record".
Result<std::string> person_name(Connection& conn, std::optional<int64_t> person_id);

// Unix seconds to the UTC date 'YYYY-MM-DD'.
std::string iso_date_of(int64_t unix_seconds);

}  // namespace inloco

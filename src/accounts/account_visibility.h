// Who sees which official accounts (ACC-1, ACC-5). The permission table lets
// everyone who may be authorised on an account (accounts.own) reach the
// register; this decides what they see there. Whoever may see the whole
// register (accounts.view, held at the school or across its trust) sees every
// account of the school; anyone else sees only the open accounts they are
// authorised to post to or administer, and any other account is answered as
// one that does not exist, so it is not confirmed to be there.
//
// The one rule for the account pages, the accounts API and the post form's
// choice of account. Read-only; call inside Database::read or a transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "accounts/account_register.h"
#include "auth/permissions.h"
#include "auth/viewer.h"
#include "core/result.h"
#include "people/school_store.h"
#include "store/database.h"

namespace inloco {

// The signed-in person looking (auth/viewer.h).
using AccountViewer = Viewer;

// May the viewer see the whole register of the school?
bool sees_whole_register(const AccountViewer& viewer, const School& school);

// Does the person hold a live authorisation on the account (of `kind`, when given)?
bool is_authorised_on(const RegisterEntry& entry, int64_t person_id,
                      std::optional<AuthorisationKind> kind = std::nullopt);

// The register as the viewer sees it, in list_register's order.
Result<std::vector<RegisterEntry>> register_for(Connection& conn, const School& school,
                                                const AccountRules& rules,
                                                const AccountViewer& viewer);

// One account for a viewer who may see it: get_account's kNotFound for none
// at the school, and kNotFound "There is no such account among yours." for one
// they may not see.
Result<RegisterEntry> account_for(Connection& conn, const School& school, int64_t account_id,
                                  const AccountRules& rules, const AccountViewer& viewer);

// The open accounts the person is authorised to post to (ACC-5), in
// list_register's order: what a post may be written for.
Result<std::vector<RegisterEntry>> accounts_to_post_to(Connection& conn, int64_t school_id,
                                                       const AccountRules& rules,
                                                       int64_t person_id);

}  // namespace inloco

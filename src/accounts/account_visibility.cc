#include "accounts/account_visibility.h"

#include <utility>

namespace inloco {

bool sees_whole_register(const AccountViewer& viewer, const School& school) {
  return viewer.grants.can(Capability::kAccountsView, school.id, school.trust_id);
}

bool is_authorised_on(const RegisterEntry& entry, int64_t person_id,
                      std::optional<AuthorisationKind> kind) {
  for (const auto& a : entry.authorisations)
    if (a.live() && a.person_id == person_id && (!kind || a.kind == *kind)) return true;
  return false;
}

Result<std::vector<RegisterEntry>> register_for(Connection& conn, const School& school,
                                                const AccountRules& rules,
                                                const AccountViewer& viewer) {
  std::optional<int64_t> only;
  if (!sees_whole_register(viewer, school)) only = viewer.person_id;
  return list_register(conn, school.id, rules, only);
}

Result<RegisterEntry> account_for(Connection& conn, const School& school, int64_t account_id,
                                  const AccountRules& rules, const AccountViewer& viewer) {
  RegisterEntry entry = TRY(get_account(conn, school.id, account_id, rules));
  if (!sees_whole_register(viewer, school) && !is_authorised_on(entry, viewer.person_id))
    return Error::not_found("There is no such account among yours.");
  return entry;
}

Result<std::vector<RegisterEntry>> accounts_to_post_to(Connection& conn, int64_t school_id,
                                                       const AccountRules& rules,
                                                       int64_t person_id) {
  std::vector<RegisterEntry> out;
  for (RegisterEntry& e : TRY(list_register(conn, school_id, rules, person_id)))
    if (e.account.status == AccountStatus::kOpen &&
        is_authorised_on(e, person_id, AuthorisationKind::kPost))
      out.push_back(std::move(e));
  return out;
}

}  // namespace inloco

#include "accounts/official_criteria.h"

namespace inloco {

std::vector<CriterionProblem> official_criteria(const OfficialAccount& account, int live_admins,
                                                const AccountRules& rules) {
  std::vector<CriterionProblem> out;
  if (account.status == AccountStatus::kClosed) return out;
  const bool official = !account.affiliated;

  if (account.status == AccountStatus::kProposed)
    out.push_back({"not_approved", "ACC-3",
                   "Its risk and purpose assessment has not been approved yet, so it must not "
                   "be used until it is."});
  if (account.status == AccountStatus::kRejected)
    out.push_back({"rejected", "ACC-3",
                   "Its risk and purpose assessment was not approved, so it must not be used. "
                   "If the account exists, close it on the platform."});
  if (official && !account.school_holds_master_access)
    out.push_back({"master_access", "ACC-2",
                   "The school does not hold the master privileges and access. Move the main "
                   "login to the school, then record that it holds it."});
  if (official && !account.school_has_editorial_oversight)
    out.push_back({"editorial_oversight", "ACC-2",
                   "The school does not have editorial oversight of everything it posts. Put "
                   "posts through the school's approval, then record the oversight."});
  if (official && live_admins > rules.max_admins)
    out.push_back({"too_many_admins", "ACC-2",
                   std::to_string(live_admins) +
                       " people can administer it, but the policy "
                       "allows at most " +
                       std::to_string(rules.max_admins) +
                       ". Revoke the admin access that is not needed."});
  if (official && account.status == AccountStatus::kOpen && live_admins == 0)
    out.push_back({"no_admin", "ACC-5",
                   "Nobody is authorised to administer it. The headteacher should authorise "
                   "an administrator."});
  if (official && rules.official_email_required && !account.official_email)
    out.push_back({"no_official_email", "ACC-4",
                   "It is not linked to an official school email address. Register it to a "
                   "school address and record that address."});
  if (rules.privacy_notice_required && !account.listed_in_privacy_notice)
    out.push_back({"not_in_privacy_notice", "ACC-7",
                   "It is not listed in the school's privacy notice. Add it to the notice, "
                   "then record that it is listed."});
  if (rules.website_link_required && !account.linked_from_website)
    out.push_back({"not_linked_from_website", "policy",
                   "It is not linked from the school website, as your policy requires. Add "
                   "the link, then record it."});
  return out;
}

}  // namespace inloco

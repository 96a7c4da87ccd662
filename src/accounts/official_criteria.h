// Whether an account meets the criteria that make it an official school
// platform, and why not (ACC-2, with ACC-3, ACC-4, ACC-5 and ACC-7).
//
// DJS 5.2: an account is a school platform only when the school holds the
// master privileges and access, has editorial oversight of all content, and
// limits administrators to those needed; accounts that are not remain outside
// the school's responsibility "regardless of whether account names may infer
// it". The register shows every failing criterion beside the account so a
// headteacher sees what to put right, not just that something is wrong.
//
// Pure: judged from the stored account and its number of live admins.
#pragma once

#include <string>
#include <vector>

#include "accounts/official_account.h"
#include "profile/policy_profile.h"

namespace inloco {

struct CriterionProblem {
  std::string code;         // stable, for pages and tests: "master_access", "too_many_admins", ...
  std::string requirement;  // "ACC-2"; "policy" for a rule of the school's profile only
  std::string why;          // one plain sentence: what is wrong and what to do
};

// Codes, in the order they are reported:
//   not_approved        ACC-3  proposed: the assessment waits for an approver's decision
//   rejected            ACC-3  the assessment was not approved (the account is not open)
//   master_access       ACC-2  the school does not hold the master privileges and access
//   editorial_oversight ACC-2  the school has no editorial oversight of all content
//   too_many_admins     ACC-2  more live admins than AccountRules::max_admins
//   no_admin            ACC-5  open, but nobody is authorised to administer it
//   no_official_email   ACC-4  no official school email (when the profile requires one)
//   not_in_privacy_notice ACC-7 not listed in the privacy notice (when the profile requires it)
//   not_linked_from_website    not linked from the school website (when the profile requires it)
//
// Closed accounts are judged on nothing: they stay in the log only. An
// affiliated channel is not a school platform by design (ACC-9), so ACC-2,
// ACC-4 and ACC-5 do not apply to it; it is judged on its approval (ACC-3,
// by the profile's affiliated approvers), the privacy notice (the school's
// community and its information appear there too) and the website link.
std::vector<CriterionProblem> official_criteria(const OfficialAccount& account, int live_admins,
                                                const AccountRules& rules);

}  // namespace inloco

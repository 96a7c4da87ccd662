// REQ ACC-2: the register shows which accounts fail the "official" criteria, and why.
// REQ ACC-3, ACC-4, ACC-5, ACC-7: approval, official email, an administrator, the privacy notice.
// REQ ACC-9: affiliated channels are judged only on the checks that apply to them.
#include "accounts/official_criteria.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

std::vector<std::string> codes(const std::vector<CriterionProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) {
    EXPECT_FALSE(p.why.empty());
    EXPECT_FALSE(p.requirement.empty());
    out.push_back(p.code);
  }
  return out;
}

OfficialAccount good() {
  OfficialAccount a;
  a.platform = "facebook";
  a.account_name = "Oakfield";
  a.status = AccountStatus::kOpen;
  a.official_email = "office@oakfield.sch.uk";
  a.school_holds_master_access = true;
  a.school_has_editorial_oversight = true;
  a.listed_in_privacy_notice = true;
  return a;
}

using Codes = std::vector<std::string>;

TEST(OfficialCriteriaTest, AnAccountMeetingEveryCriterionHasNoProblems) {
  EXPECT_TRUE(official_criteria(good(), 1, AccountRules{}).empty());
}

TEST(OfficialCriteriaTest, EachFailingCriterionIsNamedWithItsReason) {
  AccountRules rules;
  OfficialAccount a = good();
  a.school_holds_master_access = false;
  a.school_has_editorial_oversight = false;
  a.official_email.reset();
  a.listed_in_privacy_notice = false;
  auto problems = official_criteria(a, 4, rules);
  EXPECT_EQ(codes(problems), (Codes{"master_access", "editorial_oversight", "too_many_admins",
                                    "no_official_email", "not_in_privacy_notice"}));
  EXPECT_EQ(problems[0].requirement, "ACC-2");
  EXPECT_NE(problems[2].why.find("4 people can administer it"), std::string::npos);
  EXPECT_NE(problems[2].why.find("at most 3"), std::string::npos);
  EXPECT_EQ(problems[4].requirement, "ACC-7");

  EXPECT_EQ(codes(official_criteria(good(), 0, rules)), Codes{"no_admin"});
  OfficialAccount proposed = good();
  proposed.status = AccountStatus::kProposed;
  EXPECT_EQ(codes(official_criteria(proposed, 0, rules)), Codes{"not_approved"});
  proposed.status = AccountStatus::kRejected;
  EXPECT_EQ(codes(official_criteria(proposed, 0, rules)), Codes{"rejected"});
}

TEST(OfficialCriteriaTest, TheProfileDecidesWhichRulesApply) {
  AccountRules rules;
  rules.official_email_required = false;
  rules.privacy_notice_required = false;
  rules.max_admins = 5;
  rules.website_link_required = true;
  OfficialAccount a = good();
  a.official_email.reset();
  a.listed_in_privacy_notice = false;
  EXPECT_EQ(codes(official_criteria(a, 4, rules)), Codes{"not_linked_from_website"});
  a.linked_from_website = true;
  EXPECT_TRUE(official_criteria(a, 4, rules).empty());
}

TEST(OfficialCriteriaTest, ClosedAccountsAreJudgedOnNothing) {
  OfficialAccount a;
  a.status = AccountStatus::kClosed;
  EXPECT_TRUE(official_criteria(a, 0, AccountRules{}).empty());
}

TEST(OfficialCriteriaTest, AffiliatedChannelsAreNotJudgedAsSchoolPlatforms) {
  OfficialAccount a;
  a.affiliated = true;
  a.run_by = "PTA";
  a.status = AccountStatus::kOpen;
  // No master access, oversight, email or admins: none of that applies.
  EXPECT_EQ(codes(official_criteria(a, 0, AccountRules{})), Codes{"not_in_privacy_notice"});
  a.listed_in_privacy_notice = true;
  EXPECT_TRUE(official_criteria(a, 0, AccountRules{}).empty());
  a.status = AccountStatus::kProposed;
  EXPECT_EQ(codes(official_criteria(a, 0, AccountRules{})), Codes{"not_approved"});
}

}  // namespace
}  // namespace inloco

// Acceptance: Mulbarton Primary School's profile (seed MPS) encodes what is
// distinctive in its policy: risk-assessed official use approved by the
// headteacher, accounts linked from the website, offensive comments hidden
// and their authors blocked, a parental agreement, no social media on school
// devices, and personal contact only with the headteacher's prior approval.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/policy_document.h"
#include "profile/shipped_profiles.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class MulbartonPrimaryProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = load_shipped_profile("mulbarton_primary");
    ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
    p_ = std::move(p).value();
  }
  PolicyProfile p_;
};

TEST_F(MulbartonPrimaryProfile, OfficialUseIsRiskAssessedAndApprovedByTheHeadteacher) {
  // REQ ACC-3, ACC-5
  EXPECT_TRUE(p_.accounts.official_accounts_allowed);
  EXPECT_EQ(p_.accounts.account_approvers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_EQ(p_.accounts.authorisers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_TRUE(p_.accounts.website_link_required);
  std::string text = policy_document_text(policy_document(p_, "Mulbarton Primary School"), 0);
  EXPECT_THAT(text, HasSubstr("The headteacher approves the assessment"));
  EXPECT_THAT(text, HasSubstr("Every account is linked from the school website."));
}

TEST_F(MulbartonPrimaryProfile, OffensiveCommentsAreHiddenAndTheirAuthorsBlocked) {
  // REQ MOD-2
  EXPECT_EQ(p_.moderation.offensive_comments, CommentAction::kHideAndBlock);
  EXPECT_NE(PolicyProfile{}.moderation.offensive_comments, CommentAction::kHideAndBlock);
  std::string text = policy_document_text(policy_document(p_, "Mulbarton Primary School"), 0);
  EXPECT_THAT(text, HasSubstr("and the person who wrote them is blocked"));
}

TEST_F(MulbartonPrimaryProfile, ParentsSignAParentalAgreement) {
  // REQ TRN-2
  EXPECT_THAT(p_.agreements.required, Contains("parental_agreement"));
}

TEST_F(MulbartonPrimaryProfile, NoSocialMediaOnSchoolDevices) {
  // REQ NET-1
  EXPECT_EQ(p_.filter.groups.at("pupils").blocked, std::vector<std::string>{"all"});
  EXPECT_EQ(p_.filter.groups.at("staff").blocked, std::vector<std::string>{"all"});
}

TEST_F(MulbartonPrimaryProfile, PersonalContactOnlyWithPriorApproval) {
  // REQ STF-2
  EXPECT_EQ(p_.staff.personal_contact, PersonalContact::kWithApproval);
  EXPECT_EQ(p_.staff.personal_contact_approvers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_EQ(optional_iso(p_.meta.adopted), "2024-02-01");
  EXPECT_EQ(optional_iso(p_.meta.next_review), "2025-02-01");
}

}  // namespace
}  // namespace inloco

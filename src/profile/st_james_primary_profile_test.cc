// Acceptance: St James' CE Primary School's profile (seed SJP) encodes what
// is distinctive in its policy: no official accounts, only PTA-run channels
// whose content leaders check, written consent before PTA activity with
// pupils, DSL-led remote learning checks and debriefs after incidents.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/policy_document.h"
#include "profile/shipped_profiles.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class StJamesPrimaryProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = load_shipped_profile("st_james_primary");
    ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
    p_ = std::move(p).value();
  }
  PolicyProfile p_;
};

TEST_F(StJamesPrimaryProfile, NoOfficialAccountsOnlyPtaChannelsThatLeadersCheck) {
  // REQ ACC-9
  EXPECT_FALSE(p_.accounts.official_accounts_allowed);
  EXPECT_TRUE(p_.accounts.affiliated_channels_allowed);
  EXPECT_EQ(p_.accounts.affiliated_approvers, std::vector<Role>{Role::kPtaChair});
  EXPECT_EQ(p_.accounts.affiliated_checkers,
            (std::vector<Role>{Role::kHeadteacher, Role::kDeputyHeadteacher}));
  EXPECT_GE(p_.accounts.affiliated_check_months, 1);
  std::string text = policy_document_text(policy_document(p_, "St James' CE Primary School"), 0);
  EXPECT_THAT(
      text,
      HasSubstr("St James' CE Primary School does not run any official social media accounts."));
  EXPECT_THAT(text, HasSubstr("approved by the PTA chair"));
  EXPECT_THAT(text, HasSubstr("The school holds no logins for them"));
}

TEST_F(StJamesPrimaryProfile, WrittenParentalConsentBeforePtaActivityWithPupils) {
  // REQ CON-8
  EXPECT_TRUE(p_.consent.pta_activity_needs_written_consent);
  EXPECT_THAT(p_.consent.uses, Contains("pta_channels"));
  EXPECT_EQ(p_.consent.custom_uses.count("pta_channels"), 1u);
  std::string text = policy_document_text(policy_document(p_, "St James' CE Primary School"), 0);
  EXPECT_THAT(
      text, HasSubstr("Before any PTA social media activity involving pupils, a parent or carer"));
}

TEST_F(StJamesPrimaryProfile, StaffMessagesOnThePtaChannelsAreAgreedByLeaders) {
  // REQ PST-7
  EXPECT_EQ(p_.posts.approvers, (std::vector<Role>{Role::kHeadteacher, Role::kDeputyHeadteacher}));
  EXPECT_THAT(p_.posts.objectives, Contains("community_engagement"));
}

TEST_F(StJamesPrimaryProfile, DslLedSafeguarding) {
  // REQ TRN-5, INC-7, INC-8, STF-1
  EXPECT_TRUE(p_.remote_learning.assessment_required);
  EXPECT_EQ(p_.remote_learning.assessors, (std::vector<Role>{Role::kDsl, Role::kHeadteacher}));
  EXPECT_TRUE(p_.concerns.debrief_required);
  EXPECT_EQ(p_.concerns.routing.personal_account_contact,
            (std::vector<Role>{Role::kDsl, Role::kDeputyDsl, Role::kHeadteacher}));
  EXPECT_EQ(p_.staff.personal_contact, PersonalContact::kNever);
  EXPECT_EQ(p_.staff.relationship_reviewers, (std::vector<Role>{Role::kDsl, Role::kHeadteacher}));
  EXPECT_THAT(p_.concerns.types, Contains("online_sexual_harassment"));
}

TEST_F(StJamesPrimaryProfile, FilteringForLearnersAndStaff) {
  // REQ NET-1, NET-2, NET-5
  EXPECT_EQ(p_.filter.groups.at("pupils").blocked, std::vector<std::string>{"all"});
  EXPECT_EQ(p_.filter.groups.at("staff").blocked_during.at("lessons"),
            std::vector<std::string>{"all"});
  EXPECT_EQ(p_.filter.circumvention, CircumventionSanction::kRemoveInternetAccess);
  EXPECT_THAT(p_.filter.monitoring_reports_to, Contains(Role::kDsl));
  EXPECT_EQ(optional_iso(p_.meta.next_review), "2022-09-01");
}

}  // namespace
}  // namespace inloco

// Acceptance: Oak Trees Multi Academy Trust's profile (seed OTM) encodes what
// is distinctive in its policy: one policy for several schools, the social
// media lead approving every post, the headteacher approving every account,
// four post objectives, strict content criteria, blocked sites, follower
// vetting and termly training.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/policy_document.h"
#include "profile/shipped_profiles.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class OakTreesMatProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = load_shipped_profile("oak_trees_mat");
    ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
    p_ = std::move(p).value();
  }
  PolicyProfile p_;
};

TEST_F(OakTreesMatProfile, OnePolicyForEverySchoolInTheTrust) {
  // REQ ORG-1
  EXPECT_TRUE(p_.trust.policy_for_all_schools);
  EXPECT_EQ(p_.trust.oversight_roles, std::vector<Role>{Role::kTrustBoardMember});
  EXPECT_EQ(p_.review.body, "Trust board");
}

TEST_F(OakTreesMatProfile, SocialMediaLeadApprovesEveryPost) {
  // REQ PST-7, PST-1
  EXPECT_TRUE(p_.posts.approval_required);
  EXPECT_EQ(p_.posts.approvers, std::vector<Role>{Role::kSocialMediaLead});
  EXPECT_FALSE(p_.posts.author_may_approve);
  EXPECT_EQ(p_.posts.objectives,
            (std::vector<std::string>{"event_reminder", "good_news", "achievements",
                                      "information_for_parents"}));
  // Neutral, non-political, school-friendly language: these stop a post.
  EXPECT_EQ(p_.posts.action_for("political"), CheckAction::kRefuse);
  EXPECT_EQ(p_.posts.action_for("personal_opinion"), CheckAction::kRefuse);
  EXPECT_EQ(p_.posts.action_for("unsuitable_language"), CheckAction::kRefuse);
  std::string text = policy_document_text(policy_document(p_, "Oak Trees Primary"), 0);
  EXPECT_THAT(text, HasSubstr("approved before it is published, by the marketing officer."));
}

TEST_F(OakTreesMatProfile, HeadteacherApprovesEveryAccount) {
  // REQ ACC-3, ACC-4, ACC-5
  EXPECT_EQ(p_.accounts.account_approvers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_EQ(p_.accounts.authorisers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_EQ(p_.accounts.account_creators, std::vector<Role>{Role::kSocialMediaLead});
  EXPECT_TRUE(p_.accounts.official_email_required);
}

TEST_F(OakTreesMatProfile, ConsentAndPictures) {
  // REQ CON-1, CON-2, CON-4, CON-7, PST-10, PST-11
  EXPECT_EQ(p_.consent.uses,
            (std::vector<std::string>{"images_school_accounts", "videos_school_accounts"}));
  EXPECT_EQ(p_.consent.given_by,
            (std::vector<std::string>{"parental_responsibility", "competent_pupil"}));
  EXPECT_TRUE(p_.consent.expires_with_academic_year);
  EXPECT_TRUE(p_.consent.changes_in_writing);
  EXPECT_EQ(p_.consent.record_keepers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_TRUE(p_.posts.approved_devices_only);
  EXPECT_EQ(p_.posts.device_approvers, std::vector<Role>{Role::kOnlineSafetyOfficer});
  EXPECT_TRUE(p_.posts.dress_check);
}

TEST_F(OakTreesMatProfile, BlockedSitesUnblockingAndCircumvention) {
  // REQ NET-1, NET-2, NET-3, NET-6
  for (const char* group : {"staff", "guests"})
    EXPECT_EQ(p_.filter.groups.at(group).blocked,
              (std::vector<std::string>{"facebook", "instagram", "x"}))
        << group;
  EXPECT_EQ(p_.filter.groups.at("pupils").blocked, std::vector<std::string>{"all"});
  EXPECT_EQ(p_.filter.groups.at("staff").blocked_during.at("directed_time"),
            std::vector<std::string>{"all"});
  EXPECT_EQ(p_.filter.unblock_handlers, std::vector<Role>{Role::kIctTechnician});
  EXPECT_EQ(p_.filter.unblock_approvers, std::vector<Role>{Role::kHeadteacher});
  EXPECT_TRUE(p_.filter.unblock_in_writing);
  EXPECT_EQ(p_.filter.circumvention, CircumventionSanction::kSupervisedUseOnly);
  std::string text = policy_document_text(policy_document(p_, "Oak Trees Primary"), 0);
  EXPECT_THAT(text, HasSubstr("Facebook, Instagram and X (Twitter) are blocked at all times"));
  EXPECT_THAT(text, HasSubstr("only under close supervision"));
}

TEST_F(OakTreesMatProfile, FollowersAreVettedAndParentsWhoBreachMeetTheHeadteacher) {
  // REQ MOD-4, MOD-5, INC-3, INC-8
  EXPECT_TRUE(p_.moderation.vet_follow_requests);
  EXPECT_EQ(p_.moderation.follow_request_vetters, std::vector<Role>{Role::kSocialMediaLead});
  EXPECT_EQ(p_.moderation.parent_breach_meeting, std::vector<Role>{Role::kHeadteacher});
  EXPECT_TRUE(p_.moderation.parent_breach_may_lose_interaction);
  EXPECT_EQ(p_.concerns.routing.headteacher, std::vector<Role>{Role::kChairOfGovernors});
  EXPECT_EQ(p_.concerns.routing.personal_account_contact, std::vector<Role>{Role::kHeadteacher});
}

TEST_F(OakTreesMatProfile, TermlyTrainingForStaffAndPupilsYearlyForParents) {
  // REQ TRN-1
  EXPECT_TRUE(p_.training.staff_induction);
  EXPECT_EQ(p_.training.staff_months, 4);
  EXPECT_EQ(p_.training.pupils_months, 4);
  EXPECT_EQ(p_.training.parents_months, 12);
  EXPECT_TRUE(p_.training.posters_trained);
  std::string text = policy_document_text(policy_document(p_, "Oak Trees Primary"), 0);
  EXPECT_THAT(text, HasSubstr("when they join and then every term"));
  EXPECT_THAT(text, HasSubstr("pupils learn about it every term"));
}

}  // namespace
}  // namespace inloco

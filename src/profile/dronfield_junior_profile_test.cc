// Acceptance: Dronfield Junior School's profile (seed DJS) encodes what is
// distinctive in its policy: few administrators, every platform in the
// privacy notice, managers overseeing posts, official channels only in an
// incident, careful incident evidence, and its review dates (TRN-3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/policy_document.h"
#include "profile/shipped_profiles.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;

class DronfieldJuniorProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = load_shipped_profile("dronfield_junior");
    ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
    p_ = std::move(p).value();
  }
  PolicyProfile p_;
};

TEST_F(DronfieldJuniorProfile, LimitsAdministratorsAndRequiresThePrivacyNotice) {
  // REQ ACC-2, ACC-7, ACC-4
  EXPECT_TRUE(p_.accounts.official_accounts_allowed);
  EXPECT_EQ(p_.accounts.max_admins, 2);
  EXPECT_LT(p_.accounts.max_admins, PolicyProfile{}.accounts.max_admins);
  EXPECT_TRUE(p_.accounts.privacy_notice_required);
  EXPECT_TRUE(p_.accounts.official_email_required);
  EXPECT_EQ(p_.accounts.access_review_months, 4);  // ACC-8: managers review access each term
}

TEST_F(DronfieldJuniorProfile, ManagersOverseePosts) {
  // REQ PST-7: headteacher, deputy and year group leaders.
  EXPECT_EQ(p_.posts.approvers, (std::vector<Role>{Role::kHeadteacher, Role::kDeputyHeadteacher,
                                                   Role::kYearGroupLeader}));
  EXPECT_FALSE(p_.posts.author_may_approve);
}

TEST_F(DronfieldJuniorProfile, OnlyOfficialChannelsSpeakInAnIncident) {
  // REQ PST-9
  EXPECT_TRUE(p_.posts.incident_official_channels_only);
  EXPECT_EQ(p_.posts.incident_posters,
            (std::vector<Role>{Role::kHeadteacher, Role::kDeputyHeadteacher}));
}

TEST_F(DronfieldJuniorProfile, IncidentEvidenceIsKeptAndReportedSitesAreNotOpened) {
  // REQ INC-4, INC-5, INC-6, INC-3
  EXPECT_THAT(p_.concerns.evidence_keepers, ::testing::Contains(Role::kDsl));
  EXPECT_TRUE(p_.concerns.untrained_see_inert_links);
  EXPECT_EQ(p_.concerns.ceop_deciders, std::vector<Role>{Role::kDsl});
  EXPECT_EQ(p_.concerns.routing.personal_data, std::vector<Role>{Role::kDpo});
  EXPECT_EQ(p_.concerns.routing.official_accounts, std::vector<Role>{Role::kHeadteacher});
}

TEST_F(DronfieldJuniorProfile, PolicyDatesAndCommittee) {
  // REQ TRN-3: version, committee, minute, adoption and review dates.
  EXPECT_EQ(p_.meta.version, "2.1");
  EXPECT_EQ(p_.meta.committee, "Full Governors");
  EXPECT_EQ(p_.meta.minute, "4.5.21 / 5.13");
  EXPECT_EQ(optional_iso(p_.meta.adopted), "2021-05-04");
  EXPECT_EQ(optional_iso(p_.meta.last_review), "2021-05-04");
  EXPECT_EQ(optional_iso(p_.meta.next_review), "2022-03-01");
  PolicyDocument d = policy_document(p_, "Dronfield Junior School");
  EXPECT_EQ(d.version_line,
            "Version 2.1. Adopted 4 May 2021. Last reviewed 4 May 2021. Next review due by 1 March "
            "2022.");
  std::string text = policy_document_text(d, 0);
  EXPECT_THAT(text, HasSubstr("No more than two people hold administrator access"));
  EXPECT_THAT(text, HasSubstr("Every account is named in the school's privacy notice."));
  EXPECT_THAT(text, HasSubstr("(minute 4.5.21 / 5.13)"));
}

}  // namespace
}  // namespace inloco

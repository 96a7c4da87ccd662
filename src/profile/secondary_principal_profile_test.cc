// Acceptance: the unnamed secondary school's profile (seed GEN) encodes what
// is distinctive in its policy: a Principal, the contact/conduct/content
// misuse taxonomy, the incident types it treats as criminal, and its steps
// for getting harmful content off a platform.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/policy_document.h"
#include "profile/shipped_profiles.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

class SecondaryPrincipalProfile : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = load_shipped_profile("secondary_principal");
    ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
    p_ = std::move(p).value();
  }
  PolicyProfile p_;
};

TEST_F(SecondaryPrincipalProfile, TheSchoolIsLedByAPrincipal) {
  EXPECT_EQ(role_title(p_, Role::kHeadteacher), "Principal");
  std::string text = policy_document_text(policy_document(p_, "The school"), 0);
  EXPECT_THAT(text, HasSubstr("the Principal"));
  EXPECT_THAT(text, Not(HasSubstr("headteacher")));
  EXPECT_THAT(text, Not(HasSubstr("Headteacher")));
}

TEST_F(SecondaryPrincipalProfile, MisuseIsClassifiedByContactConductAndContent) {
  // REQ INC-2
  EXPECT_EQ(p_.concerns.risk_areas, (std::vector<std::string>{"contact", "conduct", "content"}));
  EXPECT_EQ(p_.concerns.kinds,
            (std::vector<std::string>{"commercial", "aggressive", "sexual", "values"}));
}

TEST_F(SecondaryPrincipalProfile, ListsTheIncidentTypesItTreatsAsCriminal) {
  // REQ INC-2, INC-6
  for (const char* t :
       {"copyright_infringement", "login_misuse", "malware", "hacking", "gambling",
        "age_restricted_material", "indecent_images_of_children", "extreme_pornography",
        "stolen_goods", "terrorism_or_religious_hatred", "illegal_download"}) {
    EXPECT_THAT(p_.concerns.criminal_types, Contains(t));
    EXPECT_THAT(p_.concerns.types, Contains(t));
  }
  EXPECT_GT(p_.concerns.criminal_types.size(), PolicyProfile{}.concerns.criminal_types.size());
}

TEST_F(SecondaryPrincipalProfile, PlatformReportingStepsBeginWithTheAuthor) {
  // REQ MOD-6
  const auto& steps = p_.moderation.report_steps;
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps.front(), "ask_author_to_remove");
  auto at = [&](const char* s) { return std::find(steps.begin(), steps.end(), s) - steps.begin(); };
  EXPECT_LT(at("keep_copy"), at("hide_or_delete"));  // keep a copy before deleting
  EXPECT_THAT(steps, Contains("cite_platform_terms"));
  EXPECT_THAT(steps, Contains("report_underage_account"));
  EXPECT_LT(at("report_to_platform"), at("ceop_report"));  // CEOP when all else fails
}

TEST_F(SecondaryPrincipalProfile, BloggingAuthorisationIsAdvisedAndNewcomersTidyTheirPosts) {
  // REQ STF-3, STF-4
  EXPECT_EQ(p_.staff.blogging, Authorisation::kAdvised);
  EXPECT_TRUE(p_.staff.induction_checklist);
  std::string text = policy_document_text(policy_document(p_, "The school"), 0);
  EXPECT_THAT(text, HasSubstr("advised to seek authorisation from the Principal"));
}

TEST_F(SecondaryPrincipalProfile, StaffKeepOffSocialMediaDuringSessions) {
  // REQ NET-2
  const FilterGroup& staff = p_.filter.groups.at("staff");
  EXPECT_EQ(staff.blocked_during.at("sessions"), std::vector<std::string>{"all"});
  EXPECT_TRUE(staff.blocked_during.at("lessons").empty());
  EXPECT_EQ(optional_iso(p_.meta.next_review), "2019-07-01");
}

}  // namespace
}  // namespace inloco

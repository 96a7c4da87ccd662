// REQ CON-1: a pupil's consent for each use, and who may give it.
// REQ CON-4: the whole history is shown, never rewritten.
// REQ IAM-3: viewing a pupil's consent records is audited.
// What the pupil's consent page and the consent API show (pupil_consent_view.h),
// on both databases.
#include "consent/pupil_consent_view.h"

#include <gtest/gtest.h>

#include "consent/consent_test_fixture.h"

namespace inloco {
namespace {

class PupilConsentViewTest : public test::ConsentFixture {
 protected:
  Result<PupilConsentView> view(int64_t pupil, int64_t school = 0) {
    return write([&](Connection& c) {
      return view_pupil_consent(SchoolScope{c, clock_, actor(head_), school ? school : alpha_},
                                consent_rules_, pupil, CalendarDate{2026, 9, 2});
    });
  }
  int64_t views() { return scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.view'"); }
};

TEST_P(PupilConsentViewTest, EachUseTodayWhoMayConsentAndTheHistory) {
  ASSERT_TRUE(record(form(amara_, std::string(kImagesUse), ConsentState::kGranted, ngozi_)).ok());
  int64_t before = views();
  auto v = view(amara_);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->pupil.id, amara_);
  std::vector<std::string> uses = consent_uses(consent_rules_);
  ASSERT_EQ(v->current.size(), uses.size());
  for (size_t i = 0; i < uses.size(); ++i) {
    EXPECT_EQ(v->current[i].use, uses[i]);
    EXPECT_EQ(v->current[i].status.state,
              uses[i] == kImagesUse ? ConsentState::kGranted : ConsentState::kNone)
        << uses[i];
  }
  ASSERT_EQ(v->responsible.size(), 1u) << "the step-father has no parental responsibility";
  EXPECT_EQ(v->responsible[0].other.id, ngozi_);
  ASSERT_EQ(v->history.size(), 1u);
  EXPECT_EQ(v->history[0].given_by_person_id, ngozi_);
  EXPECT_EQ(views(), before + 1) << "the view is audited";
}

TEST_P(PupilConsentViewTest, APupilJudgedCompetentIsShownSo) {
  auto v = view(zoe_);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v->pupil.competent_to_consent);
  EXPECT_TRUE(v->history.empty());
}

TEST_P(PupilConsentViewTest, OnlyAPupilOfTheSchoolIsShownAndARefusalIsNotAudited) {
  int64_t before = views();
  auto elsewhere = view(beta_pupil_);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  auto parent = view(ngozi_);
  ASSERT_FALSE(parent.ok());
  EXPECT_EQ(parent.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(parent.error().message, "There is no such pupil.");
  EXPECT_EQ(views(), before);
}

INLOCO_INSTANTIATE_BACKENDS(PupilConsentViewTest);

}  // namespace
}  // namespace inloco

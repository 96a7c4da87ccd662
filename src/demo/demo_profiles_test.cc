// REQ TRN-3, RPT-3: the demo schools carry adopted profiles with a version history.
#include "demo/demo_profiles.h"

#include <gtest/gtest.h>

#include "profile/profile_store.h"
#include "store/stored_dates.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoProfilesTest : public test::BackendTest {};

TEST_P(DemoProfilesTest, AdoptedProfilesWithAHistory) {
  FakeClock clock;
  auto demo = create_demo_people(db(), clock);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  auto s = assign_demo_profiles(db(), clock, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  for (const School& school : demo->schools) {
    auto profile = db().read([&](Connection& c) { return profile_for_school(c, school.id); });
    ASSERT_TRUE(profile.ok()) << profile.error().message;
    EXPECT_EQ(optional_iso(profile->meta.adopted), "2025-09-01");
    auto history = db().read([&](Connection& c) { return profile_history(c, school.id); });
    ASSERT_TRUE(history.ok());
    if (school.code == "oakfield") {
      ASSERT_EQ(history->size(), 2u);
      EXPECT_EQ(profile->accounts.access_review_months, 4);
      EXPECT_EQ(profile->staff.personal_contact, PersonalContact::kWithApproval)
          << "STF-2 approvals possible";
      bool named = false;
      for (const auto& v : *history)
        for (const auto& ch : v.changes)
          named = named || ch.find("accounts.access_review_months") != std::string::npos;
      EXPECT_TRUE(named) << "the change of cadence is listed";
    } else {
      EXPECT_EQ(history->size(), 1u);
    }
  }
}

INLOCO_INSTANTIATE_BACKENDS(DemoProfilesTest);

}  // namespace
}  // namespace inloco

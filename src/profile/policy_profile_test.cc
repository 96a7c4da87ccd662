// Time windows (REQ NET-2) and retention rules (REQ LAW-6) as people write them.
#include "profile/policy_profile.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(PolicyProfileTest, TimeRangesReadAndWriteBack) {
  for (const char* text : {"mon-fri 09:00-12:00", "mon,wed 13:00-14:30", "sat 10:00-12:00",
                           "mon,tue,thu-sat 08:00-24:00"}) {
    auto r = parse_time_range(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error().message;
    EXPECT_EQ(r->text(), text);
  }
  auto r = parse_time_range("mon-fri 09:00-12:00");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->contains(0, 9 * 60));    // Monday 09:00
  EXPECT_FALSE(r->contains(0, 12 * 60));  // the end is not inside
  EXPECT_FALSE(r->contains(5, 10 * 60));  // Saturday
  EXPECT_FALSE(parse_time_range("fri-mon 09:00-10:00").ok());
  EXPECT_FALSE(parse_time_range("mon 9:00-10:00").ok());
  EXPECT_FALSE(parse_time_range("mon 09:00-25:00").ok());
  EXPECT_FALSE(parse_time_range("09:00-10:00").ok());
}

TEST(TimeRangeTest, OvernightRangesRunIntoTheNextMorning) {
  // REQ NET-2: "mon-fri 22:00-06:00" starts on each weekday evening and ends
  // the next morning.
  auto r = parse_time_range("mon-fri 22:00-06:00");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->text(), "mon-fri 22:00-06:00");
  EXPECT_TRUE(r->contains(0, 22 * 60));            // Monday 22:00
  EXPECT_TRUE(r->contains(0, 23 * 60 + 59));       // Monday 23:59
  EXPECT_TRUE(r->contains(1, 3 * 60));             // Tuesday 03:00 (Monday night)
  EXPECT_FALSE(r->contains(1, 6 * 60));            // Tuesday 06:00: the end is not inside
  EXPECT_FALSE(r->contains(0, 3 * 60));            // Monday 03:00 (Sunday night: not named)
  EXPECT_TRUE(r->contains(5, 5 * 60));             // Saturday 05:00 (Friday night)
  EXPECT_FALSE(r->contains(5, 22 * 60));           // Saturday evening: not named
  EXPECT_FALSE(r->contains(2, 12 * 60));           // Wednesday midday
  auto sun = parse_time_range("sun 23:00-01:00");  // wraps the week too
  ASSERT_TRUE(sun.ok());
  EXPECT_TRUE(sun->contains(6, 23 * 60 + 30));
  EXPECT_TRUE(sun->contains(0, 30));  // Monday 00:30
  EXPECT_TRUE(parse_time_range("mon 00:00-24:00")->contains(0, 0));
  auto same = parse_time_range("mon 09:00-09:00");
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().message, "'09:00-09:00' starts and ends at the same time.");
  EXPECT_FALSE(parse_time_range("mon 24:00-06:00").ok());
}

TEST(PolicyProfileTest, RetentionRulesReadAndWriteBack) {
  for (const char* text : {"date_of_birth + 25 years", "closed + 6 years", "created + 18 months",
                           "left_school + 1 year", "end_of_academic_year + 3 years"}) {
    auto r = parse_retention_rule(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error().message;
    EXPECT_EQ(r->text(), text);
  }
  EXPECT_EQ(parse_retention_rule("created + 24 months")->text(), "created + 2 years");
  EXPECT_FALSE(parse_retention_rule("forever").ok());
  EXPECT_FALSE(parse_retention_rule("opened + 2 years").ok());
  EXPECT_FALSE(parse_retention_rule("created + 0 years").ok());
  EXPECT_FALSE(parse_retention_rule("created + 2 decades").ok());
}

TEST(PolicyProfileTest, EveryCheckHasADefaultAction) {
  PostRules r;
  EXPECT_EQ(r.checks.size(), 11u);
  EXPECT_EQ(r.action_for("personal_data"), CheckAction::kRefuse);
  EXPECT_EQ(r.action_for("political"), CheckAction::kReview);
  EXPECT_EQ(r.action_for("not_a_check"), CheckAction::kRefuse);
}

TEST(PolicyProfileTest, RoleTitlesFallBackToLabels) {
  PolicyProfile p;
  EXPECT_EQ(role_title(p, Role::kHeadteacher), "Headteacher");
  p.titles["headteacher"] = "Principal";
  EXPECT_EQ(role_title(p, Role::kHeadteacher), "Principal");
}

}  // namespace
}  // namespace inloco

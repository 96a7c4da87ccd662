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

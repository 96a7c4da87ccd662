// REQ STF-4: each member of staff ticks the induction checklist (read the
// policy, reviewed their own past posts, set privacy settings) with the date;
// the school sees who has not finished.
// REQ IAM-3: every tick is audited.
#include "staff/induction_checklist.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "staff/staff_members.h"
#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class StaffInductionTest : public test::StaffFixture {
 protected:
  Status tick(int64_t by, int64_t staff, std::string_view item,
              std::optional<CalendarDate> on = std::nullopt, int64_t school = 0) {
    return write([&](Connection& c) {
      return tick_induction_item(SchoolScope{c, clock_, actor(by), school ? school : alpha_},
                                 staff_rules_, staff, item, on);
    });
  }

  std::vector<InductionProgress> incomplete() {
    auto r = read([&](Connection& c) { return incomplete_inductions(c, staff_rules_, alpha_); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<InductionProgress>{};
  }

  bool listed(int64_t staff) {
    auto all = incomplete();
    return std::any_of(all.begin(), all.end(),
                       [&](const InductionProgress& p) { return p.staff_id == staff; });
  }
};

TEST_P(StaffInductionTest, TheChecklistHasTheThreeItemsOfStf4) {
  auto items = induction_items(staff_rules_);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].key, "read_policy");
  EXPECT_EQ(items[1].key, "reviewed_past_posts");
  EXPECT_EQ(items[2].key, "privacy_settings");
}

TEST_P(StaffInductionTest, StaffTickTheirOwnItemsWithTheDateAndLeaveTheListWhenDone) {
  // Every current member of staff of the school starts on the list; leavers,
  // trust staff and other schools' staff do not.
  auto all = incomplete();
  EXPECT_EQ(all.size(), 7u);
  EXPECT_FALSE(listed(left_));
  EXPECT_FALSE(listed(central_));
  EXPECT_FALSE(listed(beta_teacher_));

  ASSERT_TRUE(tick(teacher_, teacher_, "read_policy", in_days(-3)).ok());
  ASSERT_TRUE(tick(teacher_, teacher_, "privacy_settings").ok());
  auto p = read([&](Connection& c) { return induction_of(c, staff_rules_, alpha_, teacher_); });
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->done, 2);
  EXPECT_FALSE(p->complete());
  EXPECT_EQ(optional_iso(p->items[0].done_on), in_days(-3).iso());
  EXPECT_EQ(p->items[0].ticked_at, clock_.now());
  EXPECT_EQ(optional_iso(p->items[1].done_on), std::nullopt);
  EXPECT_EQ(optional_iso(p->items[2].done_on), today().iso());
  EXPECT_TRUE(listed(teacher_));

  ASSERT_TRUE(tick(teacher_, teacher_, "reviewed_past_posts").ok());
  EXPECT_FALSE(listed(teacher_));
  EXPECT_EQ(incomplete().size(), 6u);

  auto entries = audit_of("staff.induction.tick");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].actor_id, teacher_);
  EXPECT_EQ(entries[0].record_id, std::to_string(teacher_));
}

TEST_P(StaffInductionTest, RefusalsWriteNothing) {
  ASSERT_TRUE(tick(teacher_, teacher_, "read_policy").ok());
  const std::string before = staff_snapshot();
  auto again = tick(teacher_, teacher_, "read_policy");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("already"), std::string::npos);
  auto by_head = tick(head_, teacher_, "privacy_settings");
  ASSERT_FALSE(by_head.ok());
  EXPECT_EQ(by_head.error().code, ErrorCode::kForbidden);
  EXPECT_NE(by_head.error().message.find("Only Tom Teacher"), std::string::npos);
  auto future = tick(teacher_, teacher_, "privacy_settings", in_days(1));
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.error().code, ErrorCode::kInvalid);
  auto unknown = tick(teacher_, teacher_, "climbed_everest");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalid);
  auto other_school = tick(beta_teacher_, beta_teacher_, "read_policy");  // at alpha
  ASSERT_FALSE(other_school.ok());
  EXPECT_EQ(other_school.error().code, ErrorCode::kNotFound);
  auto pupil = tick(amara_, amara_, "read_policy");
  ASSERT_FALSE(pupil.ok());
  EXPECT_EQ(pupil.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(staff_snapshot(), before);
}

TEST_P(StaffInductionTest, NoChecklistWhenTheProfileHasNone) {
  staff_rules_.induction_checklist = false;
  EXPECT_TRUE(induction_items(staff_rules_).empty());
  EXPECT_TRUE(incomplete().empty());
  auto r = tick(teacher_, teacher_, "read_policy");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("no induction checklist"), std::string::npos);
}

INLOCO_INSTANTIATE_BACKENDS(StaffInductionTest);

}  // namespace
}  // namespace inloco

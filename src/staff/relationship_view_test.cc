// REQ STF-1: a declared relationship with its decisions; for those who may
//            decide while it is open, who may be named as taking part.
// REQ IAM-3: every view is audited.
#include "staff/relationship_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class RelationshipViewTest : public test::StaffFixture {
 protected:
  void SetUp() override {
    StaffFixture::SetUp();
    if (HasFatalFailure()) return;
    for (int64_t school : {alpha_, beta_}) {
      auto s = read([&](Connection& c) { return get_school(c, school); });
      ASSERT_TRUE(s.ok()) << s.error().message;
      schools_[school] = *s;
    }
    Grants g = grants(teacher_);
    auto id = write([&](Connection& c) {
      RelationshipDeclaration d;
      d.staff_id = teacher_;
      d.other_person_id = amara_;
      d.relationship = "niece";
      d.details = "We meet at family events.";
      return declare_relationship(SchoolScope{c, clock_, actor(teacher_), alpha_}, g, staff_rules_,
                                  d);
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    rel_ = *id;
  }

  Result<RelationshipView> view(int64_t person, int64_t school = 0) {
    return view_relationship(db(), clock_, actor(person), grants(person), staff_rules_,
                             schools_.at(school ? school : alpha_), rel_);
  }

  static bool names(const RelationshipView& v, int64_t person) {
    return std::any_of(v.may_take_part.begin(), v.may_take_part.end(),
                       [&](const RoleHolder& h) { return h.person.id == person; });
  }

  std::map<int64_t, School> schools_;
  int64_t rel_ = 0;
};

TEST_P(RelationshipViewTest, ADeciderIsOfferedTheDecisionWithWhoMayTakePart) {
  auto v = view(head_);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_EQ(v->relationship.id, rel_);
  EXPECT_TRUE(v->decision_offered);
  EXPECT_TRUE(names(*v, dsl_));
  EXPECT_FALSE(names(*v, head_)) << "not the person deciding";
  EXPECT_FALSE(names(*v, teacher_)) << "not the member of staff concerned";
  EXPECT_EQ(audit_of("staff.relationship.view").size(), 1u);
}

TEST_P(RelationshipViewTest, NoDecisionOfferedWithoutTheRoleOrOnceClosed) {
  auto teacher = view(teacher_);
  ASSERT_TRUE(teacher.ok()) << teacher.error().message;
  EXPECT_FALSE(teacher->decision_offered);
  EXPECT_TRUE(teacher->may_take_part.empty());

  Grants g = grants(head_);
  RelationshipDecisionInput close;
  close.outcome = RelationshipOutcome::kClosed;
  close.agreed = "Amara left the school.";
  ASSERT_TRUE(write([&](Connection& c) {
                return decide_relationship(SchoolScope{c, clock_, actor(head_), alpha_}, g,
                                           staff_rules_, rel_, close);
              }).ok());
  auto closed = view(head_);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_FALSE(closed->decision_offered);
  EXPECT_TRUE(closed->may_take_part.empty());
}

TEST_P(RelationshipViewTest, AnotherSchoolsRelationshipIsNotFound) {
  auto v = view(beta_head_, beta_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(audit_of("staff.relationship.view").empty());
}

INLOCO_INSTANTIATE_BACKENDS(RelationshipViewTest);

}  // namespace
}  // namespace inloco

// REQ LAW-1: a pupil's chronology gathers every concern about them, with its
//            actions, apart from the ordinary record, showing only the cases
//            the viewer may open; viewing it is audited (IAM-3).
#include "concerns/pupil_chronology.h"

#include <gtest/gtest.h>

#include "concerns/concern_test_fixture.h"

namespace inloco {
namespace {

class ConcernChronologyTest : public test::ConcernFixture {
 protected:
  Result<std::vector<ChronologyEntry>> chronology(int64_t viewer, int64_t pupil,
                                                  int64_t school = 0) {
    return write([&](Connection& c) {
      return pupil_chronology(SchoolScope{c, clock_, actor(viewer), school ? school : alpha_},
                              pupil);
    });
  }
};

TEST_P(ConcernChronologyTest, EveryConcernNamingThePupilInTimeOrder) {  // REQ LAW-1, IAM-3
  ConcernReport later = about_pupil();
  later.happened_at = clock_.now() - 100;
  int64_t second = reported(later, teacher_);
  ConcernReport earlier = about_pupil(bob_);
  earlier.happened_at = clock_.now() - 86400;
  earlier.involved = {{amy_, "", Involvement::kWitness}};
  int64_t first = reported(earlier, teacher_);
  reported(about_pupil(bob_), teacher_);  // not about Amy
  ASSERT_TRUE(
      act(dsl_, second, {ActionKind::kSupportOffered, {}, {}, "Amy", "Check-ins.", ""}).ok());

  auto entries = chronology(dsl_, amy_);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].concern.id, first);
  EXPECT_EQ((*entries)[0].pupil_is, "witness");
  EXPECT_EQ((*entries)[1].concern.id, second);
  EXPECT_EQ((*entries)[1].pupil_is, "subject");
  ASSERT_EQ((*entries)[1].actions.size(), 1u);
  EXPECT_EQ((*entries)[1].actions[0].detail, "Check-ins.");
  EXPECT_EQ(audits("concern.chronology_view"), 1);
}

TEST_P(ConcernChronologyTest, OnlyCasesTheViewerMayOpenAppear) {  // REQ LAW-1, IAM-2
  reported(about_pupil(), teacher_);                              // to the DSL
  ConcernReport staff = about_staff(teacher2_);
  staff.involved = {{amy_, "", Involvement::kAffected}};
  int64_t staff_case = reported(staff, teacher_);  // to the heads
  auto dsl_view = chronology(dsl_, amy_);
  ASSERT_TRUE(dsl_view.ok());
  EXPECT_EQ(dsl_view->size(), 1u);
  auto head_view = chronology(head_, amy_);
  ASSERT_TRUE(head_view.ok());
  ASSERT_EQ(head_view->size(), 1u);
  EXPECT_EQ((*head_view)[0].concern.id, staff_case);
  auto teacher_view = chronology(teacher_, amy_);
  ASSERT_TRUE(teacher_view.ok());
  EXPECT_TRUE(teacher_view->empty());
  auto elsewhere = chronology(beta_head_, amy_, beta_);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  auto not_pupil = chronology(dsl_, teacher2_);
  ASSERT_FALSE(not_pupil.ok());
  EXPECT_EQ(not_pupil.error().code, ErrorCode::kNotFound);
}

INLOCO_INSTANTIATE_BACKENDS(ConcernChronologyTest);

}  // namespace
}  // namespace inloco

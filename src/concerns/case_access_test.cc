// REQ IAM-2: a case is open only to the people it was routed to and those they
//            add with a reason; not the reporter, other staff, or another
//            school's headteacher.
// REQ IAM-3: every view of a case, and every grant of access, is audited.
#include "concerns/case_access.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "concerns/concern_test_fixture.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;

class ConcernAccessTest : public test::ConcernFixture {
 protected:
  Status grant(int64_t by, int64_t concern, int64_t person, std::string reason) {
    return write([&](Connection& c) {
      return grant_case_access(SchoolScope{c, clock_, actor(by), alpha_}, concern, person, reason);
    });
  }
};

TEST_P(ConcernAccessTest, OnlyTheRoutedMayOpenTheCase) {  // REQ IAM-2, IAM-3
  int64_t id = reported(about_pupil(), teacher_);
  EXPECT_TRUE(may_view(dsl_, id));
  auto opened = open(dsl_, id);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(opened->concern.subject_name, "Amy Able");
  ASSERT_EQ(opened->viewers.size(), 1u);
  EXPECT_EQ(opened->viewers[0].routed_for, std::vector<std::string>{"pupil"});
  EXPECT_EQ(audits("concern.view"), 1);

  // The reporter, other staff, the head (not routed for a pupil concern), the
  // DPO, another school's head and a trustee: none may open it.
  for (int64_t person : {teacher_, teacher2_, head_, dpo_, deputy_dsl_, beta_head_, trustee_}) {
    EXPECT_FALSE(may_view(person, id)) << person;
    auto r = open(person, id);
    ASSERT_FALSE(r.ok()) << person;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_THAT(r.error().message, HasSubstr("open only to the people it was routed to"));
  }
  // Through another school the concern does not exist.
  auto other = open(beta_head_, id, beta_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(audits("concern.view"), 1);  // refusals are not views
}

TEST_P(ConcernAccessTest, ARoutedPersonAddsSomeoneWithAReason) {  // REQ IAM-2, IAM-3
  int64_t id = reported(about_pupil(), teacher_);
  ASSERT_TRUE(grant(dsl_, id, deputy_dsl_, "Covers while I am on leave.").ok());
  EXPECT_TRUE(may_view(deputy_dsl_, id));
  EXPECT_EQ(audits("concern.access_grant"), 1);
  auto opened = open(deputy_dsl_, id);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  ASSERT_EQ(opened->viewers.size(), 2u);
  const CaseViewer& added = opened->viewers[1];
  EXPECT_TRUE(added.added);
  EXPECT_EQ(added.reason, "Covers while I am on leave.");
  EXPECT_EQ(added.added_by, dsl_);
  // Someone added may add others too.
  EXPECT_TRUE(grant(deputy_dsl_, id, head_, "Sanction decision.").ok());
}

TEST_P(ConcernAccessTest, AddingIsRefusedWithoutAReasonOrByOutsiders) {  // REQ IAM-2
  int64_t id = reported(about_pupil(), teacher_);
  Status no_reason = grant(dsl_, id, deputy_dsl_, "  ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalid);
  // The reporter cannot add themselves or anyone else.
  Status reporter = grant(teacher_, id, teacher_, "I reported it.");
  ASSERT_FALSE(reporter.ok());
  EXPECT_EQ(reporter.error().code, ErrorCode::kForbidden);
  // Nobody with a conflict: the subject, a parent of the pupil, a pupil.
  Status parent = grant(dsl_, id, pam_, "Her mother helps.");
  ASSERT_FALSE(parent.ok());
  EXPECT_THAT(parent.error().message, HasSubstr("is a parent or carer of Amy Able"));
  Status pupil = grant(dsl_, id, bob_, "Friend.");
  ASSERT_FALSE(pupil.ok());
  EXPECT_EQ(pupil.error().code, ErrorCode::kInvalid);
  Status other_school = grant(dsl_, id, beta_head_, "Advice.");
  ASSERT_FALSE(other_school.ok());
  EXPECT_EQ(other_school.error().code, ErrorCode::kNotFound);
  Status twice = grant(dsl_, id, dsl_, "Again.");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(audits("concern.access_grant"), 0);
}

TEST_P(ConcernAccessTest, ParentWhoIsAGovernorStillCannotBeAddedToTheirChildsCase) {  // REQ IAM-2
  ASSERT_TRUE(write([&](Connection& c) {
                return assign_role(c, clock_, Actor::system(), pam_, Role::kGovernor, alpha_);
              }).ok());
  int64_t id = reported(about_pupil(), teacher_);
  Status s = grant(dsl_, id, pam_, "Governor for safeguarding.");
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("is a parent or carer of Amy Able"));
  // ... but may be added to a case that does not name her child.
  int64_t bobs = reported(about_pupil(bob_), teacher_);
  EXPECT_TRUE(grant(dsl_, bobs, pam_, "Governor for safeguarding.").ok());
}

TEST_P(ConcernAccessTest, LeavingTheSchoolEndsAccess) {  // REQ IAM-2
  int64_t id = reported(about_pupil(), teacher_);
  ASSERT_TRUE(write([&](Connection& c) {
                return c.execute("UPDATE people SET active = 0 WHERE id = ?", {dsl_});
              }).ok());
  EXPECT_FALSE(may_view(dsl_, id));
}

TEST_P(ConcernAccessTest,
       TheCaseListShowsOnlyOnesOwnCasesAndOverdueIcoDecisions) {  // REQ IAM-2, LAW-4
  int64_t pupil_case = reported(about_pupil(), teacher_);
  ConcernReport breach = about_pupil(bob_);
  breach.type = "data_breach";
  int64_t breach_case = reported(breach, teacher_);
  reported(about_staff(teacher2_), teacher_);
  clock_.advance(73 * 3600);
  auto dsl_list = write([&](Connection& c) {
    return cases_for(SchoolScope{c, clock_, actor(dsl_), alpha_});
  });
  ASSERT_TRUE(dsl_list.ok());
  ASSERT_EQ(dsl_list->size(), 2u);
  auto dpo_list = write([&](Connection& c) {
    return cases_for(SchoolScope{c, clock_, actor(dpo_), alpha_});
  });
  ASSERT_TRUE(dpo_list.ok());
  ASSERT_EQ(dpo_list->size(), 1u);
  EXPECT_EQ((*dpo_list)[0].concern_id, breach_case);
  EXPECT_TRUE((*dpo_list)[0].ico_decision_overdue);
  auto teacher_list = write([&](Connection& c) {
    return cases_for(SchoolScope{c, clock_, actor(teacher_), alpha_});
  });
  ASSERT_TRUE(teacher_list.ok());
  EXPECT_TRUE(teacher_list->empty());
  EXPECT_NE(pupil_case, breach_case);
  EXPECT_EQ(audits("concern.list"), 3);
}

TEST_P(ConcernAccessTest, BeforeAChangeOnlyViewersArePassed) {  // REQ IAM-2
  int64_t id = reported(about_pupil(), teacher_);
  auto check = [&](int64_t person) {
    return read([&](Connection& c) { return require_may_view_case(c, person, id); });
  };
  EXPECT_TRUE(check(dsl_).ok());
  Status reporter = check(teacher_);
  ASSERT_FALSE(reporter.ok());
  EXPECT_EQ(reporter.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(reporter.error().message, "There is no such concern among yours.");
  // Other errors keep their words; refusals do not.
  EXPECT_EQ(as_case_refusal(Error::invalid("Choose what was done.")).message,
            "Choose what was done.");
  EXPECT_EQ(as_case_refusal(Error::forbidden("Only the DSL.")).message,
            "There is no such concern among yours.");
}

INLOCO_INSTANTIATE_BACKENDS(ConcernAccessTest);

}  // namespace
}  // namespace inloco

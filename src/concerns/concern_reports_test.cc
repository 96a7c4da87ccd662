// REQ INC-1: any member of staff reports a concern; stored with when and what.
// REQ INC-2: classified by the profile's types, risk areas and kinds.
// REQ INC-3, LAW-3, LAW-4: routed on the real role holders (trust-wide ones count).
// REQ INC-8: the quick report of contact on a personal account.
// REQ IAM-3: reporting and reading one's own report are audited.
#include "concerns/concern_reports.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "concerns/concern_store.h"
#include "concerns/concern_test_fixture.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class ConcernReportsTest : public test::ConcernFixture {
 protected:
  std::vector<int64_t> viewers(int64_t concern) {
    auto r = read([&](Connection& c) {
      return c.query(
          "SELECT person_id FROM concern_viewers WHERE concern_id = ? ORDER BY person_id",
          {concern});
    });
    std::vector<int64_t> out;
    if (r.ok())
      for (const Row& row : *r) out.push_back(row[0].as_int());
    return out;
  }

  std::string refused(const ConcernReport& r, int64_t by = 0) {
    auto rc = report(r, by ? by : teacher_);
    EXPECT_FALSE(rc.ok());
    if (rc.ok()) return "";
    EXPECT_EQ(rc.error().code, ErrorCode::kInvalid) << rc.error().message;
    return rc.error().message;
  }
};

TEST_P(ConcernReportsTest, AnyStaffReportsAndThePupilConcernReachesTheDsl) {  // REQ INC-1, INC-3
  auto rc = report(about_pupil(), teacher_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_EQ(rc->routed_to, std::vector<int64_t>{dsl_});
  EXPECT_EQ(viewers(rc->concern_id), std::vector<int64_t>{dsl_});
  EXPECT_EQ(scalar("SELECT happened_at FROM concerns WHERE id = ?", {rc->concern_id}),
            clock_.now() - 3600);
  EXPECT_EQ(audits("concern.report"), 1);
}

TEST_P(ConcernReportsTest, StaffConcernReachesEveryHeadIncludingTrustWide) {  // REQ INC-3, LAW-3
  auto rc = report(about_staff(teacher2_), teacher_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_THAT(rc->routed_to, UnorderedElementsAre(head_, exec_head_));
  EXPECT_EQ(scalar("SELECT lado_decision_needed FROM concerns WHERE id = ?", {rc->concern_id}), 1);
}

TEST_P(ConcernReportsTest, HeadteacherReportingAboutThemselvesGoesToTheChair) {  // REQ LAW-3
  ConcernReport r = about_pupil();
  r.subject_kind = SubjectKind::kHeadteacher;
  r.subject_person_id = head_;
  r.type = "defamatory_post";
  auto rc = report(r, head_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_EQ(rc->routed_to, std::vector<int64_t>{chair_});
  EXPECT_FALSE(may_view(head_, rc->concern_id));
  EXPECT_FALSE(may_view(exec_head_, rc->concern_id));
}

TEST_P(ConcernReportsTest, ParentReporterAboutTheirOwnChildNeverSeesTheCase) {  // REQ INC-3, IAM-2
  // Pam volunteers at the school and is Amy's mother.
  auto rc = report(about_pupil(amy_), pam_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_EQ(rc->routed_to, std::vector<int64_t>{dsl_});
  EXPECT_FALSE(may_view(pam_, rc->concern_id));
}

TEST_P(ConcernReportsTest, ChairWhoIsAParentIsRoutedAroundToTheTrust) {  // REQ LAW-3 edge case
  // The chair of governors is Bob's parent; a concern about the head involving Bob.
  int64_t chair_parent = 0;
  ASSERT_TRUE(
      write([&](Connection& c) -> Status {
        chair_parent = TRY(person(c, PersonKind::kParent, "Carl", "Brown", alpha_, std::nullopt));
        TRY(remove_role(c, clock_, Actor::system(), chair_, Role::kChairOfGovernors, alpha_));
        TRY(assign_role(c, clock_, Actor::system(), chair_parent, Role::kChairOfGovernors, alpha_));
        return link_guardian(c, clock_, Actor::system(), chair_parent, bob_, "father", true);
      }).ok());
  ConcernReport r = about_pupil();
  r.subject_kind = SubjectKind::kHeadteacher;
  r.subject_person_id = std::nullopt;
  r.involved = {{bob_, "", Involvement::kAffected}};
  r.type = "staff_pupil_contact";
  auto rc = report(r, teacher_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_EQ(rc->routed_to, std::vector<int64_t>{trustee_});
  EXPECT_TRUE(rc->fell_back);
  std::string notes =
      read([&](Connection& c) {
        return c.query("SELECT routing_notes FROM concerns WHERE id = ?", {rc->concern_id});
      })
          .value()[0][0]
          .as_text();
  EXPECT_THAT(notes, HasSubstr("Routed around Carl Brown (Chair of governors), who is a parent or "
                               "carer of Bob Brown."));
}

TEST_P(ConcernReportsTest, NoDslAtTheSchoolFallsBackToTheHeadAndSaysSo) {  // REQ INC-3
  auto rc = report(about_pupil(beta_pupil_), beta_teacher_, beta_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_THAT(rc->routed_to, UnorderedElementsAre(beta_head_, exec_head_));
  EXPECT_TRUE(rc->fell_back);
  EXPECT_EQ(scalar("SELECT fell_back FROM concerns WHERE id = ?", {rc->concern_id}), 1);
}

TEST_P(ConcernReportsTest, PersonalDataStartsTheDposClock) {  // REQ INC-3, LAW-4
  ConcernReport r = about_pupil();
  r.type = "data_breach";  // a breach always involves personal data
  auto rc = report(r, teacher_);
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_THAT(rc->routed_to, UnorderedElementsAre(dsl_, dpo_));
  EXPECT_EQ(scalar("SELECT ico_decision_due FROM concerns WHERE id = ?", {rc->concern_id}),
            clock_.now() + 72 * 3600);
  rules_concerns_.dpo_decision_hours = 24;
  r.type = "cyberbullying";
  r.involves_personal_data = true;
  auto second = report(r, teacher_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(scalar("SELECT ico_decision_due FROM concerns WHERE id = ?", {second->concern_id}),
            clock_.now() + 24 * 3600);
}

TEST_P(ConcernReportsTest, RefusesBadInputAndStoresNothing) {  // REQ INC-1, INC-2
  ConcernReport r = about_pupil();
  r.happened_at = std::nullopt;
  EXPECT_THAT(refused(r), HasSubstr("Say when it happened"));
  r = about_pupil();
  r.happened_at = clock_.now() + 60;
  EXPECT_THAT(refused(r), HasSubstr("is in the future"));
  r = about_pupil();
  r.what_happened = "   ";
  EXPECT_THAT(refused(r), HasSubstr("Describe what happened"));
  r = about_pupil();
  r.what_happened = std::string("bad \xff text");
  EXPECT_THAT(refused(r), HasSubstr("not valid text"));
  r = about_pupil();
  r.what_happened = std::string(kMaxConcernTextLength + 1, 'a');
  EXPECT_THAT(refused(r), HasSubstr("shorten it"));
  r = about_pupil();
  r.type = "gossip";
  EXPECT_THAT(refused(r), HasSubstr("'gossip' is not a type of concern"));
  r = about_pupil();
  r.risk_area = "";
  EXPECT_THAT(refused(r), HasSubstr("Choose the online risk area"));
  r = about_pupil();
  r.risk_kind = "spooky";
  EXPECT_THAT(refused(r), HasSubstr("'spooky' is not a kind of risk"));
  r = about_pupil(beta_pupil_);  // another school's pupil
  EXPECT_THAT(refused(r), HasSubstr("not in this school's records"));
  r = about_pupil(teacher2_);  // not a pupil
  EXPECT_THAT(refused(r), HasSubstr("is not a pupil"));
  r = about_pupil();
  r.subject_kind = SubjectKind::kHeadteacher;
  r.subject_person_id = teacher2_;
  EXPECT_THAT(refused(r), HasSubstr("is not the headteacher"));
  r = about_pupil();
  r.subject_person_id = std::nullopt;
  EXPECT_THAT(refused(r), HasSubstr("Say who the concern is about"));
  r = about_pupil();
  r.involved = {{amy_, "", Involvement::kWitness}};
  EXPECT_THAT(refused(r), HasSubstr("named twice"));
  // Every problem is listed, not just the first.
  r = about_pupil();
  r.happened_at = std::nullopt;
  r.type = "gossip";
  auto both = report(r, teacher_);
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().details.size(), 1u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM concerns"), 0);
  EXPECT_EQ(audits("concern.report"), 0);
}

TEST_P(ConcernReportsTest, ACommandLineActorWithoutAPersonCannotReport) {  // REQ INC-1
  auto rc = write([&](Connection& c) {
    return report_concern(SchoolScope{c, clock_, Actor::command_line(), alpha_}, rules_concerns_,
                          about_pupil());
  });
  ASSERT_FALSE(rc.ok());
  EXPECT_EQ(rc.error().code, ErrorCode::kForbidden);
}

TEST_P(ConcernReportsTest, QuickReportOfAFriendRequestOnAPersonalAccount) {  // REQ INC-8
  PersonalAccountContact q;
  q.happened_at = clock_.now() - 600;
  q.contact = ContactKind::kFriendRequest;
  q.from_kind = SubjectKind::kPupil;
  q.from_person_id = bob_;
  q.platform = "Instagram";
  auto rc = write([&](Connection& c) {
    return report_personal_account_contact(SchoolScope{c, clock_, actor(teacher_), alpha_},
                                           rules_concerns_, q);
  });
  ASSERT_TRUE(rc.ok()) << rc.error().message;
  EXPECT_THAT(rc->routed_to, UnorderedElementsAre(dsl_, head_, exec_head_));
  auto mine = write([&](Connection& c) {
    return submitted_report(SchoolScope{c, clock_, actor(teacher_), alpha_}, rc->concern_id);
  });
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  EXPECT_EQ(mine->type, "personal_account_contact");
  EXPECT_EQ(mine->risk_area, "contact");
  EXPECT_THAT(mine->what_happened,
              HasSubstr("A friend request was received on person " + std::to_string(teacher_) +
                        "'s personal account on Instagram."));
  // Recorded even when the profile does not list the type.
  rules_concerns_.types = {"cyberbullying"};
  auto again = write([&](Connection& c) {
    return report_personal_account_contact(SchoolScope{c, clock_, actor(teacher_), alpha_},
                                           rules_concerns_, q);
  });
  EXPECT_TRUE(again.ok());
  q.platform = "";
  auto no_platform = write([&](Connection& c) {
    return report_personal_account_contact(SchoolScope{c, clock_, actor(teacher_), alpha_},
                                           rules_concerns_, q);
  });
  ASSERT_FALSE(no_platform.ok());
  EXPECT_THAT(no_platform.error().message, HasSubstr("which platform"));
}

TEST_P(ConcernReportsTest,
       TheReporterSeesTheirReportButNobodyElseDoes) {  // REQ INC-1, IAM-2, IAM-3
  int64_t id = reported(about_pupil(), teacher_);
  ASSERT_TRUE(act(dsl_, id, {ActionKind::kNote, {}, {}, "", "Spoke to Amy.", ""}).ok());
  auto mine = write([&](Connection& c) {
    return submitted_report(SchoolScope{c, clock_, actor(teacher_), alpha_}, id);
  });
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  EXPECT_EQ(mine->what_happened, "Unkind messages about Amy in the class group chat.");
  EXPECT_EQ(mine->subject_name, "Amy Able");
  EXPECT_EQ(audits("concern.view_report"), 1);
  for (int64_t other : {dsl_, head_, teacher2_}) {
    auto r = write([&](Connection& c) {
      return submitted_report(SchoolScope{c, clock_, actor(other), alpha_}, id);
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  }
  auto list = read([&](Connection& c) { return reports_by(c, alpha_, teacher_); });
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].concern_id, id);
}

INLOCO_INSTANTIATE_BACKENDS(ConcernReportsTest);

}  // namespace
}  // namespace inloco

// REQ INC-3: concerns go by who they are about; personal data also to the DPO.
// REQ INC-8: personal-account contact has its own route.
// REQ LAW-3: about the headteacher -> the chair of governors; LADO path flagged for staff.
// REQ LAW-4: personal data -> the DPO route.
// The safe-routing edge cases of issue 5 §7 (see concern_routing.h).
#include "concerns/concern_routing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace inloco {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ConcernRoutingTest : public ::testing::Test {
 protected:
  void hold(Role role, int64_t id, const std::string& given, bool trust_wide = false) {
    Person p;
    p.id = id;
    p.given_name = given;
    p.family_name = "X";
    holders_.push_back({role, p, trust_wide});
  }

  void SetUp() override {
    hold(Role::kDsl, 1, "Dsl");
    hold(Role::kDeputyDsl, 2, "Deputy");
    hold(Role::kHeadteacher, 3, "Head");
    hold(Role::kChairOfGovernors, 4, "Chair");
    hold(Role::kDpo, 5, "Dpo");
    hold(Role::kStaff, 6, "Teacher");
    hold(Role::kTrustBoardMember, 7, "Trustee", true);
  }

  RoutingDecision route(RoutingRequest r) { return route_concern(rules_, r, holders_); }

  static std::vector<int64_t> ids(const RoutingDecision& d) {
    std::vector<int64_t> out;
    for (const auto& p : d.people) out.push_back(p.person_id);
    return out;
  }

  ConcernRules rules_;
  std::vector<RoleHolder> holders_;
};

TEST_F(ConcernRoutingTest, AboutAPupilGoesToTheDsl) {  // REQ INC-3
  RoutingDecision d = route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(1));
  EXPECT_EQ(d.people[0].routes, std::vector<std::string>{"pupil"});
  EXPECT_FALSE(d.fell_back);
  EXPECT_FALSE(d.lado_decision_needed);
  // The profile decides: a DSL team of two.
  rules_.routing.pupil = {Role::kDsl, Role::kDeputyDsl};
  EXPECT_THAT(ids(route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}})),
              ElementsAre(1, 2));
}

TEST_F(ConcernRoutingTest, AboutStaffGoesToTheHeadteacherWithTheLadoDecision) {  // REQ INC-3, LAW-3
  RoutingDecision d = route({SubjectKind::kStaff, 6, "staff_pupil_contact", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(3));
  EXPECT_TRUE(d.lado_decision_needed);
  rules_.lado_referral = false;
  EXPECT_FALSE(route({SubjectKind::kStaff, 6, "staff_pupil_contact", false, false, {}})
                   .lado_decision_needed);
}

TEST_F(ConcernRoutingTest, AboutTheHeadteacherGoesToTheChair) {  // REQ INC-3, LAW-3
  RoutingDecision d =
      route({SubjectKind::kHeadteacher, std::nullopt, "defamatory_post", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(4));
  EXPECT_EQ(d.routed_as, SubjectKind::kHeadteacher);
  EXPECT_TRUE(d.lado_decision_needed);
}

TEST_F(ConcernRoutingTest, StaffSubjectWhoIsTheHeadIsRoutedAsTheHead) {  // REQ LAW-3
  RoutingDecision d = route({SubjectKind::kStaff, 3, "staff_pupil_contact", false, false, {}});
  EXPECT_EQ(d.routed_as, SubjectKind::kHeadteacher);
  EXPECT_THAT(ids(d), ElementsAre(4));
  EXPECT_THAT(d.notes.front(), HasSubstr("routed as a concern about the headteacher"));
}

TEST_F(ConcernRoutingTest, TrustWideHeadIsNeverSentAConcernAboutTheHeadteacher) {  // REQ LAW-3
  hold(Role::kHeadteacher, 8, "Exec", true);
  RoutingDecision d = route({SubjectKind::kHeadteacher, 3, "defamatory_post", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(4));
  // But a trust-wide head receives staff concerns like the school's own.
  EXPECT_THAT(ids(route({SubjectKind::kStaff, 6, "hate", false, false, {}})), ElementsAre(3, 8));
}

TEST_F(ConcernRoutingTest, PersonalDataAlsoGoesToTheDpo) {  // REQ INC-3, LAW-4
  RoutingDecision d = route({SubjectKind::kPupil, 50, "data_breach", true, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(1, 5));
  EXPECT_EQ(d.people[1].routes, std::vector<std::string>{"personal_data"});
}

TEST_F(ConcernRoutingTest, PersonalAccountContactHasItsOwnRoute) {  // REQ INC-8
  RoutingDecision d =
      route({SubjectKind::kPupil, 50, "personal_account_contact", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(1, 3));  // default: DSL and headteacher
  EXPECT_EQ(d.people[0].routes, std::vector<std::string>{"personal_account_contact"});
  rules_.routing.personal_account_contact = {Role::kHeadteacher};
  EXPECT_THAT(ids(route({SubjectKind::kPupil, 50, "personal_account_contact", false, false, {}})),
              ElementsAre(3));
}

TEST_F(ConcernRoutingTest, OfficialAccountComplaintsAlsoGoToTheirRoute) {  // REQ INC-3
  rules_.routing.official_accounts = {Role::kDeputyDsl};
  RoutingDecision d = route({SubjectKind::kParent, 60, "defamatory_post", false, true, {}});
  EXPECT_THAT(ids(d), ElementsAre(1, 2));
  EXPECT_EQ(d.people[1].routes, std::vector<std::string>{"official_accounts"});
}

TEST_F(ConcernRoutingTest, DslWithAConflictIsRoutedAroundToTheHead) {  // REQ INC-3 edge case
  RoutingDecision d = route({SubjectKind::kPupil,
                             50,
                             "cyberbullying",
                             false,
                             false,
                             {{1, "is involved in the concern"}}});
  EXPECT_THAT(ids(d), ElementsAre(3));
  EXPECT_TRUE(d.fell_back);
  EXPECT_EQ(d.people[0].routes, (std::vector<std::string>{"pupil", "fallback"}));
  EXPECT_THAT(d.notes, ::testing::Contains(HasSubstr(
                           "Routed around Dsl X (Designated safeguarding lead), who is involved")));
}

TEST_F(ConcernRoutingTest, DslWhoIsTheSubjectIsNeverSentIt) {  // REQ INC-3 edge case
  // Reported as a concern about staff naming the DSL: the head has it, never the DSL.
  RoutingDecision staff = route({SubjectKind::kStaff, 1, "staff_pupil_contact", false, false, {}});
  EXPECT_THAT(ids(staff), ElementsAre(3));
  // Even when the profile would send staff concerns to the DSL too.
  rules_.routing.staff = {Role::kDsl, Role::kHeadteacher};
  EXPECT_THAT(ids(route({SubjectKind::kStaff, 1, "staff_pupil_contact", false, false, {}})),
              ElementsAre(3));
}

TEST_F(ConcernRoutingTest, HeadAndDslBothConflictedGoesToTheChair) {  // REQ INC-3 edge case
  RoutingDecision d =
      route({SubjectKind::kPupil,
             50,
             "cyberbullying",
             false,
             false,
             {{1, "is involved in the concern"}, {3, "is a parent or carer of Amy"}}});
  EXPECT_THAT(ids(d), ElementsAre(4));
  EXPECT_TRUE(d.fell_back);
}

TEST_F(ConcernRoutingTest, HeadteacherReportingAboutThemselvesReachesOnlyTheChair) {  // REQ LAW-3
  // The reporter is not an input: routing never depends on who reported, only
  // on who it is about, and the head is excluded as the subject.
  RoutingDecision d = route({SubjectKind::kHeadteacher, 3, "defamatory_post", true, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(4, 5));
  for (const auto& p : d.people) EXPECT_NE(p.person_id, 3);
}

TEST_F(ConcernRoutingTest, NobodyHoldsTheRoleFallsBackToHeadThenChairThenTrust) {  // REQ INC-3
  std::erase_if(holders_, [](const RoleHolder& h) { return h.role == Role::kDsl; });
  RoutingDecision d = route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(3));
  EXPECT_TRUE(d.fell_back);
  EXPECT_THAT(d.notes, ::testing::Contains(
                           "No one holds the role of Designated safeguarding lead at the school."));

  std::erase_if(holders_, [](const RoleHolder& h) { return h.role == Role::kHeadteacher; });
  EXPECT_THAT(ids(route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}})),
              ElementsAre(4));
  std::erase_if(holders_, [](const RoleHolder& h) { return h.role == Role::kChairOfGovernors; });
  EXPECT_THAT(ids(route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}})),
              ElementsAre(7));  // the trust-wide board member
  std::erase_if(holders_, [](const RoleHolder& h) { return h.role == Role::kTrustBoardMember; });
  RoutingDecision none = route({SubjectKind::kPupil, 50, "cyberbullying", false, false, {}});
  EXPECT_TRUE(none.unroutable);
  EXPECT_TRUE(none.people.empty());
}

TEST_F(ConcernRoutingTest, NoDpoFallsBackForTheIcoDecision) {  // REQ LAW-4
  std::erase_if(holders_, [](const RoleHolder& h) { return h.role == Role::kDpo; });
  RoutingDecision d = route({SubjectKind::kPupil, 50, "data_breach", true, false, {}});
  EXPECT_THAT(ids(d), ElementsAre(1, 3));
  EXPECT_EQ(d.people[1].routes, (std::vector<std::string>{"personal_data", "fallback"}));
  EXPECT_TRUE(d.fell_back);
}

}  // namespace
}  // namespace inloco

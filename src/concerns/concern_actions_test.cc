// REQ INC-6: actions recorded: platform contacted, CEOP and police decisions
//            with reasons, parents informed, sanctions, support.
// REQ INC-7: closing records the debrief.
// REQ LAW-1: every decision has its reason; the chronology is never rewritten.
// REQ LAW-3: the LADO decision or low-level path is recorded before closing.
// REQ LAW-4: the DPO's ICO decision, with its reason, against the clock.
// REQ LAW-5: information shared: what, with whom, when, why.
#include "concerns/concern_actions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "concerns/concern_test_fixture.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;

class ConcernActionsTest : public test::ConcernFixture {
 protected:
  Status close(int64_t by, int64_t concern, Debrief d = {"Check group chats earlier.", "none"}) {
    return write([&](Connection& c) {
      return close_concern(SchoolScope{c, clock_, actor(by), alpha_}, rules_concerns_, concern, d);
    });
  }
  Status reopen(int64_t by, int64_t concern, std::string reason) {
    return write([&](Connection& c) {
      return reopen_concern(SchoolScope{c, clock_, actor(by), alpha_}, concern, reason);
    });
  }
  Status ico(int64_t by, int64_t concern, bool report, std::string reason) {
    return write([&](Connection& c) {
      return record_ico_decision(SchoolScope{c, clock_, actor(by), alpha_}, concern, report,
                                 reason);
    });
  }
  std::string refusal(int64_t by, int64_t concern, ActionInput in) {
    auto r = act(by, concern, in);
    EXPECT_FALSE(r.ok());
    return r.ok() ? "" : r.error().message;
  }
};

TEST_P(ConcernActionsTest, TheChronologyRecordsEachKindWithItsReason) {  // REQ INC-6, LAW-1, LAW-5
  int64_t id = reported(about_pupil(), teacher_);
  ASSERT_TRUE(act(dsl_, id,
                  {ActionKind::kPlatformContacted,
                   clock_.now() - 60,
                   {},
                   "WhatsApp",
                   "Reported the group; awaiting reply.",
                   ""})
                  .ok());
  ASSERT_TRUE(act(dsl_, id, {ActionKind::kCeop, {}, false, "", "", "No adult involved."}).ok());
  ASSERT_TRUE(
      act(dsl_, id, {ActionKind::kParentsInformed, {}, {}, "Pam Able", "Phone call.", ""}).ok());
  ASSERT_TRUE(
      act(dsl_, id, {ActionKind::kSupportOffered, {}, {}, "Amy Able", "Weekly check-in.", ""})
          .ok());
  ASSERT_TRUE(act(dsl_, id,
                  {ActionKind::kInformationShared,
                   {},
                   {},
                   "Children's social care",
                   "The messages and our notes.",
                   "Section 17 referral."})
                  .ok());
  auto opened = open(dsl_, id);
  ASSERT_TRUE(opened.ok());
  ASSERT_EQ(opened->actions.size(), 5u);
  EXPECT_EQ(opened->actions[0].kind, ActionKind::kPlatformContacted);  // by when it was done
  EXPECT_EQ(opened->actions[1].decision, std::optional<bool>(false));
  EXPECT_EQ(opened->actions[1].reason, "No adult involved.");
  EXPECT_EQ(opened->actions[4].counterpart, "Children's social care");
  EXPECT_EQ(opened->actions[4].reason, "Section 17 referral.");
  EXPECT_EQ(audits("concern.action"), 5);
}

TEST_P(ConcernActionsTest,
       DecisionsWithoutReasonsAndMissingDetailsAreRefused) {  // REQ INC-6, LAW-1, LAW-5
  int64_t id = reported(about_pupil(), teacher_);
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kCeop, {}, std::nullopt, "", "", "x"}),
              HasSubstr("whether a CEOP report was made"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kCeop, {}, true, "", "", ""}),
              HasSubstr("Give the reason"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kPolice, {}, false, "", "", " "}),
              HasSubstr("Give the reason"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kInformationShared, {}, {}, "Police", "Notes", ""}),
              HasSubstr("why it was shared"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kInformationShared, {}, {}, "", "Notes", "Why"}),
              HasSubstr("which agency"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kPlatformContacted, {}, {}, "", "Done", ""}),
              HasSubstr("Name the platform"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kNote, clock_.now() + 100, {}, "", "Later", ""}),
              HasSubstr("in the future"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kLadoReferral, {}, false, "", "", "No"}),
              HasSubstr("for allegations about members of staff"));
  EXPECT_THAT(refusal(dsl_, id, {ActionKind::kClosed, {}, {}, "", "x", "y"}),
              HasSubstr("their own forms"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM concern_actions"), 0);
}

TEST_P(ConcernActionsTest,
       OnlyViewersActAndTheProfileNamesCeopAndPoliceDeciders) {  // REQ INC-6, IAM-2
  int64_t id = reported(about_pupil(), teacher_);
  auto reporter = act(teacher_, id, {ActionKind::kNote, {}, {}, "", "Follow-up", ""});
  ASSERT_FALSE(reporter.ok());
  EXPECT_EQ(reporter.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(write([&](Connection& c) {
                return grant_case_access(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, deputy_,
                                         "Pastoral lead.");
              }).ok());
  EXPECT_TRUE(
      act(deputy_, id, {ActionKind::kSanction, {}, {}, "", "Phone confiscated for a week.", ""})
          .ok());
  auto ceop = act(deputy_, id, {ActionKind::kCeop, {}, false, "", "", "Not needed."});
  ASSERT_FALSE(ceop.ok());
  EXPECT_EQ(ceop.error().code, ErrorCode::kForbidden);
  EXPECT_THAT(ceop.error().message,
              HasSubstr("Designated safeguarding lead decides whether to report to CEOP"));
  auto police = act(deputy_, id, {ActionKind::kPolice, {}, false, "", "", "Not a crime."});
  ASSERT_FALSE(police.ok());
  EXPECT_EQ(police.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(act(dsl_, id,
                  {ActionKind::kPolice,
                   {},
                   false,
                   "",
                   "",
                   "Both pupils are 11; education, not criminalisation."})
                  .ok());
}

TEST_P(ConcernActionsTest, ClosingNeedsTheDebriefAndAClosedCaseRefusesMore) {  // REQ INC-7, LAW-1
  int64_t id = reported(about_pupil(), teacher_);
  Status no_debrief = close(dsl_, id, {"", ""});
  ASSERT_FALSE(no_debrief.ok());
  EXPECT_THAT(no_debrief.error().message, HasSubstr("lessons learnt"));
  ASSERT_EQ(no_debrief.error().details.size(), 1u);
  EXPECT_THAT(no_debrief.error().details[0], HasSubstr("or write \"none\""));
  // The reporter and someone added cannot close it.
  EXPECT_EQ(close(teacher_, id).error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(write([&](Connection& c) {
                return grant_case_access(SchoolScope{c, clock_, actor(dsl_), alpha_}, id,
                                         deputy_dsl_, "Cover.");
              }).ok());
  EXPECT_EQ(close(deputy_dsl_, id).error().code, ErrorCode::kForbidden);

  ASSERT_TRUE(
      close(dsl_, id, {"Check group chats earlier.", "Add group chats to Year 6 PSHE."}).ok());
  auto closed = open(dsl_, id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->concern.status, ConcernStatus::kClosed);
  EXPECT_EQ(closed->concern.policy_change, "Add group chats to Year 6 PSHE.");
  auto more = act(dsl_, id, {ActionKind::kNote, {}, {}, "", "Late note", ""});
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(more.error().code, ErrorCode::kConflict);
  EXPECT_THAT(more.error().message, HasSubstr("Reopen it"));
  EXPECT_EQ(close(dsl_, id).error().code, ErrorCode::kConflict);

  EXPECT_EQ(reopen(dsl_, id, "").error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(reopen(dsl_, id, "The messages started again.").ok());
  EXPECT_TRUE(act(dsl_, id, {ActionKind::kNote, {}, {}, "", "Spoke to the class.", ""}).ok());
  ASSERT_TRUE(close(dsl_, id).ok());
  auto history = open(dsl_, id);
  ASSERT_TRUE(history.ok());
  std::vector<ActionKind> kinds;
  for (const auto& a : history->actions) kinds.push_back(a.kind);
  EXPECT_EQ(kinds, (std::vector<ActionKind>{ActionKind::kClosed, ActionKind::kReopened,
                                            ActionKind::kNote, ActionKind::kClosed}));
  EXPECT_EQ(history->actions[0].reason, "Add group chats to Year 6 PSHE.");  // first debrief kept
  EXPECT_EQ(audits("concern.close"), 2);
  EXPECT_EQ(audits("concern.reopen"), 1);

  // Without the profile's requirement, no debrief is needed.
  rules_concerns_.debrief_required = false;
  int64_t other = reported(about_pupil(bob_), teacher_);
  EXPECT_TRUE(close(dsl_, other, {"", ""}).ok());
}

TEST_P(ConcernActionsTest, CriminalTypesNeedAPoliceDecisionBeforeClosing) {  // REQ INC-6, LAW-1
  ConcernReport r = about_pupil();
  r.type = "grooming";
  r.risk_area = "contact";
  int64_t id = reported(r, teacher_);
  Status s = close(dsl_, id);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("record whether the police were involved"));
  ASSERT_TRUE(
      act(dsl_, id, {ActionKind::kPolice, {}, true, "", "", "An adult sought contact."}).ok());
  EXPECT_TRUE(close(dsl_, id).ok());
}

TEST_P(ConcernActionsTest, StaffConcernsNeedTheLadoOrLowLevelPath) {  // REQ LAW-3
  int64_t id = reported(about_staff(teacher2_), teacher_);
  ASSERT_TRUE(
      act(head_, id, {ActionKind::kPolice, {}, false, "", "", "No offence suggested."}).ok());
  Status s = close(head_, id);
  ASSERT_FALSE(s.ok());
  EXPECT_THAT(s.error().message, HasSubstr("referred to the LADO"));
  EXPECT_THAT(refusal(head_, id, {ActionKind::kLowLevelConcern, {}, {}, "", "", ""}),
              HasSubstr("does not meet the harm threshold"));
  ASSERT_TRUE(act(head_, id,
                  {ActionKind::kLowLevelConcern,
                   {},
                   {},
                   "",
                   "",
                   "Poor judgement, no harm: a reminder of the code of conduct."})
                  .ok());
  EXPECT_TRUE(close(head_, id).ok());
}

TEST_P(ConcernActionsTest, TheDpoRecordsTheIcoDecisionAgainstTheClock) {  // REQ LAW-4
  ConcernReport r = about_pupil();
  r.type = "data_breach";
  int64_t id = reported(r, teacher_);
  Status before = close(dsl_, id);
  ASSERT_FALSE(before.ok());
  EXPECT_THAT(before.error().message, HasSubstr("decision on reporting to the ICO"));
  // Only the DPO it was routed to decides; not the DSL who can see the case.
  EXPECT_EQ(ico(dsl_, id, false, "Low risk.").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(ico(dpo_, id, false, "").error().code, ErrorCode::kInvalid);
  clock_.advance(73 * 3600);  // late, but still recorded, and the record says so
  ASSERT_TRUE(ico(dpo_, id, false, "Names only, shared with one parent, deleted at once.").ok());
  EXPECT_EQ(ico(dpo_, id, true, "Changed my mind.").error().code, ErrorCode::kConflict);
  auto c = open(dpo_, id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->concern.ico_reported, std::optional<bool>(false));
  EXPECT_FALSE(c->concern.ico_decision_overdue(clock_.now()));
  ASSERT_EQ(c->actions.size(), 1u);
  EXPECT_EQ(c->actions[0].kind, ActionKind::kIcoDecision);
  EXPECT_THAT(c->actions[0].detail, HasSubstr("after the deadline"));
  EXPECT_EQ(audits("concern.ico_decision"), 1);
  EXPECT_TRUE(close(dsl_, id).ok());

  int64_t plain = reported(about_pupil(bob_), teacher_);
  EXPECT_EQ(ico(dsl_, plain, true, "x").error().code, ErrorCode::kInvalid);
}

INLOCO_INSTANTIATE_BACKENDS(ConcernActionsTest);

}  // namespace
}  // namespace inloco

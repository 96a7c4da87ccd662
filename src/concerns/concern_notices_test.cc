// REQ INC-3: the people a concern is routed to are told in the application,
// the reporter is not told where it went, opening the case marks it read,
// access added and a reopening tell the people concerned; the dashboard
// counts what is new and what is overdue.
// REQ LAW-3: the LADO decision is due one working day after the report.
#include <gtest/gtest.h>

#include "concerns/concern_test_fixture.h"
#include "notices/notice_store.h"

namespace inloco {
namespace {

class ConcernNoticeTest : public test::ConcernFixture {
 protected:
  std::vector<Notice> notices(int64_t person) {
    auto r = read([&](Connection& c) { return notices_for(c, person, 50); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<Notice>{};
  }
  int64_t unread(int64_t person) {
    auto r = read([&](Connection& c) { return unread_notices(c, person); });
    return r.ok() ? *r : -1;
  }
  CaseCounts counts(int64_t person) {
    auto r = read([&](Connection& c) { return count_cases_for(c, clock_, person, alpha_); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : CaseCounts{};
  }
};

TEST_P(ConcernNoticeTest, TheRoutedAreToldAndTheReporterIsNot) {
  int64_t id = reported(about_pupil(), teacher_);
  auto dsl = notices(dsl_);
  ASSERT_EQ(dsl.size(), 1u);
  EXPECT_EQ(dsl[0].kind, NoticeKind::kConcernRouted);
  EXPECT_EQ(dsl[0].concern_id, id);
  EXPECT_EQ(dsl[0].school_id, alpha_);
  EXPECT_TRUE(dsl[0].unread());
  EXPECT_TRUE(notices(teacher_).empty());
  EXPECT_TRUE(notices(head_).empty()) << "a pupil concern is not the head's unless routed";

  // Opening the case marks it read; a second report makes one unread again, listed first.
  ASSERT_TRUE(open(dsl_, id).ok());
  EXPECT_EQ(unread(dsl_), 0);
  clock_.advance(60);
  int64_t second = reported(about_pupil(bob_), teacher_);
  dsl = notices(dsl_);
  ASSERT_EQ(dsl.size(), 2u);
  EXPECT_EQ(dsl[0].concern_id, second);
  EXPECT_FALSE(dsl[1].unread());
}

TEST_P(ConcernNoticeTest, AReporterWhoIsRoutedIsNotToldOfTheirOwnReport) {
  reported(about_pupil(), dsl_);
  EXPECT_EQ(unread(dsl_), 0);
}

TEST_P(ConcernNoticeTest, PersonalDataAlsoTellsTheDpo) {
  ConcernReport r = about_pupil();
  r.involves_personal_data = true;
  int64_t id = reported(r, teacher_);
  ASSERT_EQ(notices(dpo_).size(), 1u);
  EXPECT_EQ(notices(dpo_)[0].concern_id, id);
  EXPECT_EQ(unread(dsl_), 1);
}

TEST_P(ConcernNoticeTest, AccessAddedAndReopeningTellThePeopleConcerned) {
  int64_t id = reported(about_pupil(), teacher_);
  auto granted = write([&](Connection& c) {
    return grant_case_access(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, head_,
                             "The head leads on the parents' meeting");
  });
  ASSERT_TRUE(granted.ok()) << granted.error().message;
  auto head = notices(head_);
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(head[0].kind, NoticeKind::kConcernAccessAdded);
  // A refused grant tells nobody.
  auto refused = write([&](Connection& c) {
    return grant_case_access(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, amy_, "x");
  });
  EXPECT_FALSE(refused.ok());
  EXPECT_TRUE(notices(amy_).empty());

  ActionInput done;
  done.kind = ActionKind::kParentsInformed;
  done.counterpart = "Amy's mother";
  ASSERT_TRUE(act(dsl_, id, done).ok());
  ASSERT_TRUE(write([&](Connection& c) {
                return close_concern(SchoolScope{c, clock_, actor(dsl_), alpha_}, rules_concerns_,
                                     id, Debrief{"Talk to the class sooner", "none"});
              }).ok());
  ASSERT_TRUE(
      write([&](Connection& c) {
        return reopen_concern(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, "More messages");
      }).ok());
  head = notices(head_);
  ASSERT_EQ(head.size(), 2u);
  EXPECT_EQ(head[0].kind, NoticeKind::kConcernReopened);
  for (const Notice& n : notices(dsl_)) EXPECT_NE(n.kind, NoticeKind::kConcernReopened);
}

TEST_P(ConcernNoticeTest, CountsShowNewAndOverdue) {
  ConcernReport r = about_pupil();
  r.involves_personal_data = true;
  int64_t id = reported(r, teacher_);
  CaseCounts c = counts(dsl_);
  EXPECT_EQ(c.open, 1);
  EXPECT_EQ(c.new_cases, 1);
  EXPECT_EQ(c.overdue, 0);
  ActionInput note;
  note.kind = ActionKind::kNote;
  note.detail = "Spoke to Amy";
  ASSERT_TRUE(act(dsl_, id, note).ok());
  EXPECT_EQ(counts(dsl_).new_cases, 0);
  // The ICO decision's 72 hours run out.
  clock_.advance(72 * 3600 + 1);
  EXPECT_EQ(counts(dsl_).overdue, 1);
  EXPECT_EQ(counts(dpo_).overdue, 1);
  // Someone who cannot open it counts nothing.
  EXPECT_EQ(counts(teacher_).open, 0);
  // Counting is not a view of any case: nothing audited.
  EXPECT_EQ(audits("concern.list"), 0);
}

TEST_P(ConcernNoticeTest, AStaffConcernIsOverdueAfterOneWorkingDayWithoutTheLadoDecision) {
  int64_t id = reported(about_staff(teacher2_), teacher_);
  EXPECT_EQ(counts(head_).overdue, 0);
  clock_.set(lado_decision_due(clock_.now()) + 1);
  EXPECT_EQ(counts(head_).overdue, 1);
  auto k = open(head_, id);
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_TRUE(k->lado_decision_overdue(clock_.now()));
  ActionInput lado;
  lado.kind = ActionKind::kLadoReferral;
  lado.decision = true;
  lado.counterpart = "LADO";
  lado.reason = "The contact may meet the harm threshold";
  ASSERT_TRUE(act(head_, id, lado).ok());
  EXPECT_EQ(counts(head_).overdue, 0);
}

INLOCO_INSTANTIATE_BACKENDS(ConcernNoticeTest);

TEST(LadoDecisionDue, OneWorkingDayLater) {
  // 2026-11-18 was a Wednesday; 2026-11-20 a Friday; 2026-11-21 a Saturday.
  const int64_t wednesday_10am = 1794996000;
  EXPECT_EQ(format_utc(wednesday_10am).substr(0, 10), "2026-11-18");
  EXPECT_EQ(format_utc(lado_decision_due(wednesday_10am)).substr(0, 16), "2026-11-19T10:00");
  EXPECT_EQ(format_utc(lado_decision_due(wednesday_10am + 2 * 86400)).substr(0, 16),
            "2026-11-23T10:00");
  EXPECT_EQ(format_utc(lado_decision_due(wednesday_10am + 3 * 86400)).substr(0, 16),
            "2026-11-23T10:00");
  EXPECT_EQ(format_utc(lado_decision_due(wednesday_10am + 4 * 86400)).substr(0, 16),
            "2026-11-23T10:00");
}

}  // namespace
}  // namespace inloco

// REQ ACC-8: access reviews are scheduled by the profile's cadence, shown when due, and recorded
// with who, when, the findings and the access removed.
// REQ ACC-9: affiliated channels' content is checked periodically and recorded.
#include "accounts/access_reviews.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

constexpr int64_t kDay = 86400;

TEST(AccessReviewScheduleTest, AddsMonthsKeepingTheDayWhereItExists) {
  EXPECT_EQ(add_months({2026, 1, 15}, 6).iso(), "2026-07-15");
  EXPECT_EQ(add_months({2026, 8, 31}, 6).iso(), "2027-02-28");
  EXPECT_EQ(add_months({2027, 11, 30}, 3).iso(), "2028-02-29");
  EXPECT_EQ(add_months({2026, 12, 1}, 1).iso(), "2027-01-01");
  EXPECT_EQ(add_months({2026, 5, 1}, 24).iso(), "2028-05-01");
}

class AccessReviewsTest : public test::AccountFixture {
 protected:
  std::vector<DueReview> due(int days_ahead = 30) {
    auto r = read([&](Connection& c) {
      return list_due(c, alpha_, date_of(clock_.now()), rules_, days_ahead);
    });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<DueReview>{};
  }
  Result<int64_t> review(int64_t account, int64_t by, std::string findings,
                         std::vector<int64_t> revoke = {}) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return record_review(SchoolScope{c, clock_, actor(by), alpha_}, g, rules_, account,
                           ReviewRecord{std::move(findings), std::move(revoke)});
    });
  }
};

TEST_P(AccessReviewsTest, OpenAccountsFallDueByTheProfilesCadence) {
  int64_t fb = open_account();  // opened 2026-09-01
  auto pta = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(pta.ok());
  ASSERT_TRUE(decide(*pta, pta_chair_, true).ok());
  auto waiting = propose(proposal("youtube", "Alpha"), lead_);  // not open: never due
  ASSERT_TRUE(waiting.ok());

  EXPECT_TRUE(due().empty());
  clock_.advance(70 * kDay);  // 2026-11-10: the content check is due 2026-12-01
  auto soon = due();
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].account_id, *pta);
  EXPECT_EQ(soon[0].kind, ReviewKind::kContentCheck);
  EXPECT_EQ(soon[0].due_on.iso(), "2026-12-01");
  EXPECT_FALSE(soon[0].overdue);
  EXPECT_FALSE(soon[0].last_done_on);

  clock_.set(1788220800 + 200 * kDay);  // 2027-03-20
  auto later = due();
  ASSERT_EQ(later.size(), 2u);
  EXPECT_EQ(later[0].account_id, *pta);  // soonest first
  EXPECT_TRUE(later[0].overdue);
  EXPECT_EQ(later[1].account_id, fb);
  EXPECT_EQ(later[1].kind, ReviewKind::kAccessReview);
  EXPECT_EQ(later[1].due_on.iso(), "2027-03-01");
  EXPECT_TRUE(later[1].overdue);

  // A review moves the next one on by the cadence.
  ASSERT_TRUE(review(fb, head_, "All access still needed.").ok());
  auto after = due(400);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].account_id, fb);
  EXPECT_EQ(after[1].due_on.iso(), "2027-09-20");
  EXPECT_EQ(optional_iso(after[1].last_done_on), "2027-03-20");
  EXPECT_FALSE(after[1].overdue);

  // The profile's cadence decides; 0 schedules nothing.
  rules_.access_review_months = 12;
  EXPECT_EQ(due(800)[1].due_on.iso(), "2028-03-20");
  rules_.affiliated_check_months = 0;
  EXPECT_EQ(due(800).size(), 1u);
}

TEST_P(AccessReviewsTest, AReviewRecordsWhoWhenFindingsAndTheAccessItRemoved) {
  int64_t fb = open_account();
  ASSERT_TRUE(authorise(fb, lead_, AuthorisationKind::kAdmin).ok());
  auto teach = authorise(fb, teacher_, AuthorisationKind::kPost);
  ASSERT_TRUE(teach.ok());
  auto teach2 = authorise(fb, teacher2_, AuthorisationKind::kPost);
  ASSERT_TRUE(teach2.ok());
  clock_.advance(180 * kDay);

  auto id = review(fb, head_, "Two teachers no longer post; their access is removed.",
                   {*teach, *teach2, *teach});
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto history = read([&](Connection& c) { return list_reviews(c, alpha_, fb); });
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  const AccountReview& r = (*history)[0];
  EXPECT_EQ(r.kind, ReviewKind::kAccessReview);
  EXPECT_EQ(r.reviewed_by, head_);
  EXPECT_EQ(r.reviewer_name, "Helen Head");
  EXPECT_EQ(r.reviewed_at, clock_.now());
  EXPECT_EQ(r.findings, "Two teachers no longer post; their access is removed.");
  ASSERT_EQ(r.access_removed.size(), 2u);
  EXPECT_EQ(r.access_removed[0].person_name, "Tom Teacher");
  EXPECT_EQ(r.access_removed[0].revoked_at, clock_.now());
  EXPECT_EQ(r.access_removed[0].revoke_reason, "Removed at the access review of 2027-02-28");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM account_authorisations WHERE revoked_at IS NULL"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'account.review'"), 1);
}

TEST_P(AccessReviewsTest, BadReviewsAreRefusedAndNothingChanges) {
  int64_t fb = open_account();
  auto teach = authorise(fb, teacher_, AuthorisationKind::kPost);
  ASSERT_TRUE(teach.ok());
  int64_t other = open_account(proposal("instagram", "alpha"));
  auto other_grant = authorise(other, teacher_, AuthorisationKind::kPost);
  ASSERT_TRUE(other_grant.ok());
  std::string before = snapshot();

  auto empty = review(fb, head_, "  ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  EXPECT_NE(empty.error().message.find("Write down what the access review found"),
            std::string::npos);

  // An authorisation of another account is not removed by this review.
  auto wrong = review(fb, head_, "Remove", {*teach, *other_grant});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  EXPECT_NE(wrong.error().message.find("is not a current authorisation"), std::string::npos);

  // Removing access is for the authorisers; the review itself is not.
  auto deputy = review(fb, deputy_, "Remove Tom", {*teach});
  ASSERT_FALSE(deputy.ok());
  EXPECT_EQ(deputy.error().code, ErrorCode::kForbidden);
  EXPECT_NE(deputy.error().message.find("ask them to revoke the access"), std::string::npos);
  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(
      review(fb, deputy_, "Tom no longer needs to post: asked the head to remove it.").ok());
}

TEST_P(AccessReviewsTest, ContentChecksAreRecordedByTheProfilesCheckers) {
  auto pta = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(pta.ok());
  ASSERT_TRUE(decide(*pta, pta_chair_, true).ok());
  std::string before = snapshot();
  auto lead = review(*pta, lead_, "Fine.");
  ASSERT_FALSE(lead.ok());
  EXPECT_EQ(lead.error().code, ErrorCode::kForbidden);
  EXPECT_NE(
      lead.error().message.find("the Headteacher or the Deputy headteacher check the content"),
      std::string::npos);
  EXPECT_EQ(snapshot(), before);

  ASSERT_TRUE(
      review(*pta, deputy_, "A photo with a pupil's full name was taken down at our request.")
          .ok());
  auto history = read([&](Connection& c) { return list_reviews(c, alpha_, *pta); });
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].kind, ReviewKind::kContentCheck);
  EXPECT_EQ((*history)[0].reviewer_name, "Dev Deputy");
}

TEST_P(AccessReviewsTest, ClosedAccountsNeedNoReview) {
  int64_t fb = open_account();
  Grants g = grants(head_);
  ASSERT_TRUE(
      write([&](Connection& c) {
        return close_account(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_, fb, "");
      }).ok());
  clock_.advance(400 * kDay);
  EXPECT_TRUE(due().empty());
  auto r = review(fb, head_, "Checked");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("needs no access review"), std::string::npos);
}

INLOCO_INSTANTIATE_BACKENDS(AccessReviewsTest);

}  // namespace
}  // namespace inloco

// REQ CON-5: a withdrawal lists every published post showing the pupil and
//            opens a removal task for each, tracked until removed or not practicable.
// REQ IAM-3: opening and ending a task is audited.
#include "consent/removal_tasks.h"

#include <gtest/gtest.h>

#include "consent/consent_test_fixture.h"

namespace inloco {
namespace {

class RemovalTasksTest : public test::ConsentFixture {
 protected:
  void SetUp() override {
    ConsentFixture::SetUp();
    if (HasFatalFailure()) return;
    facebook_ = open_account();
    instagram_ = open_account(proposal("instagram", "@alphaprimary"));
    ASSERT_TRUE(authorise(facebook_, lead_, AuthorisationKind::kAdmin).ok());
    ASSERT_TRUE(authorise(facebook_, ict_, AuthorisationKind::kAdmin).ok());
    ASSERT_TRUE(authorise(facebook_, teacher_, AuthorisationKind::kPost).ok());
    posts_[amara_] = {
        {101, facebook_, "https://facebook.example/posts/101", CalendarDate{2026, 9, 3}},
        {102, instagram_, "https://instagram.example/p/102", CalendarDate{2026, 9, 4}}};
    ASSERT_TRUE(record(form(amara_, std::string(kImagesUse), ConsentState::kGranted, ngozi_)).ok());
    clock_.set(1791331200);  // 2026-10-07
  }

  int64_t withdraw_amara() {
    auto w = withdraw(form(amara_, std::string(kImagesUse), ConsentState::kRefused, ngozi_,
                           {2026, 10, 6}, "Letter"));
    EXPECT_TRUE(w.ok()) << w.error().message;
    return w.ok() ? w->decision_id : 0;
  }

  std::vector<RemovalTask> outstanding() {
    auto r = read([&](Connection& c) { return outstanding_removals(c, alpha_); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value_or(std::vector<RemovalTask>{});
  }

  Status resolve(int64_t task, RemovalStatus outcome, std::string reason, int64_t school = 0) {
    return write([&](Connection& c) {
      return resolve_removal(SchoolScope{c, clock_, actor(lead_), school ? school : alpha_}, task,
                             outcome, reason);
    });
  }

  int64_t facebook_ = 0, instagram_ = 0;
};

TEST_P(RemovalTasksTest, WithdrawalOpensATaskPerPostForTheAccountsAdmins) {  // REQ CON-5
  int64_t withdrawal = withdraw_amara();
  EXPECT_EQ(finder_calls_, 1);
  EXPECT_EQ(last_use_, kImagesUse);
  std::vector<RemovalTask> tasks = outstanding();
  ASSERT_EQ(tasks.size(), 2u);
  const RemovalTask& fb = tasks[0];
  EXPECT_EQ(fb.withdrawal_id, withdrawal);
  EXPECT_EQ(fb.post_id, 101);
  EXPECT_EQ(fb.pupil_name, "Amara Okafor");
  EXPECT_EQ(fb.live_url, "https://facebook.example/posts/101");
  EXPECT_EQ(fb.published_on.iso(), "2026-09-03");
  EXPECT_EQ(fb.due_on.iso(), "2026-10-11");  // withdrawal date + removal_within_days (5)
  EXPECT_EQ(fb.status, RemovalStatus::kOpen);
  ASSERT_EQ(fb.assigned_to.size(), 2u);  // the admins; not the teacher who only posts
  EXPECT_EQ(fb.assigned_to[0].name, "Lucy Lead");
  EXPECT_EQ(fb.assigned_to[1].name, "Ian Tech");
  // No admin authorised on Instagram: the holders of its master admin role.
  ASSERT_EQ(tasks[1].assigned_to.size(), 1u);
  EXPECT_EQ(tasks[1].assigned_to[0].person_id, head_);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.removal_open'"), 2);

  // The profile's number of days.
  consent_rules_.removal_within_days = 2;
  posts_[ben_] = {{103, facebook_, "u", CalendarDate{2026, 9, 10}}};
  ASSERT_TRUE(record(form(ben_, std::string(kImagesUse), ConsentState::kGranted, dan_)).ok());
  ASSERT_TRUE(withdraw(form(ben_, std::string(kImagesUse), ConsentState::kRefused, dan_,
                            {2026, 10, 7}, "L2"))
                  .ok());
  tasks = outstanding();
  ASSERT_EQ(tasks.size(), 3u);
  EXPECT_EQ(tasks[0].post_id, 103);  // the soonest due first
  EXPECT_EQ(tasks[0].due_on.iso(), "2026-10-09");
}

TEST_P(RemovalTasksTest, ATaskEndsRemovedOrNotPracticable) {  // REQ CON-5
  withdraw_amara();
  std::vector<RemovalTask> tasks = outstanding();
  ASSERT_EQ(tasks.size(), 2u);

  ASSERT_TRUE(resolve(tasks[0].id, RemovalStatus::kRemoved, "").ok());
  auto blank = resolve(tasks[1].id, RemovalStatus::kNotPracticable, "  ");
  ASSERT_FALSE(blank.ok());
  EXPECT_EQ(blank.error().code, ErrorCode::kInvalid);
  EXPECT_NE(blank.error().message.find("Say why"), std::string::npos);
  auto open = resolve(tasks[1].id, RemovalStatus::kOpen, "x");
  EXPECT_FALSE(open.ok());
  ASSERT_TRUE(resolve(tasks[1].id, RemovalStatus::kNotPracticable,
                      "Shared by the local paper; the platform refused the request.")
                  .ok());
  EXPECT_TRUE(outstanding().empty());

  auto done = read([&](Connection& c) { return get_removal_task(c, alpha_, tasks[0].id); });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->status, RemovalStatus::kRemoved);
  EXPECT_EQ(done->resolved_by, lead_);
  EXPECT_EQ(done->resolved_at, clock_.now());
  auto np = read([&](Connection& c) { return get_removal_task(c, alpha_, tasks[1].id); });
  EXPECT_EQ(np->status, RemovalStatus::kNotPracticable);
  EXPECT_EQ(np->reason, "Shared by the local paper; the platform refused the request.");

  auto again = resolve(tasks[0].id, RemovalStatus::kNotPracticable, "changed my mind");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.removal_resolve'"), 2);

  // Tasks stay on record with the withdrawal.
  auto all =
      read([&](Connection& c) { return removal_tasks_for(c, alpha_, tasks[0].withdrawal_id); });
  EXPECT_EQ(all->size(), 2u);
}

TEST_P(RemovalTasksTest, AnotherSchoolCannotSeeOrEndTheTask) {  // REQ ORG-1
  withdraw_amara();
  std::vector<RemovalTask> tasks = outstanding();
  ASSERT_FALSE(tasks.empty());
  auto other = resolve(tasks[0].id, RemovalStatus::kRemoved, "", beta_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto list = read([&](Connection& c) { return outstanding_removals(c, beta_); });
  EXPECT_TRUE(list->empty());
}

TEST_P(RemovalTasksTest, APostOnAnotherSchoolsAccountUndoesTheWithdrawal) {
  int64_t beta_account = 0;
  {
    auto p = propose(proposal("x", "@betaacademy"), beta_head_, beta_);
    ASSERT_TRUE(p.ok()) << p.error().message;
    beta_account = *p;
  }
  posts_[amara_].push_back({104, beta_account, "u", CalendarDate{2026, 9, 5}});
  std::string before = consent_snapshot();
  auto w = withdraw(form(amara_, std::string(kImagesUse), ConsentState::kRefused, ngozi_,
                         {2026, 10, 6}, "Letter"));
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(consent_snapshot(), before);
}

TEST_P(RemovalTasksTest, ARefusalInTheGridThatEndsConsentIsAWithdrawal) {  // REQ CON-5, LAW-9
  auto grid = write([&](Connection& c) {
    return record_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_,
                       AcademicYear{2026},
                       {form(amara_, std::string(kImagesUse), ConsentState::kRefused, ngozi_,
                             {2026, 10, 6}, "Letter")},
                       finder());
  });
  ASSERT_TRUE(grid.ok()) << grid.error().message;
  EXPECT_EQ(grid->withdrawals, 1);
  EXPECT_EQ(grid->removal_tasks, 2);
  EXPECT_EQ(outstanding().size(), 2u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.withdraw'"), 1);
}

TEST_P(RemovalTasksTest, StatusKeysRoundTrip) {
  for (RemovalStatus s :
       {RemovalStatus::kOpen, RemovalStatus::kRemoved, RemovalStatus::kNotPracticable})
    EXPECT_EQ(parse_removal_status(removal_status_key(s)), s);
  EXPECT_FALSE(parse_removal_status("done").has_value());
}

INLOCO_INSTANTIATE_BACKENDS(RemovalTasksTest);

}  // namespace
}  // namespace inloco

// REQ ACC-5: a teacher sees only the accounts they are authorised on; the
// register is whole for those who keep it.
// REQ ORG-1: another school's accounts are never seen.
// Who sees which official accounts (account_visibility.h), on both databases.
#include "accounts/account_visibility.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"

namespace inloco {
namespace {

class AccountVisibilityTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    test::AccountFixture::SetUp();
    if (HasFatalFailure()) return;
    auto school = read([&](Connection& c) { return get_school(c, alpha_); });
    ASSERT_TRUE(school.ok()) << school.error().message;
    alpha_school_ = *school;
  }

  std::vector<int64_t> listed_for(int64_t person) {
    Grants g = grants(person);
    auto list = read([&](Connection& c) {
      return register_for(c, alpha_school_, rules_, AccountViewer{person, g});
    });
    EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().message);
    std::vector<int64_t> ids;
    if (list.ok())
      for (const auto& e : *list) ids.push_back(e.account.id);
    return ids;
  }

  Result<RegisterEntry> account(int64_t person, int64_t id) {
    Grants g = grants(person);
    return read([&](Connection& c) {
      return account_for(c, alpha_school_, id, rules_, AccountViewer{person, g});
    });
  }

  std::vector<int64_t> postable_for(int64_t person) {
    auto list = read([&](Connection& c) { return accounts_to_post_to(c, alpha_, rules_, person); });
    EXPECT_TRUE(list.ok());
    std::vector<int64_t> ids;
    if (list.ok())
      for (const auto& e : *list) ids.push_back(e.account.id);
    return ids;
  }

  School alpha_school_;
};

TEST_P(AccountVisibilityTest, TheWholeRegisterForItsKeepersOwnAccountsForOthers) {
  int64_t news = open_account();
  int64_t sport = open_account(proposal("instagram", "Alpha Sport"));
  ASSERT_TRUE(authorise(news, teacher_, AuthorisationKind::kPost).ok());
  EXPECT_EQ(listed_for(teacher_), std::vector<int64_t>{news});
  EXPECT_TRUE(listed_for(teacher2_).empty());
  EXPECT_EQ(listed_for(head_).size(), 2u);
  EXPECT_EQ(listed_for(governor_).size(), 2u) << "governors see the whole register (accounts.view)";
  EXPECT_EQ(listed_for(exec_head_).size(), 2u) << "a trust-wide role";
  EXPECT_TRUE(listed_for(beta_head_).empty()) << "a headteacher of another school";
  (void)sport;
}

TEST_P(AccountVisibilityTest, AnAccountNotOfTheirsIsAnsweredAsNone) {
  int64_t id = open_account();
  ASSERT_TRUE(authorise(id, teacher_, AuthorisationKind::kPost).ok());
  EXPECT_TRUE(account(teacher_, id).ok());
  EXPECT_TRUE(account(head_, id).ok());
  auto other = account(teacher2_, id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(other.error().message, "There is no such account among yours.");
  auto missing = account(head_, id + 1000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(AccountVisibilityTest, OnlyALiveAuthorisationCounts) {
  int64_t id = open_account();
  auto granted = authorise(id, teacher_, AuthorisationKind::kPost);
  ASSERT_TRUE(granted.ok());
  auto entry = account(head_, id);
  ASSERT_TRUE(entry.ok());
  EXPECT_TRUE(is_authorised_on(*entry, teacher_));
  EXPECT_TRUE(is_authorised_on(*entry, teacher_, AuthorisationKind::kPost));
  EXPECT_FALSE(is_authorised_on(*entry, teacher_, AuthorisationKind::kAdmin));
  Grants g = grants(head_);
  ASSERT_TRUE(write([&](Connection& c) {
                return revoke_authorisation(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_,
                                            *granted, "left the team");
              }).ok());
  EXPECT_FALSE(account(teacher_, id).ok()) << "a revoked authorisation shows nothing";
  EXPECT_TRUE(listed_for(teacher_).empty());
}

TEST_P(AccountVisibilityTest, APostIsWrittenOnlyForOpenAccountsOneMayPostTo) {
  int64_t news = open_account();
  int64_t admin_only = open_account(proposal("instagram", "Alpha Sport"));
  auto waiting = propose(proposal("x", "Alpha News"), lead_);
  ASSERT_TRUE(waiting.ok()) << waiting.error().message;
  ASSERT_TRUE(authorise(news, ict_, AuthorisationKind::kPost).ok());
  ASSERT_TRUE(authorise(admin_only, ict_, AuthorisationKind::kAdmin).ok());
  EXPECT_EQ(postable_for(ict_), std::vector<int64_t>{news});
  EXPECT_TRUE(postable_for(teacher_).empty());
}

INLOCO_INSTANTIATE_BACKENDS(AccountVisibilityTest);

}  // namespace
}  // namespace inloco

// REQ IAM-1: sessions end when idle, after an absolute limit, on sign-out and
// on a password change; only a hash of the cookie value is stored.
#include "auth/session_store.h"

#include <gtest/gtest.h>

#include "core/crypto.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class SessionStoreTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto id = db().transaction([&](Connection& c) -> Result<int64_t> {
      int64_t trust = TRY(c.insert(
          "INSERT INTO trusts (name, created_at) VALUES (?, ?) RETURNING id", {"Oak Trust", 1}));
      int64_t p1 = TRY(c.insert(
          "INSERT INTO people (trust_id, kind, given_name, family_name, created_at, updated_at) "
          "VALUES (?, 'staff', 'Ruth', 'Okafor', 1, 1) RETURNING id",
          {trust}));
      other_ = TRY(c.insert(
          "INSERT INTO people (trust_id, kind, given_name, family_name, created_at, updated_at) "
          "VALUES (?, 'staff', 'Sam', 'Lee', 1, 1) RETURNING id",
          {trust}));
      return p1;
    });
    ASSERT_TRUE(id.ok()) << id.error().message;
    person_ = *id;
  }

  NewSession create(int64_t person, bool pending = false) {
    auto s = db().transaction(
        [&](Connection& c) { return create_session(c, clock_, person, pending, "192.0.2.1"); });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? *s : NewSession{};
  }
  std::optional<Session> find(std::string_view token) {
    auto s = db().read([&](Connection& c) { return find_session(c, clock_, settings_, token); });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.ok() ? *s : std::nullopt;
  }
  int64_t count_sessions() {
    auto r = db().read(
        [](Connection& c) { return c.query_one("SELECT COUNT(*) FROM sessions", {}, "count"); });
    return r.ok() ? (*r)[0].as_int() : -1;
  }
  int64_t last_seen_in_db(const std::string& hash) {
    auto r = db().read([&](Connection& c) {
      return c.query_one("SELECT last_seen_at FROM sessions WHERE token_hash = ?", {hash}, "s");
    });
    return r.ok() ? (*r)[0].as_int() : -1;
  }

  FakeClock clock_;
  SessionSettings settings_;
  int64_t person_ = 0;
  int64_t other_ = 0;
};

TEST_P(SessionStoreTest, CreatedSessionIsFoundByItsToken) {
  NewSession s = create(person_);
  EXPECT_GE(s.token.size(), 43u);
  EXPECT_EQ(s.session.token_hash, sha256_hex(s.token));
  EXPECT_FALSE(s.session.csrf_token.empty());
  auto found = find(s.token);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->person_id, person_);
  EXPECT_EQ(found->csrf_token, s.session.csrf_token);
  EXPECT_FALSE(found->second_factor_pending);
  EXPECT_FALSE(find("not a token").has_value());
  EXPECT_FALSE(find("").has_value());
}

TEST_P(SessionStoreTest, OnlyTheHashIsStored) {
  NewSession s = create(person_);
  auto r = db().read([&](Connection& c) {
    return c.query("SELECT token_hash FROM sessions WHERE token_hash = ?", {s.token});
  });
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST_P(SessionStoreTest, IdleSessionExpiresAndIsDeleted) {
  NewSession s = create(person_);
  clock_.advance(settings_.idle_timeout - 1);
  EXPECT_TRUE(find(s.token).has_value());  // and touched
  clock_.advance(settings_.idle_timeout - 1);
  EXPECT_TRUE(find(s.token).has_value());
  clock_.advance(settings_.idle_timeout);
  EXPECT_FALSE(find(s.token).has_value());
  EXPECT_EQ(count_sessions(), 0);
}

TEST_P(SessionStoreTest, AbsoluteLimitEndsEvenABusySession) {
  NewSession s = create(person_);
  for (int64_t t = 0; t + 600 < settings_.absolute_timeout; t += 600) {
    ASSERT_TRUE(find(s.token).has_value()) << t;
    clock_.advance(600);
  }
  clock_.set(s.session.created_at + settings_.absolute_timeout);
  EXPECT_FALSE(find(s.token).has_value());
  EXPECT_EQ(count_sessions(), 0);
}

TEST_P(SessionStoreTest, LastSeenIsWrittenOnlyAfterTheTouchInterval) {
  NewSession s = create(person_);
  const int64_t start = s.session.created_at;
  clock_.advance(settings_.touch_interval - 1);
  auto found = find(s.token);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->last_seen_at, start);
  EXPECT_EQ(last_seen_in_db(s.session.token_hash), start);  // no write within a minute
  clock_.advance(1);
  found = find(s.token);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->last_seen_at, start + settings_.touch_interval);
  EXPECT_EQ(last_seen_in_db(s.session.token_hash), start + settings_.touch_interval);
}

TEST_P(SessionStoreTest, PendingSecondFactorHasItsOwnShortLimit) {
  NewSession s = create(person_, /*pending=*/true);
  auto found = find(s.token);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->second_factor_pending);
  ASSERT_TRUE(
      db().read([&](Connection& c) { return mark_second_factor_done(c, s.session.token_hash); })
          .ok());
  EXPECT_FALSE(find(s.token)->second_factor_pending);

  NewSession waiting = create(person_, /*pending=*/true);
  clock_.advance(settings_.second_factor_timeout);
  EXPECT_FALSE(find(waiting.token).has_value());
  EXPECT_TRUE(find(s.token).has_value());
}

TEST_P(SessionStoreTest, EndingSessions) {
  NewSession a = create(person_), b = create(person_), c = create(person_), o = create(other_);
  ASSERT_TRUE(db().read([&](Connection& conn) { return end_session(conn, a.token); }).ok());
  EXPECT_FALSE(find(a.token).has_value());
  ASSERT_TRUE(db().read([&](Connection& conn) { return end_session(conn, a.token); }).ok());
  ASSERT_TRUE(db().read([&](Connection& conn) {
                    return end_other_sessions(conn, person_, b.session.token_hash);
                  })
                  .ok());
  EXPECT_TRUE(find(b.token).has_value());
  EXPECT_FALSE(find(c.token).has_value());
  EXPECT_TRUE(find(o.token).has_value());
  ASSERT_TRUE(db().read([&](Connection& conn) { return end_all_sessions(conn, person_); }).ok());
  EXPECT_FALSE(find(b.token).has_value());
  EXPECT_TRUE(find(o.token).has_value());
}

TEST_P(SessionStoreTest, PurgeRemovesOnlyExpiredSessions) {
  NewSession old = create(person_);
  NewSession pending = create(person_, true);
  clock_.advance(settings_.idle_timeout);
  NewSession fresh = create(other_);
  auto n = db().read([&](Connection& c) { return purge_expired_sessions(c, clock_, settings_); });
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(*n, 2);
  EXPECT_TRUE(find(fresh.token).has_value());
}

INLOCO_INSTANTIATE_BACKENDS(SessionStoreTest);

}  // namespace
}  // namespace inloco

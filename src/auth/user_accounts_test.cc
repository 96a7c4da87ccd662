// REQ IAM-1: one personal account per person, strong passwords, sign-in
// limits, sessions and the optional second factor (TOTP).
// REQ IAM-3: every account change and every sign-in success or failure is audited.
#include "auth/user_accounts.h"

#include <gtest/gtest.h>

#include "auth/totp.h"
#include "core/crypto.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

constexpr const char* kPassword = "kettle marble windmill";
constexpr const char* kAddress = "192.0.2.10";

class UserAccountsTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto ids = db().transaction([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
      int64_t trust = TRY(c.insert(
          "INSERT INTO trusts (name, created_at) VALUES (?, ?) RETURNING id", {"Oak Trust", 1}));
      school_ =
          TRY(c.insert("INSERT INTO schools (trust_id, code, name, created_at) VALUES (?, ?, ?, ?) "
                       "RETURNING id",
                       {trust, "oakfield", "Oakfield Primary School", 1}));
      const char* person_sql =
          "INSERT INTO people (trust_id, school_id, kind, given_name, family_name, "
          "preferred_name, created_at, updated_at) VALUES (?, ?, 'staff', ?, ?, ?, 1, 1) "
          "RETURNING id";
      int64_t ruth = TRY(c.insert(person_sql, {trust, school_, "Ruth", "Okafor", nullptr}));
      int64_t sam = TRY(c.insert(person_sql, {trust, school_, "Samuel", "Lee", "Sam"}));
      return std::make_pair(ruth, sam);
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    ruth_ = ids->first;
    sam_ = ids->second;
    AuthSettings settings;
    settings.cost = PasswordCost::fast_for_tests();
    accounts_ = std::make_unique<UserAccounts>(db(), clock_, key_, settings);
  }

  void create_ruth(bool must_change = false) {
    auto r = accounts_->create_account(admin_, ruth_, "rokafor", kPassword, must_change);
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  std::string sign_in_ruth() {
    auto r = accounts_->sign_in("rokafor", kPassword, kAddress);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->token : "";
  }
  std::optional<SignedIn> who(std::string_view token) {
    auto r = accounts_->authenticate(token);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::nullopt;
  }
  int64_t count(const std::string& sql, const SqlParams& params = {}) {
    auto r = db().read([&](Connection& c) { return c.query_one(sql, params, "count"); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0].as_int() : -1;
  }
  int64_t audits(const std::string& action) {
    return count("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }
  void expect_audit_intact() {
    auto v = verify_audit(db());
    ASSERT_TRUE(v.ok());
    EXPECT_TRUE(v->intact) << v->reason;
  }
  // Turns TOTP on for Ruth and returns her raw secret.
  std::string enrol_ruth() {
    auto e = accounts_->begin_totp_enrolment(ruth_actor(), ruth_);
    EXPECT_TRUE(e.ok()) << e.error().message;
    if (!e.ok()) return "";
    std::string secret = base32_decode(e->secret_base32).value_or("");
    auto r =
        accounts_->confirm_totp_enrolment(ruth_actor(), ruth_, totp_code(secret, clock_.now()));
    EXPECT_TRUE(r.ok()) << r.error().message;
    return secret;
  }
  Actor ruth_actor() const { return Actor{ruth_, "Ruth Okafor (rokafor)", kAddress}; }

  FakeClock clock_;
  SecretKey key_ = SecretKey::random();
  Actor admin_ = Actor::command_line();
  int64_t school_ = 0, ruth_ = 0, sam_ = 0;
  std::unique_ptr<UserAccounts> accounts_;
};

TEST_P(UserAccountsTest, CreateSignInAndAuthenticate) {
  create_ruth();
  auto r = accounts_->sign_in("ROkafor", kPassword, kAddress);  // usernames ignore case
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->second_factor_needed);
  EXPECT_EQ(r->person_id, ruth_);
  auto me = who(r->token);
  ASSERT_TRUE(me.has_value());
  EXPECT_EQ(me->person_id, ruth_);
  EXPECT_EQ(me->display_name, "Ruth Okafor");
  EXPECT_EQ(me->username, "rokafor");
  EXPECT_FALSE(me->must_change_password);
  EXPECT_FALSE(me->session.csrf_token.empty());
  EXPECT_FALSE(who("some other token").has_value());
  EXPECT_EQ(audits("user.create"), 1);
  EXPECT_EQ(audits("user.sign_in"), 1);
  // The password is stored only as an argon2id hash.
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_accounts WHERE password_hash LIKE '$argon2id$%'"), 1);
  expect_audit_intact();
}

TEST_P(UserAccountsTest, DisplayNameUsesThePreferredName) {
  ASSERT_TRUE(accounts_->create_account(admin_, sam_, "slee", "kettle marble windmill").ok());
  auto r = accounts_->sign_in("slee", kPassword, kAddress);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(who(r->token)->display_name, "Sam Lee");
}

TEST_P(UserAccountsTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  create_ruth();
  auto wrong = accounts_->sign_in("rokafor", "kettle marble windmil", kAddress);
  auto unknown = accounts_->sign_in("nobody", kPassword, kAddress);
  auto malformed = accounts_->sign_in("no body!", kPassword, kAddress);
  for (const auto* r : {&wrong, &unknown, &malformed}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(r->error().message, wrong.error().message);
  }
  EXPECT_NE(wrong.error().message.find("The username or password is not right."),
            std::string::npos);
  EXPECT_EQ(audits("user.sign_in_failed"), 3);
  // An unknown username is not written down: it might be someone's password.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%nobody%'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%kettle%'"), 0);
  expect_audit_intact();
}

TEST_P(UserAccountsTest, AccountIsLimitedAfterFiveFailuresUntilTheWindowPasses) {
  create_ruth();
  for (int i = 0; i < 5; ++i) {
    auto r = accounts_->sign_in("rokafor", "wrong wrong wrong", kAddress);
    ASSERT_EQ(r.error().code, ErrorCode::kUnauthenticated) << i;
    clock_.advance(1);
  }
  auto limited = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::kTooManyRequests);
  EXPECT_NE(limited.error().message.find("Wait 15 minutes"), std::string::npos)
      << limited.error().message;
  // Another address does not help: the limit is on the account.
  EXPECT_EQ(accounts_->sign_in("rokafor", kPassword, "198.51.100.7").error().code,
            ErrorCode::kTooManyRequests);
  clock_.advance(15 * 60 - 5);
  EXPECT_TRUE(accounts_->sign_in("rokafor", kPassword, kAddress).ok());
  // Success cleared the count.
  for (int i = 0; i < 4; ++i) (void)accounts_->sign_in("rokafor", "wrong wrong wrong", kAddress);
  EXPECT_TRUE(accounts_->sign_in("rokafor", kPassword, kAddress).ok());
}

TEST_P(UserAccountsTest, AddressIsLimitedAcrossUsernames) {
  create_ruth();
  for (int i = 0; i < 20; ++i)
    (void)accounts_->sign_in("guess" + std::to_string(i), "wrong wrong wrong", "203.0.113.5");
  auto r = accounts_->sign_in("rokafor", kPassword, "203.0.113.5");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooManyRequests);
  EXPECT_TRUE(accounts_->sign_in("rokafor", kPassword, kAddress).ok());
}

TEST_P(UserAccountsTest, DisabledAccountIsRefused) {
  create_ruth();
  std::string token = sign_in_ruth();
  ASSERT_TRUE(
      db().transaction([&](Connection& c) -> Status {
            TRY(c.execute("UPDATE user_accounts SET disabled = 1 WHERE person_id = ?", {ruth_}));
            return {};
          })
          .ok());
  auto r = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  // A wrong password still gets the ordinary answer, so it tells a guesser nothing.
  EXPECT_EQ(accounts_->sign_in("rokafor", "wrong wrong wrong", kAddress).error().code,
            ErrorCode::kUnauthenticated);
  // The session from before is no longer accepted.
  EXPECT_FALSE(who(token).has_value());
}

TEST_P(UserAccountsTest, FindsWhoHoldsASignInAndWhetherItIsDisabled) {
  ASSERT_TRUE(accounts_->create_account(admin_, sam_, "slee", kPassword).ok());
  auto find = [&](std::string_view username) {
    return db().read([&](Connection& c) { return find_sign_in_holder(c, username); });
  };
  auto sam = find("slee");
  ASSERT_TRUE(sam.ok()) << sam.error().message;
  EXPECT_EQ(sam->person.id, sam_);
  EXPECT_EQ(sam->person.display_name(), "Sam Lee");
  EXPECT_EQ(sam->person.school_id, school_);
  EXPECT_EQ(sam->username, "slee");
  EXPECT_FALSE(sam->disabled);

  ASSERT_TRUE(
      db().transaction([&](Connection& c) -> Status {
            TRY(c.execute("UPDATE user_accounts SET disabled = 1 WHERE person_id = ?", {sam_}));
            return {};
          })
          .ok());
  EXPECT_TRUE(find("slee")->disabled);

  auto nobody = find("rokafor");
  ASSERT_FALSE(nobody.ok());
  EXPECT_EQ(nobody.error().code, ErrorCode::kNotFound);
  EXPECT_NE(nobody.error().message.find("'rokafor'"), std::string::npos);
}

TEST_P(UserAccountsTest, SessionExpiresWhenIdleAndAfterTheAbsoluteLimit) {
  create_ruth();
  std::string token = sign_in_ruth();
  clock_.advance(29 * 60);
  EXPECT_TRUE(who(token).has_value());
  clock_.advance(30 * 60);
  EXPECT_FALSE(who(token).has_value());

  token = sign_in_ruth();
  for (int i = 0; i < 12 * 6 - 1; ++i) {
    clock_.advance(10 * 60);
    ASSERT_TRUE(who(token).has_value()) << i;
  }
  clock_.advance(10 * 60);
  EXPECT_FALSE(who(token).has_value());
}

TEST_P(UserAccountsTest, RequestsWithinAMinuteDoNotWrite) {
  create_ruth();
  std::string token = sign_in_ruth();
  const int64_t signed_in_at = clock_.now();
  const std::string hash = sha256_hex(token);
  auto last_seen = [&] {
    return count("SELECT last_seen_at FROM sessions WHERE token_hash = ?", {hash});
  };
  for (int i = 0; i < 5; ++i) {
    clock_.advance(11);
    ASSERT_TRUE(who(token).has_value());
    EXPECT_EQ(last_seen(), signed_in_at);
  }
  clock_.advance(5);
  ASSERT_TRUE(who(token).has_value());
  EXPECT_EQ(last_seen(), signed_in_at + 60);
}

TEST_P(UserAccountsTest, SignOutEndsTheSession) {
  create_ruth();
  std::string token = sign_in_ruth();
  ASSERT_TRUE(accounts_->sign_out(token, ruth_actor()).ok());
  EXPECT_FALSE(who(token).has_value());
  EXPECT_TRUE(accounts_->sign_out(token, ruth_actor()).ok());  // again: nothing to do
  EXPECT_EQ(audits("user.sign_out"), 1);
}

TEST_P(UserAccountsTest, TotpEnrolmentThenSignInNeedsTheCode) {
  create_ruth();
  EXPECT_FALSE(*accounts_->totp_enabled(ruth_));
  auto e = accounts_->begin_totp_enrolment(ruth_actor(), ruth_);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_TRUE(e->uri.starts_with("otpauth://totp/inloco:rokafor?secret=" + e->secret_base32));
  EXPECT_TRUE(e->qr_svg.starts_with("<svg"));
  EXPECT_FALSE(*accounts_->totp_enabled(ruth_));  // not until confirmed
  // The secret is stored sealed, never in the clear.
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_accounts WHERE totp_secret_sealed LIKE ?",
                  {"%" + e->secret_base32 + "%"}),
            0);
  const std::string secret = *base32_decode(e->secret_base32);
  EXPECT_EQ(accounts_->confirm_totp_enrolment(ruth_actor(), ruth_, "000000").error().code,
            ErrorCode::kInvalid);
  ASSERT_TRUE(
      accounts_->confirm_totp_enrolment(ruth_actor(), ruth_, totp_code(secret, clock_.now())).ok());
  EXPECT_TRUE(*accounts_->totp_enabled(ruth_));
  EXPECT_EQ(audits("user.totp_enabled"), 1);

  clock_.advance(30);
  auto r = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->second_factor_needed);
  EXPECT_FALSE(who(r->token).has_value());  // not signed in yet
  auto pending = accounts_->pending_second_factor(r->token);
  ASSERT_TRUE(pending.ok() && pending->has_value());
  EXPECT_EQ((*pending)->person_id, ruth_);

  auto wrong = accounts_->complete_second_factor(r->token, "000000");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  const std::string code = totp_code(secret, clock_.now());
  ASSERT_TRUE(
      accounts_->complete_second_factor(r->token, code.substr(0, 3) + " " + code.substr(3)).ok());
  EXPECT_TRUE(who(r->token).has_value());
  EXPECT_FALSE(accounts_->pending_second_factor(r->token)->has_value());

  // The same code cannot be used again, even within its 30 seconds.
  auto again = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_TRUE(again.ok());
  auto replay = accounts_->complete_second_factor(again->token, code);
  ASSERT_FALSE(replay.ok());
  EXPECT_EQ(replay.error().code, ErrorCode::kInvalid);
  EXPECT_FALSE(who(again->token).has_value());
  clock_.advance(30);
  EXPECT_TRUE(
      accounts_->complete_second_factor(again->token, totp_code(secret, clock_.now())).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE ?", {"%" + code + "%"}), 0);
  expect_audit_intact();
}

TEST_P(UserAccountsTest, SecondFactorFailuresAreLimited) {
  create_ruth();
  std::string secret = enrol_ruth();
  clock_.advance(30);
  auto r = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_TRUE(r.ok());
  for (int i = 0; i < 5; ++i) (void)accounts_->complete_second_factor(r->token, "000000");
  auto limited = accounts_->complete_second_factor(r->token, totp_code(secret, clock_.now()));
  ASSERT_FALSE(limited.ok());
  EXPECT_EQ(limited.error().code, ErrorCode::kTooManyRequests);
}

TEST_P(UserAccountsTest, PendingSecondFactorExpires) {
  create_ruth();
  std::string secret = enrol_ruth();
  clock_.advance(30);
  auto r = accounts_->sign_in("rokafor", kPassword, kAddress);
  ASSERT_TRUE(r.ok());
  clock_.advance(6 * 60);
  auto late = accounts_->complete_second_factor(r->token, totp_code(secret, clock_.now()));
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kUnauthenticated);
}

TEST_P(UserAccountsTest, DisableAndResetTotp) {
  create_ruth();
  enrol_ruth();
  EXPECT_EQ(accounts_->disable_totp(ruth_actor(), ruth_, "wrong wrong wrong").error().code,
            ErrorCode::kInvalid);
  EXPECT_TRUE(*accounts_->totp_enabled(ruth_));
  ASSERT_TRUE(accounts_->disable_totp(ruth_actor(), ruth_, kPassword).ok());
  EXPECT_FALSE(*accounts_->totp_enabled(ruth_));
  EXPECT_EQ(audits("user.totp_disabled"), 1);
  EXPECT_FALSE(accounts_->sign_in("rokafor", kPassword, kAddress)->second_factor_needed);

  clock_.advance(60);
  enrol_ruth();
  ASSERT_TRUE(accounts_->reset_totp(admin_, "rokafor").ok());
  EXPECT_FALSE(*accounts_->totp_enabled(ruth_));
  EXPECT_EQ(audits("user.totp_reset"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions"), 0);
}

TEST_P(UserAccountsTest, ChangePasswordEndsOtherSessions) {
  create_ruth();
  std::string here = sign_in_ruth();
  std::string elsewhere = sign_in_ruth();
  const std::string next = "lantern orchard pebble";
  auto wrong = accounts_->change_password(ruth_actor(), ruth_, here, "wrong wrong wrong", next);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalid);
  auto weak = accounts_->change_password(ruth_actor(), ruth_, here, kPassword, "Password1234!");
  ASSERT_FALSE(weak.ok());
  EXPECT_NE(weak.error().message.find("commonly used"), std::string::npos);
  ASSERT_TRUE(accounts_->change_password(ruth_actor(), ruth_, here, kPassword, next).ok());
  EXPECT_TRUE(who(here).has_value());
  EXPECT_FALSE(who(elsewhere).has_value());
  EXPECT_FALSE(accounts_->sign_in("rokafor", kPassword, kAddress).ok());
  EXPECT_TRUE(accounts_->sign_in("rokafor", next, kAddress).ok());
  EXPECT_EQ(audits("user.password_change"), 1);
}

TEST_P(UserAccountsTest, ResetSetsMustChangePasswordAndEndsSessions) {
  create_ruth();
  std::string token = sign_in_ruth();
  EXPECT_EQ(accounts_->reset_password(admin_, "nobody", "lantern orchard pebble").error().code,
            ErrorCode::kNotFound);
  ASSERT_TRUE(accounts_->reset_password(admin_, "rokafor", "lantern orchard pebble").ok());
  EXPECT_FALSE(who(token).has_value());
  auto r = accounts_->sign_in("rokafor", "lantern orchard pebble", kAddress);
  ASSERT_TRUE(r.ok());
  auto me = who(r->token);
  ASSERT_TRUE(me.has_value());
  EXPECT_TRUE(me->must_change_password);
  ASSERT_TRUE(
      accounts_->change_password(ruth_actor(), ruth_, r->token, "lantern orchard pebble", kPassword)
          .ok());
  EXPECT_FALSE(who(r->token)->must_change_password);
  EXPECT_EQ(audits("user.password_reset"), 1);
}

TEST_P(UserAccountsTest, ResetClearsTheFailureCount) {
  create_ruth();
  for (int i = 0; i < 5; ++i) (void)accounts_->sign_in("rokafor", "wrong wrong wrong", kAddress);
  ASSERT_TRUE(accounts_->reset_password(admin_, "rokafor", "lantern orchard pebble").ok());
  EXPECT_TRUE(accounts_->sign_in("rokafor", "lantern orchard pebble", kAddress).ok());
}

TEST_P(UserAccountsTest, WeakPasswordsAreRefusedWithTheReason) {
  auto short_one = accounts_->create_account(admin_, ruth_, "rokafor", "kettle12!");
  ASSERT_FALSE(short_one.ok());
  EXPECT_EQ(short_one.error().code, ErrorCode::kInvalid);
  EXPECT_NE(short_one.error().message.find("at least 12 characters: this one has 9"),
            std::string::npos);
  auto common = accounts_->create_account(admin_, ruth_, "rokafor", "Password1234!");
  EXPECT_NE(common.error().message.find("commonly used"), std::string::npos);
  auto personal = accounts_->create_account(admin_, ruth_, "rokafor", "ruth-kettle-marble");
  EXPECT_NE(personal.error().message.find("\"ruth\""), std::string::npos);
  auto school = accounts_->create_account(admin_, ruth_, "rokafor", "oakfield kettle 7");
  EXPECT_NE(school.error().message.find("\"oakfield\""), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_accounts"), 0);
  EXPECT_EQ(audits("user.create"), 0);
}

TEST_P(UserAccountsTest, UsernamesAreCheckedAndUnique) {
  auto bad = accounts_->create_account(admin_, ruth_, "ruth okafor", kPassword);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(accounts_->create_account(admin_, ruth_, "ro", kPassword).error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(accounts_->create_account(admin_, ruth_, std::string(65, 'r'), kPassword).error().code,
            ErrorCode::kInvalid);
  create_ruth();
  auto taken = accounts_->create_account(admin_, sam_, "ROKAFOR", kPassword);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  EXPECT_NE(taken.error().message.find("That username is taken"), std::string::npos);
}

TEST_P(UserAccountsTest, APersonHasAtMostOneAccount) {
  create_ruth();
  auto second = accounts_->create_account(admin_, ruth_, "ruth.o", kPassword);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kConflict);
  EXPECT_NE(second.error().message.find("already has an account"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM user_accounts WHERE person_id = ?", {ruth_}), 1);
  EXPECT_EQ(accounts_->create_account(admin_, 999999, "ghost", kPassword).error().code,
            ErrorCode::kNotFound);
}

TEST_P(UserAccountsTest, EveryChangeIsAuditedAndTheChainHolds) {
  create_ruth(/*must_change=*/true);
  std::string token = sign_in_ruth();
  (void)accounts_->sign_in("rokafor", "wrong wrong wrong", kAddress);
  ASSERT_TRUE(
      accounts_->change_password(ruth_actor(), ruth_, token, kPassword, "lantern orchard pebble")
          .ok());
  ASSERT_TRUE(accounts_->reset_password(admin_, "rokafor", kPassword).ok());
  enrol_ruth();
  ASSERT_TRUE(accounts_->disable_totp(ruth_actor(), ruth_, kPassword).ok());
  token = sign_in_ruth();
  ASSERT_TRUE(accounts_->sign_out(token, ruth_actor()).ok());
  for (const char* action :
       {"user.create", "user.sign_in", "user.sign_in_failed", "user.password_change",
        "user.password_reset", "user.totp_enrolment_begun", "user.totp_enabled",
        "user.totp_disabled", "user.sign_out"}) {
    EXPECT_GE(audits(action), 1) << action;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), 10);
  // Entries name the account and its school, never a password.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'user_account' AND "
                  "record_id = ? AND school_id = ?",
                  {std::to_string(ruth_), school_}),
            10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%kettle%' OR detail LIKE "
                  "'%lantern%' OR detail LIKE '%argon2%'"),
            0);
  expect_audit_intact();
}

// REQ ACC-6: revealing a stored secret needs the password again, and the
// current code when a second factor is on.
TEST_P(UserAccountsTest, ConfirmIdentityNeedsPasswordAndCode) {
  create_ruth();
  EXPECT_TRUE(accounts_->confirm_identity(ruth_actor(), ruth_, kPassword, "").ok());
  EXPECT_EQ(accounts_->confirm_identity(ruth_actor(), ruth_, "not her password", "").error().code,
            ErrorCode::kInvalid);
  std::string secret = enrol_ruth();
  clock_.advance(30);
  auto no_code = accounts_->confirm_identity(ruth_actor(), ruth_, kPassword, "");
  ASSERT_FALSE(no_code.ok());
  EXPECT_NE(no_code.error().message.find("six-digit code"), std::string::npos);
  std::string code = totp_code(secret, clock_.now());
  EXPECT_TRUE(accounts_->confirm_identity(ruth_actor(), ruth_, kPassword, code).ok());
  // The same code cannot be used twice.
  EXPECT_FALSE(accounts_->confirm_identity(ruth_actor(), ruth_, kPassword, code).ok());
}

INLOCO_INSTANTIATE_BACKENDS(UserAccountsTest);

}  // namespace
}  // namespace inloco

// REQ ACC-6: account passwords are stored encrypted and revealed only to authorised people;
// each reveal is audited, and a refused reveal too.
#include "accounts/credential_vault.h"

#include <gtest/gtest.h>

#include "accounts/account_log_export.h"
#include "accounts/account_test_fixture.h"
#include "core/secret_key.h"

namespace inloco {
namespace {

constexpr const char* kSecret = "Tr0ub4dor&3-oakfield";

class CredentialVaultTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    test::AccountFixture::SetUp();
    account_ = open_account();
    ASSERT_TRUE(authorise(account_, lead_, AuthorisationKind::kAdmin).ok());
    ASSERT_TRUE(authorise(account_, teacher_, AuthorisationKind::kPost).ok());
  }
  Status store(int64_t by, std::string_view secret, int64_t account = 0) {
    return write([&](Connection& c) {
      return set_credential(SchoolScope{c, clock_, actor(by), alpha_}, key_,
                            account ? account : account_, secret);
    });
  }
  Result<std::string> reveal(int64_t by, int64_t school = 0) {
    return reveal_credential(db(), clock_, actor(by), key_, school ? school : alpha_, account_);
  }
  // Every text the database holds about the account, audit log included.
  std::string everything_stored() {
    std::string out;
    for (const char* sql :
         {"SELECT detail FROM audit_log", "SELECT sealed FROM account_credentials"}) {
      auto r = read([&](Connection& c) { return c.query(sql); });
      EXPECT_TRUE(r.ok());
      for (const Row& row : *r) out += row[0].as_text() + "\n";
    }
    return out;
  }
  std::vector<std::string> actions() {
    auto r = read([&](Connection& c) {
      return c.query(
          "SELECT action, actor_id, detail FROM audit_log WHERE action LIKE "
          "'account.credential%' ORDER BY id");
    });
    std::vector<std::string> out;
    for (const Row& row : *r)
      out.push_back(row[0].as_text() + " " + std::to_string(row[1].as_int()) + " " +
                    row[2].as_text());
    return out;
  }

  SecretKey key_ = SecretKey::random();
  int64_t account_ = 0;
};

TEST_P(CredentialVaultTest, StoredSealedAndRevealedToAnAdministratorWithAnAuditEntry) {
  ASSERT_TRUE(store(lead_, kSecret).ok());
  std::string stored = everything_stored();
  EXPECT_EQ(stored.find(kSecret), std::string::npos);  // sealed, and not in the audit log
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM account_credentials"), 1);

  auto secret = reveal(lead_);
  ASSERT_TRUE(secret.ok()) << secret.error().message;
  EXPECT_EQ(*secret, kSecret);
  auto log = actions();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0], "account.credential_set " + std::to_string(lead_) + " {\"replaced\":false}");
  EXPECT_EQ(log[1], "account.credential_reveal " + std::to_string(lead_) + " {}");

  // Replacing it keeps one sealed value.
  ASSERT_TRUE(store(lead_, "new-password").ok());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM account_credentials"), 1);
  EXPECT_EQ(*reveal(lead_), "new-password");
  EXPECT_EQ(everything_stored().find("new-password"), std::string::npos);

  // Not in the register or the account log either.
  auto entry = read([&](Connection& c) { return get_account(c, alpha_, account_, rules_); });
  ASSERT_TRUE(entry.ok());
  EXPECT_TRUE(entry->has_credential);
  auto rows = read([&](Connection& c) { return account_log(c, alpha_); });
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(account_log_csv(*rows).find("new-password"), std::string::npos);
}

TEST_P(CredentialVaultTest, RevealingWithoutAdminAuthorisationIsRefusedAndAudited) {
  ASSERT_TRUE(store(lead_, kSecret).ok());
  // A poster, the headteacher (who has not made themselves an admin), an
  // ICT technician without authorisation, and the command line.
  for (int64_t who : {teacher_, head_, ict_}) {
    auto r = reveal(who);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_NE(r.error().message.find("Only people the headteacher has authorised to administer"),
              std::string::npos);
    EXPECT_EQ(r.error().message.find(kSecret), std::string::npos);
    auto log = actions();
    EXPECT_EQ(log.back(), "account.credential_reveal_refused " + std::to_string(who) +
                              " {\"reason\":\"not_admin\"}");
    // Nothing changed but the audit entry of the refusal.
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM account_credentials"), 1);
  }
  auto cli = reveal_credential(db(), clock_, Actor::command_line(), key_, alpha_, account_);
  ASSERT_FALSE(cli.ok());
  EXPECT_EQ(cli.error().code, ErrorCode::kForbidden);

  // Another school's id: not found, and recorded.
  auto other = reveal(lead_, beta_);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_NE(actions().back().find("no_such_account"), std::string::npos);

  // Once the headteacher authorises themselves as an admin, they may.
  ASSERT_TRUE(authorise(account_, head_, AuthorisationKind::kAdmin).ok());
  EXPECT_EQ(*reveal(head_), kSecret);

  // A revoked admin may not.
  auto lead_admin = scalar(
      "SELECT id FROM account_authorisations WHERE person_id = ? AND kind = 'admin'", {lead_});
  Grants g = grants(head_);
  ASSERT_TRUE(write([&](Connection& c) {
                return revoke_authorisation(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_,
                                            lead_admin, "Left the role.");
              }).ok());
  EXPECT_EQ(reveal(lead_).error().code, ErrorCode::kForbidden);
}

TEST_P(CredentialVaultTest, OnlyAnAdministratorStoresAPassword) {
  std::string before = snapshot();
  for (int64_t who : {teacher_, head_}) {
    auto r = store(who, kSecret);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
  }
  auto empty = store(lead_, "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(snapshot(), before);

  auto none = reveal(lead_);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
  EXPECT_NE(none.error().message.find("No password is stored"), std::string::npos);
}

TEST_P(CredentialVaultTest, AffiliatedChannelsHoldNoCredentials) {
  auto pta = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(pta.ok());
  ASSERT_TRUE(decide(*pta, pta_chair_, true).ok());
  std::string before = snapshot();
  auto r = store(lead_, kSecret, *pta);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("holds no logins"), std::string::npos);
  EXPECT_EQ(snapshot(), before);
}

TEST_P(CredentialVaultTest, AnotherKeyCannotOpenTheStoredPassword) {
  ASSERT_TRUE(store(lead_, kSecret).ok());
  SecretKey other = SecretKey::random();
  auto r = reveal_credential(db(), clock_, actor(lead_), other, alpha_, account_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("key file may have been replaced"), std::string::npos);
  EXPECT_NE(actions().back().find("does_not_open"), std::string::npos);
}

INLOCO_INSTANTIATE_BACKENDS(CredentialVaultTest);

}  // namespace
}  // namespace inloco

#include "accounts/credential_vault.h"

#include <nlohmann/json.hpp>

#include "accounts/account_rows.h"

namespace inloco {
namespace {

// Is this person a live administrator of the account?
Result<bool> is_live_admin(Connection& conn, int64_t account_id, std::optional<int64_t> person) {
  if (!person) return false;
  Rows rows = TRY(
      conn.query("SELECT 1 FROM account_authorisations WHERE account_id = ? AND person_id = ? AND "
                 "kind = 'admin' AND revoked_at IS NULL",
                 {account_id, *person}));
  return !rows.empty();
}

Error not_admin(const OfficialAccount& a, std::string_view doing) {
  return Error::forbidden("Only people the headteacher has authorised to administer " +
                          a.describe() + " can " + std::string(doing) +
                          " its password, and you are not one of them. If your work needs "
                          "it, ask the headteacher to authorise you as an administrator.");
}

}  // namespace

Status set_credential(const SchoolScope& at, const SecretKey& key, int64_t account_id,
                      std::string_view secret) {
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  if (a.affiliated)
    return Error::invalid(a.describe() + " is run by " + a.run_by.value_or("others") +
                          "; the school holds no logins for it, so no password is stored.");
  if (a.status != AccountStatus::kOpen)
    return Error::invalid(a.describe() + " is not open, so no password is stored for it.");
  if (!TRY(is_live_admin(at.conn, account_id, at.actor.person_id))) return not_admin(a, "store");
  if (secret.empty()) return Error::invalid("Enter the account's password; it was empty.");
  if (secret.size() > kMaxCredentialLength)
    return Error::invalid("The password is longer than " + std::to_string(kMaxCredentialLength) +
                          " characters; check what was pasted.");

  const int64_t now = at.clock.now();
  std::string sealed = key.seal(secret);
  int64_t replaced = TRY(at.conn.execute(
      "UPDATE account_credentials SET sealed = ?, set_by = ?, set_at = ? WHERE account_id = ?",
      {sealed, at.actor.person_id, now, account_id}));
  if (replaced == 0)
    TRY(at.conn.execute(
        "INSERT INTO account_credentials (account_id, sealed, set_by, set_at) VALUES (?, ?, ?, ?)",
        {account_id, sealed, at.actor.person_id, now}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"account.credential_set", "official_account", std::to_string(account_id),
                 at.school_id, nlohmann::json{{"replaced", replaced > 0}}.dump()}));
  return {};
}

Result<std::string> reveal_credential(Database& db, const Clock& clock, const Actor& actor,
                                      const SecretKey& key, int64_t school_id, int64_t account_id) {
  std::string refusal;  // a short code for the audit entry of a refused attempt
  auto attempt = db.transaction([&](Connection& conn) -> Result<std::string> {
    auto account = load_account(conn, school_id, account_id);
    if (!account.ok()) {
      refusal = "no_such_account";
      return std::move(account).error();
    }
    const OfficialAccount& a = *account;
    if (a.affiliated) {
      refusal = "affiliated";
      return Error::invalid(a.describe() + " is run by " + a.run_by.value_or("others") +
                            "; the school holds no logins for it.");
    }
    if (!TRY(is_live_admin(conn, account_id, actor.person_id))) {
      refusal = "not_admin";
      return not_admin(a, "see");
    }
    Rows rows = TRY(
        conn.query("SELECT sealed FROM account_credentials WHERE account_id = ?", {account_id}));
    if (rows.empty()) {
      refusal = "none_stored";
      return Error::not_found("No password is stored for " + a.describe() +
                              "; an administrator of the account can store it.");
    }
    auto secret = key.open(rows[0][0].as_text());
    if (!secret.ok()) {
      refusal = "does_not_open";
      return Error::internal("The stored password of " + a.describe() +
                             " cannot be opened with this server's secret key: the key file may "
                             "have been replaced. Restore the original key file, or store the "
                             "password again.");
    }
    TRY(append_audit(conn, clock, actor,
                     AuditEvent{"account.credential_reveal", "official_account",
                                std::to_string(account_id), school_id, "{}"}));
    return std::move(secret).value();
  });
  if (attempt.ok() || refusal.empty()) return attempt;
  Status recorded = db.transaction([&](Connection& conn) -> Status {
    TRY(append_audit(conn, clock, actor,
                     AuditEvent{"account.credential_reveal_refused", "official_account",
                                std::to_string(account_id), school_id,
                                nlohmann::json{{"reason", refusal}}.dump()}));
    return {};
  });
  if (!recorded.ok()) return std::move(recorded).error();
  return attempt;
}

}  // namespace inloco

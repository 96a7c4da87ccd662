// Sign-in accounts (IAM-1): one personal account per person, passwords that
// meet the password policy, sessions, and an optional second factor (TOTP).
// The web layer and the command line call this service; it is the only code
// that writes `user_accounts` and `sessions`.
//
// Every change and every sign-in success or failure appends an audit entry in
// the same transaction (IAM-3). Audit details never hold a password, a code,
// a secret or a username that did not match an account (people sometimes type
// their password into the username box).
//
// Authorisation is the caller's job: this service trusts that `actor` may act
// on `person_id` (themselves, or an administrator for the command line).
//
// Sign-in guessing is slowed by two in-memory limiters: failures per account
// (key "account:<username>", which second-factor and current-password failures
// also count towards) and per address ("address:<ip>"). Refused attempts are
// not audited, so a flood cannot fill the audit log.
//
// Thread-safe: one instance serves all requests. Password hashing is slow on
// purpose; it happens outside any transaction.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password_hasher.h"
#include "auth/rate_limiter.h"
#include "auth/session_store.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/secret_key.h"
#include "people/person.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct AuthSettings {
  PasswordCost cost = PasswordCost::interactive();
  SessionSettings sessions;
  int account_failures = 5;          // per username within failure_window
  int address_failures = 20;         // per source address within failure_window
  int64_t failure_window = 15 * 60;  // seconds
  std::string issuer = "inloco";     // shown in authenticator apps
};

// A signed-in person, for one request.
struct SignedIn {
  int64_t person_id = 0;
  std::string display_name;  // "Ruth Okafor" (preferred or given name, then family name)
  std::string username;
  Session session;                    // csrf_token for forms
  bool must_change_password = false;  // send them to the change-password page
};

struct SignInResult {
  std::string token;                  // the session cookie value
  bool second_factor_needed = false;  // send them to the code page
  int64_t person_id = 0;
};

struct TotpEnrolment {
  std::string secret_base32;  // for typing into an app by hand
  std::string uri;            // otpauth:// URI
  std::string qr_svg;         // the URI as an inline SVG QR code
};

// Usernames: 3 to 64 characters of a-z, 0-9, '.', '_' and '-', stored lower case.
// Returns the normalised username or a kInvalid error that says what to change.
Result<std::string> normalise_username(std::string_view username);

// The person who holds the sign-in `username` (already normalised, see
// normalise_username), and whether that sign-in is disabled: for the command
// line acting as a named person. kNotFound when no sign-in has that username.
// Reads only; takes the caller's connection so it joins their transaction.
struct SignInHolder {
  Person person;
  std::string username;
  bool disabled = false;
};
Result<SignInHolder> find_sign_in_holder(Connection& conn, std::string_view username);

class UserAccounts {
 public:
  // `db`, `clock` and `key` must outlive the service.
  UserAccounts(Database& db, const Clock& clock, const SecretKey& key, AuthSettings settings);

  // IAM-1: one personal account per person. kNotFound for an unknown person,
  // kConflict when the person already has an account or the username is taken,
  // kInvalid for a bad username or a weak password.
  Result<void> create_account(const Actor& actor, int64_t person_id, const std::string& username,
                              const std::string& password, bool must_change_password = false);

  // Checks the password and starts a session. Wrong username and wrong
  // password give the same kUnauthenticated error and take about the same
  // time; kTooManyRequests after too many failures (the message says how many
  // minutes to wait); kForbidden for a disabled account (only after the right
  // password). With TOTP on, the session waits for complete_second_factor.
  Result<SignInResult> sign_in(const std::string& username, const std::string& password,
                               const std::string& source_address);

  // Checks the code for a session waiting for its second factor; a code works
  // once. kUnauthenticated when the session has gone (sign in again), kInvalid
  // when the code is wrong or used (show the code page again),
  // kTooManyRequests after too many failures (they count towards the account's
  // sign-in failures, and the address's when `source_address` is given).
  Result<void> complete_second_factor(std::string_view token, std::string_view code,
                                      const std::string& source_address = "");

  // Per request: the signed-in person, or nullopt when the token names no live,
  // fully signed-in session (a session still waiting for its code included; see
  // pending_second_factor). Usually reads only; see SessionSettings::touch_interval.
  Result<std::optional<SignedIn>> authenticate(std::string_view token);

  // The session for `token` when it is live and waiting for its second factor
  // (so the web layer can show the code page with its CSRF token); else nullopt.
  Result<std::optional<Session>> pending_second_factor(std::string_view token);

  // Ends the session; succeeds also when it has already ended.
  Result<void> sign_out(std::string_view token, const Actor& actor);

  // Needs the current password (kInvalid when wrong, counted as a sign-in
  // failure); clears must_change_password; ends every other session of the
  // person but keeps `current_token`'s.
  Result<void> change_password(const Actor& actor, int64_t person_id,
                               std::string_view current_token, const std::string& current_password,
                               const std::string& new_password);

  // For the command line and administrators: sets a new password that must be
  // changed at the next sign-in, ends all of the person's sessions and clears
  // the account's failure count. kNotFound for an unknown username.
  Result<void> reset_password(const Actor& actor, const std::string& username,
                              const std::string& new_password);

  // Stores a new TOTP secret, sealed with the SecretKey, not yet in use; the
  // person adds it to their app and proves it with confirm_totp_enrolment.
  // Starting again replaces a secret that was never confirmed. kConflict when
  // TOTP is already on.
  Result<TotpEnrolment> begin_totp_enrolment(const Actor& actor, int64_t person_id);
  // kInvalid when the code is wrong or no enrolment was begun.
  Result<void> confirm_totp_enrolment(const Actor& actor, int64_t person_id, std::string_view code);
  // Needs the person's password (kInvalid when wrong).
  Result<void> disable_totp(const Actor& actor, int64_t person_id, const std::string& password);
  // For the command line and administrators, when a person has lost their
  // authenticator: turns TOTP off without the password and ends their sessions.
  Result<void> reset_totp(const Actor& actor, const std::string& username);
  Result<bool> totp_enabled(int64_t person_id);

  // Step-up check before a sensitive act (revealing a stored account password,
  // ACC-6): the person types their password again, and their current code
  // when a second factor is on. kInvalid says which was wrong; failures count
  // towards the account's sign-in limit and are audited.
  Result<void> confirm_identity(const Actor& actor, int64_t person_id, const std::string& password,
                                std::string_view code);

 private:
  struct Account;  // an account row with its person's names; see user_accounts.cc
  Result<Account> load_account(Connection& conn, int64_t person_id);
  Result<std::optional<Account>> find_account_by_username(Connection& conn,
                                                          const std::string& username);
  Result<std::optional<Account>> require_account_by_username(const std::string& username);
  Status check_guessing(const std::string& account_key, const std::string& address_key);
  Status verify_current_password(const Actor& actor, const Account& account,
                                 std::string_view password);
  const std::string& dummy_hash();

  Database& db_;
  const Clock& clock_;
  const SecretKey& key_;
  const AuthSettings settings_;
  RateLimiter account_limiter_;
  RateLimiter address_limiter_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
};

}  // namespace inloco

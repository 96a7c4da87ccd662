#include "auth/user_accounts.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "auth/password_policy.h"
#include "auth/totp.h"
#include "core/crypto.h"
#include "people/person_rows.h"
#include "store/row_reader.h"

namespace inloco {

namespace {

constexpr const char* kWrongCredentials =
    "The username or password is not right. Check both and try again.";
constexpr const char* kWrongCode =
    "That code is not right or has already been used. Enter the 6-digit code your "
    "authenticator app shows now.";
constexpr const char* kSignInAgain =
    "Your sign-in has expired. Sign in again with your username and password.";

std::string detail(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string too_many_message(int64_t wait_seconds) {
  int64_t minutes = (wait_seconds + 59) / 60;
  return "There have been too many attempts to sign in to this account. Wait " +
         std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes") +
         ", then try again. If you have forgotten your password, ask your school's office to "
         "reset it.";
}

std::string account_key(std::string_view username) {
  // Bounded, so a flood of long made-up usernames costs little memory.
  std::string key = "account:";
  for (char c : username.substr(0, 100))
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  return key;
}

}  // namespace

struct UserAccounts::Account {
  int64_t person_id = 0;
  std::string username;
  std::string password_hash;
  std::optional<std::string> totp_secret_sealed;
  bool totp_enabled = false;
  int64_t totp_last_step = 0;
  bool must_change_password = false;
  bool disabled = false;  // the account, or the person, is not active
  std::string given_name;
  std::string family_name;
  std::string preferred_name;
  std::optional<int64_t> school_id;
  std::string school_name;

  std::string display_name() const {
    return (preferred_name.empty() ? given_name : preferred_name) + " " + family_name;
  }
  Actor as_actor(const std::string& source) const {
    return Actor{person_id, display_name() + " (" + username + ")", source};
  }
  AuditEvent event(std::string action, nlohmann::json extra = nlohmann::json::object()) const {
    extra["username"] = username;
    return AuditEvent{std::move(action), "user_account", std::to_string(person_id), school_id,
                      detail(extra)};
  }
  // What a new password must not contain (IAM-1).
  std::vector<std::string> personal_words() const {
    return {username, given_name, family_name, preferred_name, school_name};
  }

  static Account from_row(const Row& r) {
    RowReader in(r);
    Account a;
    a.person_id = in.integer();
    a.username = in.text();
    a.password_hash = in.text();
    a.totp_secret_sealed = in.optional_text();
    a.totp_enabled = in.flag();
    a.totp_last_step = in.integer();
    a.must_change_password = in.flag();
    // Both read before combining: `||` would skip the second read.
    const bool account_disabled = in.flag();
    const bool person_active = in.flag();
    a.disabled = account_disabled || !person_active;
    a.given_name = in.text();
    a.family_name = in.text();
    a.preferred_name = in.text();
    a.school_id = in.optional_integer();
    a.school_name = in.text();
    return a;
  }
};

namespace {

constexpr const char* kAccountColumns =
    "SELECT ua.person_id, ua.username, ua.password_hash, ua.totp_secret_sealed, ua.totp_enabled, "
    "ua.totp_last_step, ua.must_change_password, ua.disabled, p.active, p.given_name, "
    "p.family_name, p.preferred_name, p.school_id, s.name "
    "FROM user_accounts ua JOIN people p ON p.id = ua.person_id "
    "LEFT JOIN schools s ON s.id = p.school_id ";

}  // namespace

Result<std::string> normalise_username(std::string_view username) {
  std::string out;
  out.reserve(username.size());
  for (char c : username) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Error::invalid(
          "Choose a username that uses only letters, digits, dots (.), hyphens (-) and "
          "underscores (_), with no spaces, for example \"rokafor\" or \"ruth.okafor\".");
    }
    out.push_back(c);
  }
  if (out.size() < 3 || out.size() > 64) {
    return Error::invalid("Choose a username of 3 to 64 characters: this one has " +
                          std::to_string(out.size()) + ".");
  }
  return out;
}

Result<SignInHolder> find_sign_in_holder(Connection& conn, std::string_view username) {
  // The sign-in's own columns first, then the person's.
  Rows rows = TRY(conn.query("SELECT ua.username, ua.disabled, " + person_columns() +
                                 " FROM user_accounts ua JOIN people p ON p.id = ua.person_id "
                                 "WHERE ua.username = ?",
                             {std::string(username)}));
  if (rows.empty())
    return Error::not_found("There is no sign-in with the username '" + std::string(username) +
                            "'. Check the spelling.");
  RowReader in(rows[0]);
  SignInHolder holder;
  holder.username = in.text();
  holder.disabled = in.flag();
  holder.person = person_from_row(in);
  return holder;
}

UserAccounts::UserAccounts(Database& db, const Clock& clock, const SecretKey& key,
                           AuthSettings settings)
    : db_(db),
      clock_(clock),
      key_(key),
      settings_(std::move(settings)),
      account_limiter_(clock, settings_.account_failures, settings_.failure_window),
      address_limiter_(clock, settings_.address_failures, settings_.failure_window) {
  crypto_init();
}

const std::string& UserAccounts::dummy_hash() {
  // Made on first use with the real cost, so checking a password for an
  // unknown username takes as long as for a known one.
  std::call_once(dummy_once_, [&] {
    auto h = hash_password(random_token(16), settings_.cost);
    if (h.ok()) dummy_hash_ = std::move(h).value();
  });
  return dummy_hash_;
}

Result<UserAccounts::Account> UserAccounts::load_account(Connection& conn, int64_t person_id) {
  Rows rows = TRY(conn.query(std::string(kAccountColumns) + "WHERE ua.person_id = ?", {person_id}));
  if (rows.empty()) {
    return Error::not_found("Person " + std::to_string(person_id) +
                            " has no sign-in account. Create one first.");
  }
  return Account::from_row(rows[0]);
}

Result<std::optional<UserAccounts::Account>> UserAccounts::find_account_by_username(
    Connection& conn, const std::string& username) {
  Rows rows = TRY(conn.query(std::string(kAccountColumns) + "WHERE ua.username = ?", {username}));
  if (rows.empty()) return std::optional<Account>();
  return std::optional<Account>(Account::from_row(rows[0]));
}

Status UserAccounts::check_guessing(const std::string& account_key,
                                    const std::string& address_key) {
  int64_t wait = account_limiter_.retry_after(account_key);
  if (!address_key.empty()) wait = std::max(wait, address_limiter_.retry_after(address_key));
  if (wait > 0) return Error::too_many(too_many_message(wait));
  return {};
}

Status UserAccounts::verify_current_password(const Actor& actor, const Account& account,
                                             std::string_view password) {
  const std::string key = account_key(account.username);
  TRY(check_guessing(key, ""));
  if (verify_password(account.password_hash, password)) return {};
  account_limiter_.record_failure(key);
  TRY(db_.transaction([&](Connection& c) -> Status {
    TRY(append_audit(c, clock_, actor, account.event("user.password_check_failed")));
    return {};
  }));
  return Error::invalid(
      "Your current password is not right. Type it again; if you have forgotten it, sign out "
      "and ask your school's office to reset it.");
}

Result<void> UserAccounts::create_account(const Actor& actor, int64_t person_id,
                                          const std::string& username, const std::string& password,
                                          bool must_change_password) {
  const std::string name = TRY(normalise_username(username));
  Rows people = TRY(db_.read([&](Connection& c) {
    return c.query(
        "SELECT p.given_name, p.family_name, p.preferred_name, p.school_id, s.name "
        "FROM people p LEFT JOIN schools s ON s.id = p.school_id WHERE p.id = ?",
        {person_id});
  }));
  if (people.empty()) {
    return Error::not_found("There is no person with the id " + std::to_string(person_id) +
                            ". Add the person first (or import them), then create their account.");
  }
  RowReader person(people[0]);
  Account a;
  a.person_id = person_id;
  a.username = name;
  a.given_name = person.text();
  a.family_name = person.text();
  a.preferred_name = person.text();
  a.school_id = person.optional_integer();
  a.school_name = person.text();
  TRY(check_new_password(password, a.personal_words()));
  const std::string hash = TRY(hash_password(password, settings_.cost));

  return db_.transaction([&](Connection& c) -> Status {
    Rows existing =
        TRY(c.query("SELECT username FROM user_accounts WHERE person_id = ?", {person_id}));
    if (!existing.empty()) {
      return Error::conflict(a.display_name() + " already has an account, with the username \"" +
                             existing[0][0].as_text() +
                             "\": each person has one account. Reset its password instead of "
                             "creating another.");
    }
    Rows taken = TRY(c.query("SELECT person_id FROM user_accounts WHERE username = ?", {name}));
    if (!taken.empty()) {
      return Error::conflict(
          "That username is taken: choose another, for example the first "
          "name's initial followed by the family name and a number.");
    }
    const int64_t now = clock_.now();
    TRY(c.execute(
        "INSERT INTO user_accounts (person_id, username, password_hash, must_change_password, "
        "created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?)",
        {person_id, name, hash, must_change_password, now, now}));
    TRY(append_audit(c, clock_, actor,
                     a.event("user.create", {{"must_change_password", must_change_password}})));
    return {};
  });
}

Result<SignInResult> UserAccounts::sign_in(const std::string& username, const std::string& password,
                                           const std::string& source_address) {
  const std::string acct_key = account_key(username);
  const std::string addr_key = "address:" + source_address;
  TRY(check_guessing(acct_key, addr_key));

  std::optional<Account> account;
  if (auto name = normalise_username(username); name.ok()) {
    account = TRY(db_.read([&](Connection& c) { return find_account_by_username(c, *name); }));
  }
  // Always run argon2, against a dummy hash for an unknown username.
  const bool password_ok =
      verify_password(account ? account->password_hash : dummy_hash(), password);
  const Actor attempt{std::nullopt, "sign-in attempt", source_address};

  if (!account || !password_ok) {
    account_limiter_.record_failure(acct_key);
    address_limiter_.record_failure(addr_key);
    TRY(db_.transaction([&](Connection& c) -> Status {
      // An unknown username is not recorded: it may be a mistyped password.
      AuditEvent event = account
                             ? account->event("user.sign_in_failed", {{"reason", "wrong password"}})
                             : AuditEvent{"user.sign_in_failed", "user_account", "", std::nullopt,
                                          detail({{"reason", "unknown username"}})};
      TRY(append_audit(c, clock_, attempt, event));
      return {};
    }));
    return Error::unauthenticated(kWrongCredentials);
  }

  if (account->disabled) {
    TRY(db_.transaction([&](Connection& c) -> Status {
      TRY(append_audit(c, clock_, attempt,
                       account->event("user.sign_in_failed", {{"reason", "account disabled"}})));
      return {};
    }));
    return Error::forbidden(
        "This account has been switched off, so it cannot sign in. If you still need it, ask your "
        "school's office to switch it back on.");
  }

  account_limiter_.reset(acct_key);
  std::optional<std::string> rehashed;
  if (password_needs_rehash(account->password_hash, settings_.cost)) {
    if (auto h = hash_password(password, settings_.cost); h.ok()) rehashed = std::move(h).value();
  }

  NewSession session = TRY(db_.transaction([&](Connection& c) -> Result<NewSession> {
    TRY(purge_expired_sessions(c, clock_, settings_.sessions));
    if (rehashed) {
      TRY(c.execute("UPDATE user_accounts SET password_hash = ? WHERE person_id = ?",
                    {*rehashed, account->person_id}));
    }
    NewSession s =
        TRY(create_session(c, clock_, account->person_id, account->totp_enabled, source_address));
    TRY(append_audit(
        c, clock_, account->as_actor(source_address),
        account->event("user.sign_in",
                       {{"second_factor", account->totp_enabled ? "pending" : "off"}})));
    return s;
  }));
  return SignInResult{std::move(session.token), account->totp_enabled, account->person_id};
}

Result<void> UserAccounts::complete_second_factor(std::string_view token, std::string_view code,
                                                  const std::string& source_address) {
  auto session = TRY(
      db_.read([&](Connection& c) { return find_session(c, clock_, settings_.sessions, token); }));
  if (!session || !session->second_factor_pending) return Error::unauthenticated(kSignInAgain);
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, session->person_id); }));
  if (a.disabled || !a.totp_enabled || !a.totp_secret_sealed) {
    // Switched off, or two-step sign-in reset, since the password was checked.
    TRY(db_.read([&](Connection& c) { return end_session(c, token); }));
    return Error::unauthenticated(kSignInAgain);
  }
  const std::string key = account_key(a.username);
  const std::string addr_key = source_address.empty() ? "" : "address:" + source_address;
  TRY(check_guessing(key, addr_key));
  auto secret = key_.open(*a.totp_secret_sealed);
  if (!secret.ok()) {
    return Error::internal(
        "The key for your authenticator app could not be read: the server's secret key may have "
        "been replaced. Ask an administrator to reset two-step sign-in for your account.");
  }
  const std::optional<int64_t> step = verify_totp(*secret, code, clock_.now(), a.totp_last_step);
  if (!step) {
    account_limiter_.record_failure(key);
    if (!addr_key.empty()) address_limiter_.record_failure(addr_key);
    TRY(db_.transaction([&](Connection& c) -> Status {
      TRY(append_audit(c, clock_, a.as_actor(source_address),
                       a.event("user.second_factor_failed")));
      return {};
    }));
    return Error::invalid(kWrongCode);
  }
  TRY(db_.transaction([&](Connection& c) -> Status {
    // The condition makes a code used by a concurrent request count as used.
    int64_t changed = TRY(c.execute(
        "UPDATE user_accounts SET totp_last_step = ? WHERE person_id = ? AND totp_last_step < ?",
        {*step, a.person_id, *step}));
    if (changed != 1) return Error::invalid(kWrongCode);
    TRY(mark_second_factor_done(c, session->token_hash));
    TRY(append_audit(c, clock_, a.as_actor(source_address), a.event("user.sign_in_second_factor")));
    return {};
  }));
  account_limiter_.reset(key);
  return {};
}

Result<std::optional<SignedIn>> UserAccounts::authenticate(std::string_view token) {
  return db_.read([&](Connection& c) -> Result<std::optional<SignedIn>> {
    auto session = TRY(find_session(c, clock_, settings_.sessions, token));
    if (!session || session->second_factor_pending) return std::optional<SignedIn>();
    Rows rows =
        TRY(c.query(std::string(kAccountColumns) + "WHERE ua.person_id = ?", {session->person_id}));
    if (rows.empty()) {
      TRY(end_session(c, token));
      return std::optional<SignedIn>();
    }
    Account a = Account::from_row(rows[0]);
    if (a.disabled) {
      TRY(end_session(c, token));
      return std::optional<SignedIn>();
    }
    SignedIn out;
    out.person_id = a.person_id;
    out.display_name = a.display_name();
    out.username = a.username;
    out.session = std::move(*session);
    out.must_change_password = a.must_change_password;
    return std::optional<SignedIn>(std::move(out));
  });
}

Result<std::optional<Session>> UserAccounts::pending_second_factor(std::string_view token) {
  auto session = TRY(
      db_.read([&](Connection& c) { return find_session(c, clock_, settings_.sessions, token); }));
  if (!session || !session->second_factor_pending) return std::optional<Session>();
  return session;
}

Result<void> UserAccounts::sign_out(std::string_view token, const Actor& actor) {
  return db_.transaction([&](Connection& c) -> Status {
    const std::string hash = session_token_hash(token);
    Rows rows = TRY(c.query("SELECT person_id FROM sessions WHERE token_hash = ?", {hash}));
    if (rows.empty()) return {};
    TRY(c.execute("DELETE FROM sessions WHERE token_hash = ?", {hash}));
    Account a = TRY(load_account(c, rows[0][0].as_int()));
    TRY(append_audit(c, clock_, actor, a.event("user.sign_out")));
    return {};
  });
}

Result<void> UserAccounts::change_password(const Actor& actor, int64_t person_id,
                                           std::string_view current_token,
                                           const std::string& current_password,
                                           const std::string& new_password) {
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, person_id); }));
  TRY(verify_current_password(actor, a, current_password));
  if (new_password == current_password) {
    return Error::invalid("Choose a new password that is different from your current one.");
  }
  TRY(check_new_password(new_password, a.personal_words()));
  const std::string hash = TRY(hash_password(new_password, settings_.cost));
  TRY(db_.transaction([&](Connection& c) -> Status {
    TRY(
        c.execute("UPDATE user_accounts SET password_hash = ?, password_changed_at = ?, "
                  "must_change_password = 0 WHERE person_id = ?",
                  {hash, clock_.now(), person_id}));
    TRY(end_other_sessions(c, person_id, session_token_hash(current_token)));
    TRY(append_audit(c, clock_, actor, a.event("user.password_change")));
    return {};
  }));
  account_limiter_.reset(account_key(a.username));
  return {};
}

// For administrators' commands: the account, or kNotFound saying so plainly.
Result<std::optional<UserAccounts::Account>> UserAccounts::require_account_by_username(
    const std::string& username) {
  std::optional<Account> account;
  if (auto name = normalise_username(username); name.ok()) {
    account = TRY(db_.read([&](Connection& c) { return find_account_by_username(c, *name); }));
  }
  if (!account) {
    return Error::not_found("There is no account with the username \"" + username +
                            "\". Check the spelling and try again.");
  }
  return account;
}

Result<void> UserAccounts::reset_password(const Actor& actor, const std::string& username,
                                          const std::string& new_password) {
  std::optional<Account> account = TRY(require_account_by_username(username));
  TRY(check_new_password(new_password, account->personal_words()));
  const std::string hash = TRY(hash_password(new_password, settings_.cost));
  TRY(db_.transaction([&](Connection& c) -> Status {
    TRY(
        c.execute("UPDATE user_accounts SET password_hash = ?, password_changed_at = ?, "
                  "must_change_password = 1 WHERE person_id = ?",
                  {hash, clock_.now(), account->person_id}));
    TRY(end_all_sessions(c, account->person_id));
    TRY(append_audit(c, clock_, actor, account->event("user.password_reset")));
    return {};
  }));
  account_limiter_.reset(account_key(account->username));
  return {};
}

Result<TotpEnrolment> UserAccounts::begin_totp_enrolment(const Actor& actor, int64_t person_id) {
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, person_id); }));
  const Error already_on = Error::conflict(
      "Two-step sign-in is already on for this account. To move it to a new phone or app, turn "
      "it off first, then set it up again.");
  if (a.totp_enabled) return already_on;
  const std::string secret = new_totp_secret();
  TotpEnrolment out;
  out.secret_base32 = base32_encode(secret);
  out.uri = otpauth_uri(settings_.issuer, a.username, secret);
  out.qr_svg = TRY(qr_svg(
      out.uri, "QR code to add your " + settings_.issuer + " account to an authenticator app"));
  TRY(db_.transaction([&](Connection& c) -> Status {
    int64_t changed = TRY(c.execute(
        "UPDATE user_accounts SET totp_secret_sealed = ? WHERE person_id = ? AND totp_enabled = 0",
        {key_.seal(secret), person_id}));
    if (changed != 1) return already_on;
    TRY(append_audit(c, clock_, actor, a.event("user.totp_enrolment_begun")));
    return {};
  }));
  return out;
}

Result<void> UserAccounts::confirm_totp_enrolment(const Actor& actor, int64_t person_id,
                                                  std::string_view code) {
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, person_id); }));
  if (a.totp_enabled) {
    return Error::conflict(
        "Two-step sign-in is already on for this account: there is nothing "
        "to confirm.");
  }
  const Error start_again = Error::invalid(
      "No new authenticator key is waiting to be confirmed. Start setting up two-step sign-in "
      "again.");
  if (!a.totp_secret_sealed) return start_again;
  auto secret = key_.open(*a.totp_secret_sealed);
  if (!secret.ok()) return start_again;
  const std::optional<int64_t> step = verify_totp(*secret, code, clock_.now(), a.totp_last_step);
  if (!step) {
    return Error::invalid("That code is not right. Check that your authenticator app shows the " +
                          settings_.issuer +
                          " account you have just added, and enter the 6-digit code it shows now.");
  }
  return db_.transaction([&](Connection& c) -> Status {
    // Only the secret that was checked is switched on, even if another
    // enrolment began meanwhile.
    int64_t changed =
        TRY(c.execute("UPDATE user_accounts SET totp_enabled = 1, totp_last_step = ? "
                      "WHERE person_id = ? AND totp_enabled = 0 AND totp_secret_sealed = ?",
                      {*step, person_id, *a.totp_secret_sealed}));
    if (changed != 1) return start_again;
    TRY(append_audit(c, clock_, actor, a.event("user.totp_enabled")));
    return {};
  });
}

Result<void> UserAccounts::disable_totp(const Actor& actor, int64_t person_id,
                                        const std::string& password) {
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, person_id); }));
  TRY(verify_current_password(actor, a, password));
  if (!a.totp_enabled && !a.totp_secret_sealed) return {};
  return db_.transaction([&](Connection& c) -> Status {
    TRY(c.execute(
        "UPDATE user_accounts SET totp_enabled = 0, totp_secret_sealed = NULL WHERE person_id = ?",
        {person_id}));
    TRY(append_audit(c, clock_, actor, a.event("user.totp_disabled")));
    return {};
  });
}

Result<void> UserAccounts::reset_totp(const Actor& actor, const std::string& username) {
  std::optional<Account> account = TRY(require_account_by_username(username));
  return db_.transaction([&](Connection& c) -> Status {
    TRY(c.execute(
        "UPDATE user_accounts SET totp_enabled = 0, totp_secret_sealed = NULL WHERE person_id = ?",
        {account->person_id}));
    TRY(end_all_sessions(c, account->person_id));
    TRY(append_audit(c, clock_, actor, account->event("user.totp_reset")));
    return {};
  });
}

Result<void> UserAccounts::confirm_identity(const Actor& actor, int64_t person_id,
                                            const std::string& password, std::string_view code) {
  Account a = TRY(db_.read([&](Connection& c) { return load_account(c, person_id); }));
  TRY(verify_current_password(actor, a, password));
  if (!a.totp_enabled || !a.totp_secret_sealed) return {};
  const std::string key = account_key(a.username);
  TRY(check_guessing(key, ""));
  auto secret = key_.open(*a.totp_secret_sealed);
  if (!secret.ok())
    return Error::internal(
        "The key for your authenticator app could not be read. Ask an administrator to reset "
        "two-step sign-in for your account.");
  const std::optional<int64_t> step = verify_totp(*secret, code, clock_.now(), a.totp_last_step);
  if (!step) {
    account_limiter_.record_failure(key);
    TRY(db_.transaction([&](Connection& c) -> Status {
      TRY(append_audit(c, clock_, actor, a.event("user.second_factor_failed")));
      return {};
    }));
    return Error::invalid(code.empty()
                              ? "Enter the six-digit code from your authenticator app as well."
                              : std::string(kWrongCode));
  }
  return db_.transaction([&](Connection& c) -> Status {
    int64_t changed = TRY(c.execute(
        "UPDATE user_accounts SET totp_last_step = ? WHERE person_id = ? AND totp_last_step < ?",
        {*step, a.person_id, *step}));
    if (changed != 1) return Error::invalid(kWrongCode);
    return {};
  });
}

Result<bool> UserAccounts::totp_enabled(int64_t person_id) {
  Row row = TRY(db_.read([&](Connection& c) {
    return c.query_one("SELECT totp_enabled FROM user_accounts WHERE person_id = ?", {person_id},
                       "the sign-in account of person " + std::to_string(person_id));
  }));
  return row[0].as_bool();
}

}  // namespace inloco

// The credential vault (ACC-6): an official account's password, stored
// sealed with the server's SecretKey (XChaCha20-Poly1305; the key lives in a
// file, never in the database) and revealed only to authorised people, each
// reveal audited.
//
// Who: only a person holding a live ADMIN authorisation on the account may
// store or reveal its password. Holding the headteacher role is not enough
// by itself: a headteacher who needs the password authorises themselves as
// an administrator first, which is dated, audited, counted against the
// profile's admin limit and shown on the register, so everyone who can log
// in is visible in one place (ACC-2, ACC-5). Posting rights never include
// the password. Affiliated channels hold no credentials (ACC-9).
//
// Secrets never leave this file except as the value reveal_credential
// returns: not in audit entries, logs, the register, exports or API lists
// (RegisterEntry says only whether one is stored).
//
// The caller (the web layer) must re-check the person's password, and their
// second factor when enrolled, immediately before calling
// reveal_credential: a session alone is not enough to see a password.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "core/secret_key.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxCredentialLength = 1024;

// Stores (or replaces) the password of an open official account. Call inside
// Database::transaction; audited as "account.credential_set" without the value.
// kForbidden unless at.actor.person_id holds a live admin authorisation on it;
// kInvalid for an affiliated channel, an account that is not open, or an
// empty or over-long secret; kNotFound for an account of another school.
Status set_credential(const SchoolScope& at, const SecretKey& key, int64_t account_id,
                      std::string_view secret);

// Returns the password to actor.person_id when they hold a live admin
// authorisation on the account, audited as "account.credential_reveal".
// Takes the Database, not a Connection, because a refused attempt must be
// recorded too: the refusal ("account.credential_reveal_refused", with the
// reason but never a secret) is written in a transaction of its own after
// the attempt's is rolled back, and the refusal is returned.
// kForbidden for anyone not a live admin (or without a person); kInvalid for
// an affiliated channel; kNotFound for an account of another school or when
// no password is stored; kInternal when the stored value does not open with
// this key (the key file was replaced).
Result<std::string> reveal_credential(Database& db, const Clock& clock, const Actor& actor,
                                      const SecretKey& key, int64_t school_id, int64_t account_id);

}  // namespace inloco

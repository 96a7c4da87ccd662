// Sign-in sessions (IAM-1), stored in the `sessions` table.
//
// The cookie holds a random token (32 bytes, URL-safe base64); the table
// holds only its SHA-256, so a copy of the database cannot be used to sign in
// as anyone. A session ends after `idle_timeout` without a request, after
// `absolute_timeout` in any case, on sign-out, and (for a person's other
// sessions) when their password changes. A session still waiting for its
// second factor lasts at most `second_factor_timeout`.
//
// Each request reads its session; `last_seen_at` is written only when it is
// older than `touch_interval`, so most requests do no write at all.
//
// These functions run on the caller's Connection: inside a transaction when
// the caller also writes other rows (an audit entry), or without one for the
// per-request lookup, where each statement commits on its own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "store/database.h"

namespace inloco {

struct SessionSettings {
  int64_t idle_timeout = 30 * 60;
  int64_t absolute_timeout = 12 * 3600;
  int64_t touch_interval = 60;
  int64_t second_factor_timeout = 5 * 60;  // from sign-in to entering the code
};

struct Session {
  std::string token_hash;  // sha256_hex of the cookie value
  int64_t person_id = 0;
  std::string csrf_token;  // to embed in forms; compare with constant_time_equal
  int64_t created_at = 0;
  int64_t last_seen_at = 0;
  bool second_factor_pending = false;
};

struct NewSession {
  std::string token;  // the cookie value; never stored
  Session session;
};

// The hash under which a token's session is stored.
std::string session_token_hash(std::string_view token);

// `source` is where the sign-in came from (an IP address, "cli").
Result<NewSession> create_session(Connection& conn, const Clock& clock, int64_t person_id,
                                  bool second_factor_pending, const std::string& source);

// The live session for `token`, or nullopt when the token is unknown or the
// session has expired (an expired session is deleted). Sessions pending a
// second factor are returned too: check `second_factor_pending`.
Result<std::optional<Session>> find_session(Connection& conn, const Clock& clock,
                                            const SessionSettings& settings,
                                            std::string_view token);

// Ends the session for `token`; succeeds also when there is none.
Status end_session(Connection& conn, std::string_view token);

// Ends every session of `person_id` except the one stored as `keep_token_hash`
// (after a password change, so a thief signed in elsewhere is signed out).
Status end_other_sessions(Connection& conn, int64_t person_id, std::string_view keep_token_hash);

// Ends every session of `person_id` (password reset, account disabled).
Status end_all_sessions(Connection& conn, int64_t person_id);

Status mark_second_factor_done(Connection& conn, std::string_view token_hash);

// Deletes every expired session; returns how many. Sign-in calls it so that
// abandoned sessions do not pile up.
Result<int64_t> purge_expired_sessions(Connection& conn, const Clock& clock,
                                       const SessionSettings& settings);

}  // namespace inloco

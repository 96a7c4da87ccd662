#include "auth/session_store.h"

#include "core/crypto.h"
#include "store/row_reader.h"

namespace inloco {

std::string session_token_hash(std::string_view token) { return sha256_hex(token); }

Result<NewSession> create_session(Connection& conn, const Clock& clock, int64_t person_id,
                                  bool second_factor_pending, const std::string& source) {
  NewSession out;
  out.token = random_token(32);
  Session& s = out.session;
  s.token_hash = session_token_hash(out.token);
  s.person_id = person_id;
  s.csrf_token = random_token(32);
  s.created_at = clock.now();
  s.last_seen_at = s.created_at;
  s.second_factor_pending = second_factor_pending;
  TRY(conn.execute(
      "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, last_seen_at, "
      "second_factor_pending, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {s.token_hash, s.person_id, s.csrf_token, s.created_at, s.last_seen_at,
       s.second_factor_pending, source}));
  return out;
}

Result<std::optional<Session>> find_session(Connection& conn, const Clock& clock,
                                            const SessionSettings& settings,
                                            std::string_view token) {
  if (token.empty()) return std::optional<Session>();
  const std::string hash = session_token_hash(token);
  Rows rows = TRY(
      conn.query("SELECT person_id, csrf_token, created_at, last_seen_at, second_factor_pending "
                 "FROM sessions WHERE token_hash = ?",
                 {hash}));
  if (rows.empty()) return std::optional<Session>();
  RowReader in(rows[0]);
  Session s;
  s.token_hash = hash;
  s.person_id = in.integer();
  s.csrf_token = in.text();
  s.created_at = in.integer();
  s.last_seen_at = in.integer();
  s.second_factor_pending = in.flag();

  const int64_t now = clock.now();
  const bool expired =
      now - s.last_seen_at >= settings.idle_timeout ||
      now - s.created_at >= settings.absolute_timeout ||
      (s.second_factor_pending && now - s.created_at >= settings.second_factor_timeout);
  if (expired) {
    TRY(conn.execute("DELETE FROM sessions WHERE token_hash = ?", {hash}));
    return std::optional<Session>();
  }
  if (now - s.last_seen_at >= settings.touch_interval) {
    TRY(conn.execute(
        "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
        {now, hash, now}));
    s.last_seen_at = now;
  }
  return std::optional<Session>(std::move(s));
}

Status end_session(Connection& conn, std::string_view token) {
  TRY(conn.execute("DELETE FROM sessions WHERE token_hash = ?", {session_token_hash(token)}));
  return {};
}

Status end_other_sessions(Connection& conn, int64_t person_id, std::string_view keep_token_hash) {
  TRY(conn.execute("DELETE FROM sessions WHERE person_id = ? AND token_hash <> ?",
                   {person_id, keep_token_hash}));
  return {};
}

Status end_all_sessions(Connection& conn, int64_t person_id) {
  TRY(conn.execute("DELETE FROM sessions WHERE person_id = ?", {person_id}));
  return {};
}

Status mark_second_factor_done(Connection& conn, std::string_view token_hash) {
  TRY(conn.execute("UPDATE sessions SET second_factor_pending = 0 WHERE token_hash = ?",
                   {token_hash}));
  return {};
}

Result<int64_t> purge_expired_sessions(Connection& conn, const Clock& clock,
                                       const SessionSettings& settings) {
  const int64_t now = clock.now();
  return conn.execute(
      "DELETE FROM sessions WHERE last_seen_at <= ? OR created_at <= ? "
      "OR (second_factor_pending = 1 AND created_at <= ?)",
      {now - settings.idle_timeout, now - settings.absolute_timeout,
       now - settings.second_factor_timeout});
}

}  // namespace inloco

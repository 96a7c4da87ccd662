#include "store/health_check.h"

#include "store/database_errors.h"

namespace inloco {

std::string_view database_state_key(DatabaseState state) {
  switch (state) {
    case DatabaseState::kWritable:
      return "ok";
    case DatabaseState::kUnreachable:
      return "unreachable";
    case DatabaseState::kReadOnly:
      return "read-only";
    case DatabaseState::kDiskFull:
      return "disk full";
  }
  return "unreachable";
}

DatabaseState database_state_of(const Error& error) {
  // The drivers build every error with database_errors, so the sentence tells
  // the cause apart; compared with the constructors' own, never a copy of it.
  if (error.code == ErrorCode::kUnavailable) {
    if (error.message == database_errors::read_only("").message) return DatabaseState::kReadOnly;
    if (error.message == database_errors::disk_full("").message) return DatabaseState::kDiskFull;
  }
  return DatabaseState::kUnreachable;
}

DatabaseHealth check_database_writable(Database& db, int64_t now) {
  Status written = db.transaction([&](Connection& c) -> Status {
    int64_t changed = TRY(c.execute("UPDATE health_check SET checked_at = ? WHERE id = 1", {now}));
    // The row is put back if someone removed it.
    if (changed == 0)
      TRY(c.execute("INSERT INTO health_check (id, checked_at) VALUES (1, ?)", {now}));
    return {};
  });
  if (written.ok()) return {};
  DatabaseState state = database_state_of(written.error());
  return {state, std::move(written)};
}

}  // namespace inloco

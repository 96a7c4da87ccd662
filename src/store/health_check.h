// Whether the database can take a write now (/healthz). Reading is not
// enough: a SQLite file made read-only, a PostgreSQL standby or a full disk
// still answer SELECT 1 while every form fails, so the check really writes
// (one row of its own table, migration 0015) in a transaction and commits.
//
// Thread-safe as Database is; concurrent checks queue on the row's lock.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace inloco {

enum class DatabaseState {
  kWritable,
  kUnreachable,  // cannot be opened or reached, busy past its timeout, or any other failure
  kReadOnly,     // reachable, but writes are refused
  kDiskFull,     // reachable, but there is no room to write
};

// "ok", "unreachable", "read-only", "disk full": the words /healthz answers with.
std::string_view database_state_key(DatabaseState state);

struct DatabaseHealth {
  DatabaseState state = DatabaseState::kWritable;
  Status status;  // the store's Error when not writable, with the driver's words for the log

  bool writable() const { return state == DatabaseState::kWritable; }
};

// Writes `now` into the health check's row in one committed transaction.
DatabaseHealth check_database_writable(Database& db, int64_t now);

// What a store Error (store/database_errors.h) says of the database.
DatabaseState database_state_of(const Error& error);

}  // namespace inloco

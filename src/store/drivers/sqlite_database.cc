#include "store/drivers/sqlite_database.h"

#include <sqlite3.h>

#include <atomic>
#include <string>
#include <unordered_map>

#include "store/database_errors.h"

namespace inloco {
namespace {

Error sqlite_error(sqlite3* db, std::string_view context) {
  int code = sqlite3_extended_errcode(db);
  std::string msg = "sqlite: " + std::string(context) + ": " + sqlite3_errmsg(db);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      return database_errors::clash(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return database_errors::busy(msg);
    case SQLITE_FULL:
      return database_errors::disk_full(msg);
    case SQLITE_READONLY:
      return database_errors::read_only(msg);
    case SQLITE_CANTOPEN:
      return database_errors::unreachable(msg);
    // SQLITE_IOERR_WRITE and friends: most often a disk that filled mid-write.
    case SQLITE_IOERR:
      return database_errors::disk_full(msg);
    default:
      return database_errors::failed(msg);
  }
}

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Result<Rows> query(std::string_view sql, const SqlParams& params) override {
    sqlite3_stmt* stmt = TRY(prepare(sql, params));
    Rows out;
    int ncols = sqlite3_column_count(stmt);
    out.columns.reserve(ncols);
    for (int i = 0; i < ncols; ++i) out.columns.emplace_back(sqlite3_column_name(stmt, i));
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) {
        Error e = sqlite_error(db_, "query failed");
        sqlite3_reset(stmt);
        return e;
      }
      std::vector<SqlValue> values;
      values.reserve(ncols);
      for (int i = 0; i < ncols; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            values.emplace_back(int64_t{sqlite3_column_int64(stmt, i)});
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, i));
            break;
          case SQLITE_NULL:
            values.emplace_back();
            break;
          default: {
            auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            values.emplace_back(std::string(text, sqlite3_column_bytes(stmt, i)));
          }
        }
      }
      out.rows.emplace_back(std::move(values));
    }
    sqlite3_reset(stmt);
    return out;
  }

  Result<int64_t> execute(std::string_view sql, const SqlParams& params) override {
    sqlite3_stmt* stmt = TRY(prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      Error e = sqlite_error(db_, "statement failed");
      sqlite3_reset(stmt);
      return e;
    }
    sqlite3_reset(stmt);
    return int64_t{sqlite3_changes(db_)};
  }

  Status execute_script(std::string_view sql) override {
    char* err = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      sqlite3_free(err);
      // Mapped like a statement's failure: a COMMIT that finds the disk full
      // (WAL pages are written then) or the file read-only says so.
      return sqlite_error(db_, "script failed");
    }
    return {};
  }

  Status begin() override { return execute_script("BEGIN IMMEDIATE"); }
  Status commit() override { return execute_script("COMMIT"); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  Result<sqlite3_stmt*> prepare(std::string_view sql, const SqlParams& params) {
    sqlite3_stmt* stmt = nullptr;
    auto it = statements_.find(std::string(sql));
    if (it != statements_.end()) {
      stmt = it->second;
    } else {
      if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                             SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return sqlite_error(db_, "could not prepare statement");
      statements_.emplace(std::string(sql), stmt);
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt))
      return database_errors::failed("sqlite: statement expects " +
                                     std::to_string(sqlite3_bind_parameter_count(stmt)) +
                                     " parameters but was given " + std::to_string(params.size()));
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i) + 1;
      const SqlValue& v = params[i];
      int rc;
      if (v.is_null())
        rc = sqlite3_bind_null(stmt, idx);
      else if (v.is_int())
        rc = sqlite3_bind_int64(stmt, idx, v.as_int());
      else if (v.is_text()) {
        std::string text = v.as_text();
        rc = sqlite3_bind_text(stmt, idx, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
      } else
        rc = sqlite3_bind_double(stmt, idx, v.as_double());
      if (rc != SQLITE_OK) return sqlite_error(db_, "could not bind parameter");
    }
    return stmt;
  }

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {
    if (path_ == ":memory:") {
      static std::atomic<int> counter{0};
      // A named shared-cache memory database lives while any connection is open;
      // keeper_ holds one open for the Database's lifetime.
      uri_ = "file:inloco_mem_" + std::to_string(++counter) + "?mode=memory&cache=shared";
    } else {
      uri_ = path_;
    }
  }

  Status init() {
    auto conn = connect();
    if (!conn.ok()) return std::move(conn).error();
    keeper_ = std::move(conn).value();
    return {};
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string describe() const override { return "sqlite:" + path_; }

 protected:
  Result<std::unique_ptr<Connection>> connect() override {
    sqlite3* db = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(uri_.c_str(), &db, flags, nullptr) != SQLITE_OK) {
      std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
      sqlite3_close_v2(db);
      return database_errors::unreachable("sqlite: could not open the database at " + path_ + ": " +
                                          msg);
    }
    auto conn = std::make_unique<SqliteConnection>(db);
    sqlite3_busy_timeout(db, 5000);
    const char* setup =
        "PRAGMA foreign_keys = ON;"
        "PRAGMA synchronous = NORMAL;";
    TRY(conn->execute_script(setup));
    if (path_ != ":memory:") {
      // WAL lets readers proceed while one writer writes; set once per file but harmless to repeat.
      TRY(conn->execute_script("PRAGMA journal_mode = WAL;"));
    }
    return std::unique_ptr<Connection>(std::move(conn));
  }

 private:
  std::string path_;
  std::string uri_;
  std::unique_ptr<Connection> keeper_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(std::string_view path) {
  if (path.empty()) return Error::invalid("sqlite: needs a file path, e.g. sqlite:var/inloco.db");
  auto db = std::make_unique<SqliteDatabase>(std::string(path));
  TRY(db->init());
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace inloco

// Database: the storage interface every capability uses, with a SQLite backend
// (the default: one file, no server) and a PostgreSQL backend (for a trust that
// runs many schools on one server).
//
// SQL is written once with `?` placeholders and runs on both: the PostgreSQL
// backend rewrites `?` to `$n`. Only prepared statements with bound parameters
// are used; each connection caches its prepared statements by SQL text.
//
// Thread-safety: Database is thread-safe and owns a pool of connections; a
// Connection is used by one thread at a time (hold it through a lease).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace inloco {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter or a fetched value.
class SqlValue {
 public:
  SqlValue() = default;                                 // NULL
  SqlValue(std::nullptr_t) {}                           // NOLINT
  SqlValue(int v) : v_(int64_t{v}) {}                   // NOLINT
  SqlValue(int64_t v) : v_(v) {}                        // NOLINT
  SqlValue(bool v) : v_(int64_t{v ? 1 : 0}) {}          // NOLINT
  SqlValue(double v) : v_(v) {}                         // NOLINT
  SqlValue(std::string v) : v_(std::move(v)) {}         // NOLINT
  SqlValue(std::string_view v) : v_(std::string(v)) {}  // NOLINT
  SqlValue(const char* v) : v_(std::string(v)) {}       // NOLINT
  template <typename T>
  SqlValue(const std::optional<T>& v) {  // NOLINT
    if (v) *this = SqlValue(*v);
  }

  bool is_null() const { return v_.index() == 0; }
  bool is_int() const { return v_.index() == 1; }
  bool is_text() const { return v_.index() == 3; }
  // Conversions are lenient: text digits read as integers, NULL as 0 / "".
  int64_t as_int() const;
  double as_double() const;
  std::string as_text() const;
  bool as_bool() const { return as_int() != 0; }
  std::optional<int64_t> as_optional_int() const {
    return is_null() ? std::nullopt : std::optional<int64_t>(as_int());
  }
  std::optional<std::string> as_optional_text() const {
    return is_null() ? std::nullopt : std::optional<std::string>(as_text());
  }

 private:
  std::variant<std::monostate, int64_t, double, std::string> v_;
};

using SqlParams = std::vector<SqlValue>;

class Row {
 public:
  explicit Row(std::vector<SqlValue> values) : values_(std::move(values)) {}
  const SqlValue& operator[](size_t i) const { return values_.at(i); }
  size_t size() const { return values_.size(); }

 private:
  std::vector<SqlValue> values_;
};

struct Rows {
  std::vector<std::string> columns;
  std::vector<Row> rows;

  bool empty() const { return rows.empty(); }
  size_t size() const { return rows.size(); }
  const Row& operator[](size_t i) const { return rows.at(i); }
  auto begin() const { return rows.begin(); }
  auto end() const { return rows.end(); }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement and returns its rows (INSERT ... RETURNING included).
  virtual Result<Rows> query(std::string_view sql, const SqlParams& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual Result<int64_t> execute(std::string_view sql, const SqlParams& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations only).
  virtual Status execute_script(std::string_view sql) = 0;

  // begin() takes the write lock at once on SQLite (BEGIN IMMEDIATE) so that
  // two writers never deadlock upgrading a read lock.
  // False once the connection is known to be unusable (the server went away);
  // the pool then drops it instead of lending it again.
  virtual bool healthy() const { return true; }

  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual void rollback() noexcept = 0;

  // Convenience: the first row, or kNotFound with `what` in the message.
  Result<Row> query_one(std::string_view sql, const SqlParams& params, std::string_view what);
  // INSERT ... RETURNING id, returning the id.
  Result<int64_t> insert(std::string_view sql, const SqlParams& params);
};

class Database;

// Returns its connection to the pool when destroyed.
class ConnectionLease {
 public:
  ConnectionLease(Database* owner, std::unique_ptr<Connection> conn)
      : owner_(owner), conn_(std::move(conn)) {}
  ConnectionLease(ConnectionLease&&) = default;
  ConnectionLease& operator=(ConnectionLease&&) = delete;
  ~ConnectionLease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  Database();
  virtual ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Dialect dialect() const = 0;
  // The URL without any password, for logs and messages.
  virtual std::string describe() const = 0;

  Result<ConnectionLease> acquire();

  // Runs fn(Connection&) inside one transaction: commits if fn succeeds, rolls
  // back if it fails or throws. fn returns Result<T> or Status.
  template <typename F>
  auto transaction(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    auto lease = acquire();
    if (!lease.ok()) return std::move(lease).error();
    Connection& conn = **lease;
    if (auto s = conn.begin(); !s.ok()) return std::move(s).error();
    try {
      auto result = fn(conn);
      if (!result.ok()) {
        conn.rollback();
        return result;
      }
      if (auto s = conn.commit(); !s.ok()) return std::move(s).error();
      return result;
    } catch (...) {
      conn.rollback();
      throw;
    }
  }

  // Runs fn(Connection&) on a pooled connection without a transaction (reads).
  template <typename F>
  auto read(F&& fn) -> decltype(fn(std::declval<Connection&>())) {
    auto lease = acquire();
    if (!lease.ok()) return std::move(lease).error();
    return fn(**lease);
  }

 protected:
  virtual Result<std::unique_ptr<Connection>> connect() = 0;

 private:
  friend class ConnectionLease;
  void release(std::unique_ptr<Connection> conn);

  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace inloco

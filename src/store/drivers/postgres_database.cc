#include "store/drivers/postgres_database.h"

#include <pqxx/pqxx>
#include <unordered_map>

#include "store/database_errors.h"

namespace inloco {

std::string rewrite_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Maps PostgreSQL's SQLSTATE classes onto our error codes.
Error pg_error(const std::exception& e, std::string_view context) {
  // The server's DETAIL line can quote the values of a row: keep it out of the log too.
  std::string what = e.what();
  if (auto d = what.find("\nDETAIL:"); d != std::string::npos) what.resize(d);
  std::string msg = "postgresql: " + std::string(context) + ": " + what;
  if (auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    std::string state = sql->sqlstate();
    if (state.starts_with("23")) return database_errors::clash(msg);
    if (state == "40001" || state == "40P01" || state == "55P03") return database_errors::busy(msg);
    if (state == "53100") return database_errors::disk_full(msg);  // disk_full
    if (state == "25006") return database_errors::read_only(msg);  // read_only_sql_transaction
    if (state.starts_with("08") || state.starts_with("57P"))
      return database_errors::unreachable(msg);
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) return database_errors::unreachable(msg);
  return database_errors::failed(msg);
}

bool is_integer_type(pqxx::oid type) { return type == 20 || type == 21 || type == 23; }
bool is_float_type(pqxx::oid type) { return type == 700 || type == 701 || type == 1700; }

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(std::unique_ptr<pqxx::connection> conn)
      : conn_(std::move(conn)), tx_(std::make_unique<pqxx::nontransaction>(*conn_)) {}
  ~PostgresConnection() override { tx_.reset(); }

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool healthy() const override { return conn_->is_open(); }

  Result<Rows> query(std::string_view sql, const SqlParams& params) override {
    try {
      pqxx::result r = run(sql, params);
      Rows out;
      int ncols = r.columns();
      for (int i = 0; i < ncols; ++i) out.columns.emplace_back(r.column_name(i));
      std::vector<pqxx::oid> types;
      for (int i = 0; i < ncols; ++i) types.push_back(r.column_type(i));
      out.rows.reserve(r.size());
      for (const auto& row : r) {
        std::vector<SqlValue> values;
        values.reserve(ncols);
        for (int i = 0; i < ncols; ++i) {
          const pqxx::field f = row[i];
          if (f.is_null())
            values.emplace_back();
          else if (is_integer_type(types[i]))
            values.emplace_back(f.as<int64_t>());
          else if (is_float_type(types[i]))
            values.emplace_back(f.as<double>());
          else
            values.emplace_back(std::string(f.c_str(), f.size()));
        }
        out.rows.emplace_back(std::move(values));
      }
      return out;
    } catch (const std::exception& e) {
      return pg_error(e, "query failed");
    }
  }

  Result<int64_t> execute(std::string_view sql, const SqlParams& params) override {
    try {
      return int64_t{static_cast<int64_t>(run(sql, params).affected_rows())};
    } catch (const std::exception& e) {
      return pg_error(e, "statement failed");
    }
  }

  Status execute_script(std::string_view sql) override {
    try {
      tx_->exec(std::string(sql));
      return {};
    } catch (const std::exception& e) {
      return pg_error(e, "script failed");
    }
  }

  Status begin() override {
    TRY(execute_script("BEGIN"));
    in_tx_ = true;
    return {};
  }
  Status commit() override {
    in_tx_ = false;
    return execute_script("COMMIT");
  }
  void rollback() noexcept override {
    if (!in_tx_) return;
    in_tx_ = false;
    try {
      tx_->exec("ROLLBACK");
    } catch (...) {
    }
  }

 private:
  pqxx::result run(std::string_view sql, const SqlParams& params) {
    std::string key(sql);
    auto it = names_.find(key);
    if (it == names_.end()) {
      std::string name = "s" + std::to_string(names_.size() + 1);
      conn_->prepare(name, rewrite_placeholders(sql));
      it = names_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> storage;
    storage.reserve(params.size());
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params) {
      if (p.is_null()) {
        values.push_back(nullptr);
      } else {
        storage.push_back(p.as_text());
        values.push_back(nullptr);  // filled below once storage stops moving
      }
    }
    for (size_t i = 0, s = 0; i < params.size(); ++i)
      if (!params[i].is_null()) values[i] = storage[s++].c_str();
    return tx_->exec_prepared(it->second, pqxx::prepare::make_dynamic_params(values));
  }

  std::unique_ptr<pqxx::connection> conn_;
  // One long-lived nontransaction; BEGIN/COMMIT are issued explicitly so the
  // interface matches SQLite's.
  std::unique_ptr<pqxx::nontransaction> tx_;
  std::unordered_map<std::string, std::string> names_;
  bool in_tx_ = false;
};

std::string redact(std::string_view url) {
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  std::string s(url);
  auto scheme = s.find("://");
  auto at = s.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return s;
  auto colon = s.find(':', scheme + 3);
  if (colon != std::string::npos && colon < at) s.replace(colon + 1, at - colon - 1, "***");
  return s;
}

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(std::string url) : url_(std::move(url)) {}
  Dialect dialect() const override { return Dialect::kPostgres; }
  std::string describe() const override { return redact(url_); }

 protected:
  Result<std::unique_ptr<Connection>> connect() override {
    try {
      auto conn = std::make_unique<pqxx::connection>(url_);
      auto pc = std::make_unique<PostgresConnection>(std::move(conn));
      TRY(pc->execute_script("SET client_min_messages TO WARNING"));
      return std::unique_ptr<Connection>(std::move(pc));
    } catch (const std::exception& e) {
      return database_errors::unreachable("postgresql: could not connect to " + describe() + ": " +
                                          e.what());
    }
  }

 private:
  std::string url_;
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(std::string_view url) {
  auto db = std::make_unique<PostgresDatabase>(std::string(url));
  // Connect once now so that a wrong URL is reported at start-up, not on the first request.
  auto lease = db->acquire();
  if (!lease.ok()) return std::move(lease).error();
  return std::unique_ptr<Database>(std::move(db));
}

}  // namespace inloco

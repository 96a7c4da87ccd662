#include "store/database.h"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>

#include "store/database_errors.h"

namespace inloco {

int64_t SqlValue::as_int() const {
  switch (v_.index()) {
    case 1:
      return std::get<1>(v_);
    case 2:
      return static_cast<int64_t>(std::get<2>(v_));
    case 3: {
      const std::string& s = std::get<3>(v_);
      int64_t out = 0;
      std::from_chars(s.data(), s.data() + s.size(), out);
      return out;
    }
    default:
      return 0;
  }
}

double SqlValue::as_double() const {
  switch (v_.index()) {
    case 1:
      return static_cast<double>(std::get<1>(v_));
    case 2:
      return std::get<2>(v_);
    case 3:
      return std::strtod(std::get<3>(v_).c_str(), nullptr);
    default:
      return 0;
  }
}

std::string SqlValue::as_text() const {
  switch (v_.index()) {
    case 1:
      return std::to_string(std::get<1>(v_));
    case 2:
      return std::to_string(std::get<2>(v_));
    case 3:
      return std::get<3>(v_);
    default:
      return {};
  }
}

Result<Row> Connection::query_one(std::string_view sql, const SqlParams& params,
                                  std::string_view what) {
  Rows rows = TRY(query(sql, params));
  if (rows.empty()) return Error::not_found(std::string(what) + " was not found");
  return rows.rows.front();
}

Result<int64_t> Connection::insert(std::string_view sql, const SqlParams& params) {
  Rows rows = TRY(query(sql, params));
  if (rows.empty()) return database_errors::failed("INSERT ... RETURNING gave no row");
  return rows[0][0].as_int();
}

// A bounded pool: connections are made on demand up to kMax and reused.
struct Database::Pool {
  static constexpr size_t kMax = 16;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::unique_ptr<Connection>> idle;
  size_t open = 0;
};

Database::Database() : pool_(std::make_unique<Pool>()) {}
Database::~Database() = default;

Result<ConnectionLease> Database::acquire() {
  std::unique_lock lock(pool_->mu);
  for (;;) {
    if (!pool_->idle.empty()) {
      auto conn = std::move(pool_->idle.back());
      pool_->idle.pop_back();
      return ConnectionLease(this, std::move(conn));
    }
    if (pool_->open < Pool::kMax) {
      ++pool_->open;
      lock.unlock();
      auto conn = connect();
      if (!conn.ok()) {
        std::lock_guard relock(pool_->mu);
        --pool_->open;
        return std::move(conn).error();
      }
      return ConnectionLease(this, std::move(conn).value());
    }
    if (pool_->cv.wait_for(lock, std::chrono::seconds(10)) == std::cv_status::timeout &&
        pool_->idle.empty())
      return database_errors::busy("no free database connection after 10 seconds");
  }
}

void Database::release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(pool_->mu);
    conn->rollback();  // never lend a connection in the middle of a transaction
    if (conn->healthy()) {
      pool_->idle.push_back(std::move(conn));
    } else {
      --pool_->open;  // a new one is made on demand
    }
  }
  pool_->cv.notify_one();
}

ConnectionLease::~ConnectionLease() {
  if (conn_) owner_->release(std::move(conn_));
}

}  // namespace inloco

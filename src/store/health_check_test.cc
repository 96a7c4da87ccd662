// No requirement ID: /healthz (issue 12) must report a database that can be
// read but not written to. The check really writes, on both backends, and
// tells a read-only database, a full disk and one that cannot be reached apart.
#include "store/health_check.h"

#include <gtest/gtest.h>

#include "store/database_errors.h"
#include "store/drivers/open_database.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

constexpr int64_t kNow = 1788220800;  // 2026-09-01

class HealthCheckTest : public test::BackendTest {
 protected:
  int64_t checked_at() {
    auto r = db().read(
        [](Connection& c) { return c.query("SELECT checked_at FROM health_check WHERE id = 1"); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() && !r->empty() ? (*r)[0][0].as_int() : -1;
  }
  // The same database opened so that every write is refused: SQLite's
  // read-only URI mode, or a PostgreSQL session whose transactions are
  // read-only (as on a standby server).
  std::string read_only_url() {
    if (GetParam() == Dialect::kSqlite) return "sqlite:file:" + db_url().substr(7) + "?mode=ro";
    return db_url() + (db_url().find('?') == std::string::npos ? "?" : "&") +
           "options=-c%20default_transaction_read_only%3Don";
  }
};

TEST_P(HealthCheckTest, AWritableDatabaseIsWrittenTo) {
  DatabaseHealth health = check_database_writable(db(), kNow);
  EXPECT_TRUE(health.writable()) << health.status.error().message;
  EXPECT_EQ(database_state_key(health.state), "ok");
  EXPECT_EQ(checked_at(), kNow);
  EXPECT_TRUE(check_database_writable(db(), kNow + 60).writable());
  EXPECT_EQ(checked_at(), kNow + 60);
}

TEST_P(HealthCheckTest, TheRowIsPutBackWhenRemoved) {
  ASSERT_TRUE(
      db().transaction([](Connection& c) { return c.execute("DELETE FROM health_check"); }).ok());
  EXPECT_TRUE(check_database_writable(db(), kNow).writable());
  EXPECT_EQ(checked_at(), kNow);
}

TEST_P(HealthCheckTest, AReadOnlyDatabaseIsReportedAsSuch) {
  auto read_only = open_database(read_only_url());
  ASSERT_TRUE(read_only.ok()) << read_only.error().message << " "
                              << read_only.error().internal_detail;
  // It still answers reads: the old check (SELECT 1) called it healthy.
  EXPECT_TRUE((*read_only)->read([](Connection& c) { return c.query("SELECT 1"); }).ok());
  DatabaseHealth health = check_database_writable(**read_only, kNow);
  EXPECT_EQ(health.state, DatabaseState::kReadOnly) << health.status.error().internal_detail;
  EXPECT_EQ(database_state_key(health.state), "read-only");
  ASSERT_FALSE(health.status.ok());
  EXPECT_EQ(health.status.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(checked_at(), 0) << "nothing was written";
}

INLOCO_INSTANTIATE_BACKENDS(HealthCheckTest);

// A database whose connections fail as a driver would: to show the full
// disk and the unreachable server without filling a disk or stopping one.
class FailingConnection final : public Connection {
 public:
  explicit FailingConnection(Error error) : error_(std::move(error)) {}
  Dialect dialect() const override { return Dialect::kSqlite; }
  Result<Rows> query(std::string_view, const SqlParams&) override { return Rows{}; }
  Result<int64_t> execute(std::string_view, const SqlParams&) override { return Error(error_); }
  Status execute_script(std::string_view) override { return {}; }
  Status begin() override { return {}; }
  Status commit() override { return {}; }
  void rollback() noexcept override {}

 private:
  Error error_;
};

class FailingDatabase final : public Database {
 public:
  // on_connect: the connection cannot be made; otherwise every write fails.
  FailingDatabase(Error error, bool on_connect)
      : error_(std::move(error)), on_connect_(on_connect) {}
  Dialect dialect() const override { return Dialect::kSqlite; }
  std::string describe() const override { return "failing"; }

 protected:
  Result<std::unique_ptr<Connection>> connect() override {
    if (on_connect_) return Error(error_);
    return std::unique_ptr<Connection>(std::make_unique<FailingConnection>(error_));
  }

 private:
  Error error_;
  bool on_connect_;
};

TEST(HealthCheck, AFullDiskIsReportedAsSuch) {
  FailingDatabase db(
      database_errors::disk_full("sqlite: statement failed: database or disk is full"), false);
  DatabaseHealth health = check_database_writable(db, kNow);
  EXPECT_EQ(health.state, DatabaseState::kDiskFull);
  EXPECT_EQ(database_state_key(health.state), "disk full");
}

TEST(HealthCheck, ADatabaseThatCannotBeReachedIsReportedAsSuch) {
  FailingDatabase db(database_errors::unreachable("postgresql: could not connect"), true);
  DatabaseHealth health = check_database_writable(db, kNow);
  EXPECT_EQ(health.state, DatabaseState::kUnreachable);
  EXPECT_EQ(database_state_key(health.state), "unreachable");
  ASSERT_FALSE(health.status.ok());
  EXPECT_EQ(health.status.error().internal_detail, "postgresql: could not connect");
}

TEST(HealthCheck, OtherFailuresCountAsUnreachable) {
  EXPECT_EQ(database_state_of(database_errors::busy("locked")), DatabaseState::kUnreachable);
  EXPECT_EQ(database_state_of(database_errors::failed("no such table")),
            DatabaseState::kUnreachable);
  EXPECT_EQ(database_state_of(database_errors::read_only("standby")), DatabaseState::kReadOnly);
  EXPECT_EQ(database_state_of(database_errors::disk_full("full")), DatabaseState::kDiskFull);
}

}  // namespace
}  // namespace inloco

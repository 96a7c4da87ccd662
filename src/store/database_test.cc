// No requirement ID: the storage contract every requirement relies on (issue 2, section 2).
// The storage interface behaves the same on SQLite and PostgreSQL: bound
// values round-trip, a failed transaction leaves nothing behind, constraint
// violations are conflicts, and a lost PostgreSQL connection is replaced.
#include "store/database.h"

#include <gtest/gtest.h>

#include "store/drivers/open_database.h"
#include "store/drivers/postgres_database.h"
#include "store/migrations.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DatabaseTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto r = db().transaction([](Connection& c) -> Status {
      return c.execute_script(
          render_migration("CREATE TABLE things (id {{ID}}, name TEXT NOT NULL UNIQUE, n BIGINT, x "
                           "DOUBLE PRECISION)",
                           c.dialect()));
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  int64_t count() {
    auto r = db().read([](Connection& c) { return c.query("SELECT COUNT(*) FROM things"); });
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
};

TEST_P(DatabaseTest, ValuesRoundTrip) {
  auto id = db().transaction([](Connection& c) {
    return c.insert("INSERT INTO things (name, n, x) VALUES (?, ?, ?) RETURNING id",
                    {"it's a \"name\" with ? in it", int64_t{1} << 40, 2.5});
  });
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto row = db().read([&](Connection& c) {
    return c.query_one("SELECT name, n, x, NULL FROM things WHERE id = ?", {*id}, "the thing");
  });
  ASSERT_TRUE(row.ok());
  EXPECT_EQ((*row)[0].as_text(), "it's a \"name\" with ? in it");
  EXPECT_EQ((*row)[1].as_int(), int64_t{1} << 40);
  EXPECT_DOUBLE_EQ((*row)[2].as_double(), 2.5);
  EXPECT_TRUE((*row)[3].is_null());
}

TEST_P(DatabaseTest, FailedTransactionLeavesNothing) {
  auto r = db().transaction([](Connection& c) -> Status {
    TRY(c.execute("INSERT INTO things (name) VALUES (?)", {"first"}));
    return Error::invalid("stop here");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(count(), 0);
}

TEST_P(DatabaseTest, UniqueViolationIsAConflict) {
  auto r = db().transaction([](Connection& c) -> Status {
    TRY(c.execute("INSERT INTO things (name) VALUES (?)", {"same"}));
    TRY(c.execute("INSERT INTO things (name) VALUES (?)", {"same"}));
    return {};
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(count(), 0);
}

TEST_P(DatabaseTest, NotFoundNamesWhatWasMissing) {
  auto r = db().read([](Connection& c) {
    return c.query_one("SELECT id FROM things WHERE id = ?", {42}, "thing 42");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_NE(r.error().message.find("thing 42"), std::string::npos);
}

TEST_P(DatabaseTest, LostPostgresConnectionIsReplaced) {
  if (GetParam() != Dialect::kPostgres) GTEST_SKIP() << "PostgreSQL only";
  int64_t pid = 0;
  {
    auto lease = db().acquire();
    ASSERT_TRUE(lease.ok());
    pid = (*lease)->query("SELECT pg_backend_pid()")->rows[0][0].as_int();
  }
  // Another connection ends that server process, as a restart would.
  auto other = open_database(db_url());
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(
      (*other)
          ->read([&](Connection& c) { return c.query("SELECT pg_terminate_backend(?)", {pid}); })
          .ok());
  // The first use of the dead connection fails; the pool then replaces it.
  (void)db().read([](Connection& c) { return c.query("SELECT 1"); });
  auto again = db().read([](Connection& c) { return c.query("SELECT 1"); });
  EXPECT_TRUE(again.ok()) << again.error().message;
}

TEST(PlaceholderRewrite, QuestionMarksOutsideQuotesOnly) {
  EXPECT_EQ(rewrite_placeholders("SELECT ? , '?', \"a?\", ?"), "SELECT $1 , '?', \"a?\", $2");
}

INLOCO_INSTANTIATE_BACKENDS(DatabaseTest);

}  // namespace
}  // namespace inloco

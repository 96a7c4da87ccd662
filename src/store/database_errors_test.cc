// No requirement ID: issue 12 §3. What a database failure says to a person: a plain sentence
// (disk full and read-only each their own, answered 503), never SQL, the driver's words, a file
// path or a database URL; those are kept in internal_detail for the log.
#include "store/database_errors.h"

#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "store/drivers/open_database.h"
#include "store/migrations.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

// Nothing of the machinery in what a person reads.
void expect_plain_words(const Error& e) {
  for (const char* leak : {"sqlite", "SQLITE", "postgres", "SQL", "INSERT", "UPDATE", "/", "://",
                           "127.0.0.1", "constraint", "ERROR:"})
    EXPECT_EQ(e.message.find(leak), std::string::npos) << "'" << leak << "' in: " << e.message;
  for (const auto& d : e.details) EXPECT_EQ(d.find("/"), std::string::npos) << d;
}

class DatabaseErrorsTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto r = db().transaction([](Connection& c) -> Status {
      return c.execute_script(render_migration(
          "CREATE TABLE notes (id {{ID}}, body TEXT NOT NULL UNIQUE)", c.dialect()));
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
};

TEST_P(DatabaseErrorsTest, AClashSaysSoWithoutTheConstraint) {
  auto insert = [&] {
    return db().transaction([](Connection& c) -> Status {
      TRY(c.execute("INSERT INTO notes (body) VALUES (?)", {"the same"}));
      return {};
    });
  };
  ASSERT_TRUE(insert().ok());
  Status again = insert();
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  expect_plain_words(again.error());
  EXPECT_NE(again.error().internal_detail.find("notes"), std::string::npos)
      << "the log should name the table: " << again.error().internal_detail;
}

TEST_P(DatabaseErrorsTest, ADatabaseThatCannotBeReachedHidesWhereItIs) {
  std::string url = GetParam() == Dialect::kSqlite
                        ? "sqlite:/nonexistent-folder-of-inloco/nested/school.db"
                        : "postgresql://inloco:hunter2-secret@127.0.0.1:1/nowhere";
  auto opened = open_database(url);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
  expect_plain_words(opened.error());
  EXPECT_FALSE(opened.error().internal_detail.empty());
  // The log gets where it was, but never the password.
  EXPECT_EQ(opened.error().internal_detail.find("hunter2"), std::string::npos)
      << opened.error().internal_detail;
}

TEST_P(DatabaseErrorsTest, AReadOnlyDatabaseGetsItsOwnAnswer) {
  std::unique_ptr<Database> read_only;
  if (GetParam() == Dialect::kSqlite) {
    // Root (CI) ignores file modes, so open the same file the way a read-only mount would.
    std::string path = db_url().substr(std::string("sqlite:").size());
    auto opened = open_database("sqlite:file:" + path + "?mode=ro");
    ASSERT_TRUE(opened.ok()) << opened.error().message << " " << opened.error().internal_detail;
    read_only = std::move(opened).value();
  } else {
    // A standby server answers every write as PostgreSQL's read_only_sql_transaction.
    auto set = db().read([](Connection& c) -> Status {
      Rows name = TRY(c.query("SELECT current_database()"));
      TRY(c.execute_script("ALTER DATABASE \"" + name[0][0].as_text() +
                           "\" SET default_transaction_read_only = on"));
      return {};
    });
    ASSERT_TRUE(set.ok()) << set.error().message;
    auto opened = open_database(db_url());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    read_only = std::move(opened).value();
  }
  Status write = read_only->transaction([](Connection& c) -> Status {
    TRY(c.execute("INSERT INTO notes (body) VALUES (?)", {"cannot be kept"}));
    return {};
  });
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(write.error().message.find("cannot be written to"), std::string::npos)
      << write.error().message;
  expect_plain_words(write.error());
}

TEST_P(DatabaseErrorsTest, AFullDiskGetsItsOwnAnswer) {
  if (GetParam() != Dialect::kSqlite) GTEST_SKIP() << "a full disk is simulated on SQLite only";
  // SQLite's page limit fails a write exactly as a full disk does (SQLITE_FULL).
  Status write = db().transaction([](Connection& c) -> Status {
    TRY(c.execute_script("PRAGMA max_page_count = 1"));
    for (int i = 0; i < 200; ++i)
      TRY(c.execute("INSERT INTO notes (body) VALUES (?)",
                    {std::string(4000, 'a' + i % 26) + std::to_string(i)}));
    return {};
  });
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(write.error().message.find("run out of disk space"), std::string::npos)
      << write.error().message;
  expect_plain_words(write.error());
  EXPECT_NE(write.error().internal_detail.find("full"), std::string::npos)
      << write.error().internal_detail;
}

INLOCO_INSTANTIATE_BACKENDS(DatabaseErrorsTest);

}  // namespace
}  // namespace inloco

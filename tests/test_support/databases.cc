#include "test_support/databases.h"

#include <unistd.h>

#include <atomic>
#include <filesystem>

#include "store/drivers/open_database.h"
#include "store/migrations.h"
#include "test_support/postgres_cluster.h"

namespace inloco::test {
namespace fs = std::filesystem;

namespace {

// One temporary folder per test process for SQLite files, removed at exit.
const fs::path& sqlite_dir() {
  static struct Dir {
    fs::path path;
    Dir() {
      path = fs::temp_directory_path() / ("inloco-test-" + std::to_string(getpid()));
      fs::create_directories(path);
    }
    ~Dir() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } dir;
  return dir.path;
}

}  // namespace

std::string fresh_database_url(Dialect dialect) {
  if (dialect == Dialect::kPostgres) return new_postgres_database();
  static std::atomic<int> counter{0};
  return "sqlite:" + (sqlite_dir() / ("db" + std::to_string(++counter) + ".sqlite")).string();
}

std::unique_ptr<Database> fresh_database(Dialect dialect) {
  std::string url = fresh_database_url(dialect);
  auto db = open_database(url);
  if (!db.ok()) throw std::runtime_error("could not open " + url + ": " + db.error().message);
  auto m = migrate(**db);
  if (!m.ok()) throw std::runtime_error("could not migrate " + url + ": " + m.error().message);
  return std::move(db).value();
}

void BackendTest::SetUp() {
  url_ = fresh_database_url(GetParam());
  auto db = open_database(url_);
  ASSERT_TRUE(db.ok()) << db.error().message;
  db_ = std::move(db).value();
  auto m = migrate(*db_);
  ASSERT_TRUE(m.ok()) << m.error().message;
}

std::string backend_name(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::kSqlite ? "sqlite" : "postgres";
}

}  // namespace inloco::test

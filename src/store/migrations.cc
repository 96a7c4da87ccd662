#include "store/migrations.h"

#include <charconv>
#include <ctime>
#include <set>

#include "core/embedded_file.h"

namespace inloco {

std::string render_migration(std::string_view sql, Dialect dialect) {
  const std::string_view macro = "{{ID}}";
  const std::string_view id =
      dialect == Dialect::kSqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t hit = sql.find(macro, pos);
    out.append(sql.substr(pos, hit == std::string_view::npos ? hit : hit - pos));
    if (hit == std::string_view::npos) break;
    out.append(id);
    pos = hit + macro.size();
  }
  return out;
}

namespace {

Status ensure_table(Connection& conn) {
  return conn.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
}

int version_of(std::string_view path) {
  int v = 0;
  std::from_chars(path.data(), path.data() + path.size(), v);
  return v;
}

}  // namespace

Result<int> schema_version(Database& db) {
  return db.read([&](Connection& conn) -> Result<int> {
    TRY(ensure_table(conn));
    Rows rows = TRY(conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    return static_cast<int>(rows[0][0].as_int());
  });
}

Result<int> migrate(Database& db) {
  TRY(schema_version(db));  // creates the bookkeeping table
  // Every migration not yet recorded runs, even one numbered below the
  // highest applied (two branches that each added one land in either order).
  std::set<int> done;
  {
    Rows rows = TRY(
        db.read([](Connection& c) { return c.query("SELECT version FROM schema_migrations"); }));
    for (const Row& r : rows) done.insert(static_cast<int>(r[0].as_int()));
  }
  int applied = 0;
  for (const EmbeddedFile& file : embedded_migrations()) {
    int version = version_of(file.path);
    if (version <= 0)
      return Error::internal("migration file without a number: " + std::string(file.path));
    if (done.count(version)) continue;
    std::string sql = render_migration(file.content, db.dialect());
    TRY(db.transaction([&](Connection& conn) -> Status {
      // Re-check inside the transaction: another process may have migrated meanwhile.
      Rows done = TRY(conn.query("SELECT 1 FROM schema_migrations WHERE version = ?", {version}));
      if (!done.empty()) return {};
      if (auto s = conn.execute_script(sql); !s.ok())
        return Error::internal("migration " + std::string(file.path) +
                               " failed: " + s.error().message);
      TRY(conn.execute(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
          {version, std::string(file.path), static_cast<int64_t>(std::time(nullptr))}));
      ++applied;
      return {};
    }));
  }
  return applied;
}

}  // namespace inloco

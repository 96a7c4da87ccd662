// Numbered schema migrations (src/store/migrations/NNNN_name.sql, compiled in).
// Each runs once, in its own transaction, on SQLite and PostgreSQL alike.
#pragma once

#include <string>
#include <string_view>

#include "store/database.h"

namespace inloco {

// Replaces the portable macros ({{ID}}) with the dialect's own SQL.
std::string render_migration(std::string_view sql, Dialect dialect);

// Applies every migration not yet applied; returns how many it applied.
Result<int> migrate(Database& db);

// The highest version applied (0 for an empty database).
Result<int> schema_version(Database& db);

}  // namespace inloco

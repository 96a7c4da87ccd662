// Opening a database from its setting. The drivers are the only part of inloco
// that links a database client library (SQLite, libpq): everything else is
// written against the Database interface of store/database.h, so a program
// that never opens a database (inloco-squid-helper) does not carry them.
#pragma once

#include <memory>
#include <string_view>

#include "core/result.h"
#include "store/database.h"

namespace inloco {

// "sqlite:PATH", "sqlite::memory:" (tests), or "postgresql://..." / "postgres://...".
Result<std::unique_ptr<Database>> open_database(std::string_view url);

}  // namespace inloco

// The SQLite backend: WAL journal, foreign keys on, a busy timeout so that
// concurrent writers wait instead of failing.
#pragma once

#include <memory>
#include <string_view>

#include "store/database.h"

namespace inloco {

// path: a file path (its folder must exist) or ":memory:" — for which every
// pooled connection shares one named in-memory database.
Result<std::unique_ptr<Database>> open_sqlite(std::string_view path);

}  // namespace inloco

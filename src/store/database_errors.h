// The errors a database backend returns, each with a sentence a person can
// act on and the driver's own words kept apart in internal_detail (for the log
// and the command line): SQL, file paths and database URLs never reach a page.
// One set for both backends, so SQLite and PostgreSQL fail alike.
#pragma once

#include <string>

#include "core/result.h"

namespace inloco::database_errors {

// A constraint stopped the change (a duplicate, a missing parent row).
Error clash(std::string detail);
// Another writer holds the lock, or the pool has no free connection.
Error busy(std::string detail);
// The disk holding the database is full: nothing was saved (503).
Error disk_full(std::string detail);
// The database is read-only (file permissions, a standby server): nothing was saved (503).
Error read_only(std::string detail);
// The database cannot be reached or opened (503).
Error unreachable(std::string detail);
// Anything else: a bug or an unexpected failure (500).
Error failed(std::string detail);

}  // namespace inloco::database_errors

// The PostgreSQL backend (libpqxx). Statements written with `?` placeholders
// are rewritten to `$1..$n` and prepared once per connection.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/database.h"

namespace inloco {

Result<std::unique_ptr<Database>> open_postgres(std::string_view url);

// `?` → `$n`, leaving quoted text alone. Exposed for tests.
std::string rewrite_placeholders(std::string_view sql);

}  // namespace inloco

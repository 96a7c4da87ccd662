#include "store/drivers/open_database.h"

#include <string>

#include "store/drivers/postgres_database.h"
#include "store/drivers/sqlite_database.h"

namespace inloco {

Result<std::unique_ptr<Database>> open_database(std::string_view url) {
  if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7));
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return open_postgres(url);
  return Error::invalid(
             "The database setting is not understood: use sqlite:PATH or a postgresql:// URL.")
      .with_internal_detail("database setting: " + std::string(url.substr(0, url.find(':'))) +
                            ":...");
}

}  // namespace inloco

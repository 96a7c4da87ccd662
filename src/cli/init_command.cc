// inloco init: creates (or brings up to date) the database schema.
#include <filesystem>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "store/database.h"
#include "store/drivers/open_database.h"
#include "store/migrations.h"

namespace inloco::cli {

void add_init_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("init", "Create the database, or apply new migrations to it");
  auto db_url = std::make_shared<std::string>(default_db());
  auto key_path = std::make_shared<std::string>(default_key_path());
  cmd->add_option("--db", *db_url, "Database: sqlite:PATH or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--key", *key_path, "Secret key file; created with mode 0600 if missing")
      ->capture_default_str();
  cmd->callback([db_url, key_path] {
    if (!load_key(*key_path)) return set_exit_code(2);
    if (db_url->starts_with("sqlite:")) {
      std::filesystem::path p(db_url->substr(7));
      if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    }
    auto db = inloco::open_database(*db_url);
    if (!db.ok()) {
      print_error(db.error());
      return set_exit_code(2);
    }
    auto applied = migrate(**db);
    if (!applied.ok()) {
      print_error(applied.error());
      return set_exit_code(2);
    }
    std::cout << (*db)->describe() << ": " << *applied << " migration(s) applied\n"
              << "Secret key: " << *key_path << " (keep it private and out of database backups)\n";
  });
}

}  // namespace inloco::cli

// inloco audit verify --db DB: checks the audit log's hash chain (IAM-3).
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/drivers/open_database.h"

namespace inloco::cli {

void add_audit_command(CLI::App& app) {
  auto* audit = app.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand(
      "verify", "Check that no audit entry was changed, removed or reordered");
  auto db_url = std::make_shared<std::string>(default_db());
  verify->add_option("--db", *db_url, "Database: sqlite:PATH or a postgresql:// URL")
      ->capture_default_str();
  verify->callback([db_url] {
    auto db = inloco::open_database(*db_url);
    if (!db.ok()) {
      print_error(db.error());
      return set_exit_code(2);
    }
    auto v = verify_audit(**db);
    if (!v.ok()) {
      print_error(v.error());
      return set_exit_code(2);
    }
    if (v->intact) {
      std::cout << "intact: " << v->entries << " entries verified\n";
      return set_exit_code(0);
    }
    std::cout << "NOT intact: entry " << v->first_bad_id << " does not verify: " << v->reason
              << " (" << v->entries << " entries before it verified)\n";
    set_exit_code(1);
  });
}

}  // namespace inloco::cli

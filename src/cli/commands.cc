#include "cli/commands.h"

#include <cstdlib>

namespace inloco::cli {

namespace {
int g_exit_code = 0;
}

void set_exit_code(int code) { g_exit_code = code; }
int exit_code() { return g_exit_code; }

std::string default_db() {
  const char* env = std::getenv("INLOCO_DB");
  return env && *env ? env : kDefaultDb;
}

void register_commands(CLI::App& app) {
  add_init_command(app);
  add_serve_command(app);
  add_demo_command(app);
  add_user_command(app);
  add_import_command(app);
  add_audit_command(app);
  add_profile_command(app);
  add_check_command(app);
  add_consent_command(app);
  add_posts_command(app);
  add_filter_command(app);
}

}  // namespace inloco::cli

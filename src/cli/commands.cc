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

void register_commands(CLI::App& app, const Clock& clock) {
  add_init_command(app);
  add_serve_command(app, clock);
  add_demo_command(app, clock);
  add_user_command(app, clock);
  add_import_command(app, clock);
  add_audit_command(app);
  add_profile_command(app, clock);
  add_check_command(app);
  add_consent_command(app, clock);
  add_posts_command(app, clock);
  add_filter_command(app, clock);
}

}  // namespace inloco::cli

// Registration of the command-line subcommands; one file per subcommand.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/clock.h"

namespace inloco::cli {

// `clock` is the process's one clock (process_clock.h): every command that reads the time
// reads it there. It must outlive `app`.
void register_commands(CLI::App& app, const Clock& clock);

// Each subcommand's callback sets the process exit code here.
void set_exit_code(int code);
int exit_code();

// Shared options.
inline const char* kDefaultDb = "sqlite:var/inloco.db";
std::string default_db();  // $INLOCO_DB or kDefaultDb

void add_init_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_serve_command(CLI::App& app, const Clock& clock);
void add_demo_command(CLI::App& app, const Clock& clock);
void add_user_command(CLI::App& app, const Clock& clock);
void add_import_command(CLI::App& app, const Clock& clock);
void add_profile_command(CLI::App& app, const Clock& clock);
void add_check_command(CLI::App& app);
void add_consent_command(CLI::App& app, const Clock& clock);
void add_posts_command(CLI::App& app, const Clock& clock);
void add_filter_command(CLI::App& app, const Clock& clock);
// `filter lists`, `filter ingest` and `filter rpz`, added by add_filter_command.
void add_filter_lists_subcommand(CLI::App& filter, const Clock& clock);
void add_filter_ingest_subcommand(CLI::App& filter, const Clock& clock);
void add_filter_rpz_subcommand(CLI::App& filter, const Clock& clock);

}  // namespace inloco::cli

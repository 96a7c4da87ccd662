// Registration of the command-line subcommands; one file per subcommand.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace inloco::cli {

void register_commands(CLI::App& app);

// Each subcommand's callback sets the process exit code here.
void set_exit_code(int code);
int exit_code();

// Shared options.
inline const char* kDefaultDb = "sqlite:var/inloco.db";
std::string default_db();  // $INLOCO_DB or kDefaultDb

void add_init_command(CLI::App& app);
void add_audit_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_user_command(CLI::App& app);
void add_import_command(CLI::App& app);
void add_profile_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_consent_command(CLI::App& app);
void add_posts_command(CLI::App& app);
void add_filter_command(CLI::App& app);
void add_filter_lists_subcommand(CLI::App& filter);  // `filter lists`, added by add_filter_command
void add_filter_ingest_subcommand(CLI::App& filter);  // `filter ingest`, added by add_filter_command
void add_filter_rpz_subcommand(CLI::App& filter);  // `filter rpz`, added by add_filter_command

}  // namespace inloco::cli

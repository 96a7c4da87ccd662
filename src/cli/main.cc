// inloco: the command line. Each subcommand lives in its own file (cli/*_command.cc).
#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "core/crypto.h"

int main(int argc, char** argv) {
  inloco::crypto_init();
  CLI::App app{"inloco: a school's social media policy, put into practice"};
  app.require_subcommand(1);
  inloco::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return inloco::cli::exit_code();
}

// inloco: the command line. Each subcommand lives in its own file (cli/*_command.cc).
#include <CLI/CLI.hpp>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "cli/process_clock.h"
#include "core/crypto.h"

int main(int argc, char** argv) {
  inloco::crypto_init();
  // One clock for the whole process (a fixed one under the INLOCO_FAKE_NOW test hook); it
  // outlives `app`, whose command callbacks hold it.
  auto clock = inloco::cli::process_clock();
  if (!clock.ok()) {
    inloco::cli::print_error(clock.error());
    return 2;
  }
  CLI::App app{"inloco: a school's social media policy, put into practice"};
  app.require_subcommand(1);
  inloco::cli::register_commands(app, **clock);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return inloco::cli::exit_code();
}

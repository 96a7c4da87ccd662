// inloco import people FILE --school CODE (ORG-4): all or nothing, with a
// progress bar on a terminal and every bad row listed with its line number.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "people/people_import.h"

namespace inloco::cli {

namespace {

void draw_progress(size_t done, size_t total) {
  if (total == 0) return;
  constexpr int kWidth = 40;
  int filled = static_cast<int>(kWidth * done / total);
  std::cerr << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
            << done << "/" << total << std::flush;
  if (done == total) std::cerr << "\n";
}

}  // namespace

void add_import_command(CLI::App& app, const Clock& clock) {
  auto* import = app.add_subcommand("import", "Import records from CSV files");
  import->require_subcommand(1);
  auto db_url = std::make_shared<std::string>(default_db());
  auto file = std::make_shared<std::string>();
  auto school = std::make_shared<std::string>();
  auto* people = import->add_subcommand(
      "people", "Import people from a school information system's CSV export (see docs/import.md)");
  people->add_option("FILE", *file, "The CSV file")->required()->check(CLI::ExistingFile);
  people->add_option("--school", *school, "The school's code")->required();
  people->add_option("--db", *db_url, "Database")->capture_default_str();
  people->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school, WithProfile::kNo);
    if (!s) return;
    std::ifstream in(*file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    ImportProgress progress;
    if (isatty(STDERR_FILENO)) progress = draw_progress;
    auto report =
        import_people_csv(*s->db, clock, Actor::command_line(), s->school.id, text.str(), progress);
    if (!report.ok()) {
      print_error(report.error());
      return set_exit_code(1);
    }
    std::cout << "Imported " << *file << " into " << s->school.name << ": " << report->created
              << " added, " << report->updated << " updated, " << report->unchanged
              << " unchanged, " << report->links << " family links.\n";
  });
}

}  // namespace inloco::cli

// inloco filter: the web filter's lists (NET-1, NET-4, NET-6, LAW-8).
//   inloco filter compile --lists DIR [--lists DIR2 ...] -o SNAPSHOT
//       reads squidGuard-format category folders (later folders add to the
//       categories of earlier ones), prints each bad line as FILE:LINE:
//       message, a progress bar when standard error is a terminal, and a
//       summary; writes the snapshot atomically.
//   inloco filter check --snapshot SNAPSHOT [FILE|-]
//       one URL per line in; "URL<TAB>allow|block<TAB>category<TAB>rule" out
//       ("-" for none; the category column lists the decisive category
//       first, then every other that matched, comma-separated). A URL that cannot be read is
//       blocked with the rule "invalid:<why>" (fail closed).
// Exit status: compile 0 (problems are warnings), 2 when it cannot run;
// check 0 when every URL was allowed, 1 when any was blocked, 2 when the
// snapshot cannot be opened.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "filter/list_compiler.h"
#include "filter/matcher.h"
#include "filter/policy.h"
#include "filter/snapshot.h"
#include "filter/snapshot_writer.h"
#include "filter/url_normaliser.h"

namespace inloco::cli {

namespace {

struct FilterArgs {
  std::vector<std::string> lists;
  std::string output;
  std::string snapshot;
  std::string input = "-";
};

int run_compile(const FilterArgs& a) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::filesystem::path> folders(a.lists.begin(), a.lists.end());
  bool tty = ::isatty(STDERR_FILENO) == 1;
  int last_percent = -1;
  filter::CompileProgress progress;
  if (tty) {
    progress = [&](uint64_t done, uint64_t total, const std::string&) {
      int percent = total ? static_cast<int>(done * 100 / total) : 100;
      if (percent == last_percent) return;
      last_percent = percent;
      std::string bar(static_cast<size_t>(percent / 2), '#');
      bar.resize(50, ' ');
      std::fprintf(stderr, "\rreading lists [%s] %3d%%", bar.c_str(), percent);
      std::fflush(stderr);
    };
  }
  auto lists = filter::compile_lists(folders, progress);
  if (tty) std::fprintf(stderr, "\n");
  if (!lists.ok()) {
    print_error(lists.error());
    return 2;
  }
  for (const auto& p : lists->problems) std::cerr << p.to_string() << "\n";
  auto stats = filter::write_snapshot(*lists, a.output);
  if (!stats.ok()) {
    print_error(stats.error());
    return 2;
  }
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "categories: " << stats->categories << " (and " << stats->aliases
            << " aliases); domains: " << stats->domains << "; url entries: " << stats->urls
            << "; expressions: " << stats->expressions << "; problems: " << lists->problems.size()
            << "\n"
            << "wrote " << a.output << " (" << stats->bytes << " bytes) in "
            << static_cast<long>(ms) << " ms\n";
  return 0;
}

// One output field: tabs and line breaks would break the line format.
std::string field(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

int run_check(const FilterArgs& a) {
  auto snapshot = filter::Snapshot::open(a.snapshot);
  if (!snapshot.ok()) {
    print_error(snapshot.error());
    return 2;
  }
  filter::Matcher matcher(**snapshot);
  filter::BlockListedPolicy policy;
  std::ifstream file;
  std::istream* in = &std::cin;
  if (a.input != "-") {
    file.open(a.input, std::ios::binary);
    if (!file) {
      print_error(Error::not_found("Cannot read " + a.input + ": check the file name."));
      return 2;
    }
    in = &file;
  }
  bool any_blocked = false;
  std::string line;
  std::string out;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    out = field(line);
    auto url = filter::normalise_url(line);
    if (!url.ok()) {
      out += "\tblock\t-\tinvalid:" + field(url.error().message);
      any_blocked = true;
    } else {
      auto matches = matcher.match_all(*url);
      filter::Decision d = policy.decide({*url, {}, {}, 0}, matches);
      out += "\t";
      out += filter::verdict_name(d.verdict);
      if (d.because) {
        // The decisive category first, then any other that matched.
        std::string cats = d.because->category_name;
        for (const auto& m : matches)
          if (m.category != d.because->category) cats += "," + m.category_name;
        out += "\t" + field(cats) + "\t" + field(d.because->rule());
      } else {
        out += "\t-\t-";
      }
      any_blocked = any_blocked || d.verdict == filter::Verdict::kBlock;
    }
    out += '\n';
    std::cout << out;
  }
  std::cout.flush();
  return any_blocked ? 1 : 0;
}

}  // namespace

void add_filter_command(CLI::App& app) {
  auto a = std::make_shared<FilterArgs>();
  auto* cmd = app.add_subcommand("filter", "The web filter's category lists (NET-1)");
  cmd->require_subcommand(1);
  auto* compile = cmd->add_subcommand(
      "compile", "Compile squidGuard-format category folders into one snapshot file");
  compile->add_option("--lists", a->lists, "A folder of category folders (repeatable; later add)")
      ->required();
  compile->add_option("-o,--output", a->output, "The snapshot file to write")->required();
  compile->callback([a] { set_exit_code(run_compile(*a)); });
  auto* check = cmd->add_subcommand(
      "check", "Check URLs (one per line): URL, allow|block, category and rule per line");
  check->add_option("--snapshot", a->snapshot, "A snapshot from `inloco filter compile`")
      ->required();
  check->add_option("FILE", a->input, "URLs, one per line; - for standard input")
      ->capture_default_str();
  check->callback([a] { set_exit_code(run_check(*a)); });
  add_filter_lists_subcommand(*cmd);
}

}  // namespace inloco::cli

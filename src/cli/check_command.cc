// inloco check: the automatic text checks of posts (PST-2, PST-3, PST-4).
//   inloco check [--profile FILE] [--school CODE --db DB] [--jsonl] [FILE|-]
//       one text per line (or JSON lines with a "text" field) in; one JSON
//       line per text out: {"decision":..., "findings":[...]}
//   inloco check --eval FILE.csv
//       precision, recall, F1 and false-alarm rate on a labelled set
// Terms: the shipped lexicons (or --lexicons DIR) plus --terms FILE (the
// school's own: .tsv, .csv with term,category,severity, or a plain list
// with --category and --severity). Roster: the school's pupils (--school)
// or --roster FILE (CSV given,family). Exit status: 0 when every text
// passed, 1 when any was held or refused, 2 when the checker cannot start.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "checks/check_json.h"
#include "checks/checker_eval.h"
#include "checks/text_checker.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "profile/profile_loader.h"

namespace inloco::cli {

namespace {

struct CheckArgs {
  std::string input = "-";
  std::string profile_file;
  std::string school;
  std::string db = default_db();
  std::string lexicons;
  std::string terms;
  std::string category = "offensive";
  std::string severity = "medium";
  std::string roster;
  std::string eval;
  bool jsonl = false;
  bool with_media = false;
  bool show_mistakes = false;
};

Result<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("Cannot read " + path + ": check the file name.");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<std::vector<checks::LexiconTerm>> school_terms(const CheckArgs& a) {
  std::string text = TRY(read_all(a.terms));
  std::string ext = std::filesystem::path(a.terms).extension().string();
  if (ext == ".tsv") return checks::parse_lexicon_tsv(text, a.terms);
  if (ext == ".csv") return checks::import_term_csv(text, a.terms);
  checks::Severity sev = TRY(checks::parse_severity(a.severity));
  return checks::import_plain_list(text, a.terms, a.category, sev);
}

struct Setup {
  std::unique_ptr<checks::TextChecker> checker;
  PostRules rules;
};

Result<Setup> set_up(const CheckArgs& a) {
  checks::CheckerConfig config;
  PostRules rules;
  if (!a.lexicons.empty())
    config.terms = TRY(checks::load_lexicon_dir(a.lexicons));
  else
    config.terms = checks::builtin_lexicon();
  if (!a.terms.empty()) {
    auto extra = TRY(school_terms(a));
    config.terms.insert(config.terms.end(), extra.begin(), extra.end());
  }
  if (!a.school.empty()) {
    SchoolSession s = TRY(open_school(a.db, a.school));
    const int64_t school_id = s.school.id;
    rules = s.profile.posts;
    config.roster =
        TRY(s.db->read([&](Connection& c) { return checks::school_roster(c, school_id); }));
  }
  if (!a.profile_file.empty()) rules = TRY(load_profile_file(a.profile_file)).posts;
  if (!a.roster.empty()) {
    auto extra = TRY(checks::parse_roster_csv(TRY(read_all(a.roster))));
    config.roster.insert(config.roster.end(), extra.begin(), extra.end());
  }
  auto checker = TRY(checks::TextChecker::compile(config));
  return Setup{std::move(checker), std::move(rules)};
}

int run_eval(const CheckArgs& a, const Setup& s) {
  auto csv = read_all(a.eval);
  if (!csv.ok()) {
    print_error(csv.error());
    return 2;
  }
  auto report = checks::evaluate_checker(*s.checker, s.rules, *csv);
  if (!report.ok()) {
    print_error(report.error());
    return 2;
  }
  const auto& c = report->counts;
  std::cout << "texts: "
            << (c.true_positives + c.false_positives + c.true_negatives + c.false_negatives)
            << " (tp " << c.true_positives << ", fp " << c.false_positives << ", tn "
            << c.true_negatives << ", fn " << c.false_negatives << ")\n";
  std::cout.setf(std::ios::fixed);
  std::cout.precision(4);
  std::cout << "precision: " << c.precision() << "\nrecall: " << c.recall() << "\nf1: " << c.f1()
            << "\nfalse_alarm_rate: " << c.false_alarm_rate() << "\n";
  if (a.show_mistakes) {
    for (const auto& t : report->false_alarms) std::cout << "false alarm: " << t << "\n";
    for (const auto& t : report->misses) std::cout << "missed: " << t << "\n";
  }
  return 0;
}

int run_batch(const CheckArgs& a, const Setup& s) {
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
  checks::CheckOptions options{.with_media = a.with_media};
  std::string line;
  bool all_passed = true;
  while (std::getline(*in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    nlohmann::ordered_json out;
    std::string text = line;
    bool readable = true;
    if (a.jsonl) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        out = checks::check_error_json(Error::invalid(
            "This line is not a JSON object with a \"text\" string; write one per line."));
        readable = false;
      } else {
        text = j["text"].get<std::string>();
      }
    }
    if (readable) {
      auto r = s.checker->check(text, s.rules, options);
      out = r.ok() ? checks::check_result_json(*r) : checks::check_error_json(r.error());
    }
    if (out["decision"] != "pass") all_passed = false;
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return all_passed ? 0 : 1;
}

}  // namespace

void add_check_command(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", "Check texts against the school's content rules (PST-2/3/4): one JSON line each");
  cmd->add_option("FILE", a->input, "Texts, one per line; - for standard input")
      ->capture_default_str();
  cmd->add_option("--profile", a->profile_file,
                  "A policy profile (TOML) whose [posts] checks apply");
  cmd->add_option("--school", a->school, "A school's code: its profile and its pupils' names");
  cmd->add_option("--db", a->db, "Database (with --school)")->capture_default_str();
  cmd->add_flag("--jsonl", a->jsonl, "Input lines are JSON objects with a \"text\" field");
  cmd->add_flag("--with-media", a->with_media, "The texts go with images or video (PST-4)");
  cmd->add_option("--lexicons", a->lexicons,
                  "A folder of *.tsv lexicons instead of the shipped ones");
  cmd->add_option("--terms", a->terms,
                  "The school's own terms: .tsv, .csv (term,category,severity) or a plain list");
  cmd->add_option("--category", a->category, "Category of a plain --terms list")
      ->capture_default_str();
  cmd->add_option("--severity", a->severity, "Severity of a plain --terms list")
      ->capture_default_str();
  cmd->add_option("--roster", a->roster, "Pupils' names: a CSV with columns given,family");
  cmd->add_option("--eval", a->eval,
                  "A labelled CSV (text,label; 1 = not acceptable): print precision, recall, F1");
  cmd->add_flag("--show-mistakes", a->show_mistakes, "With --eval: list false alarms and misses");
  cmd->callback([a] {
    auto setup = set_up(*a);
    if (!setup.ok()) {
      print_error(setup.error());
      return set_exit_code(2);
    }
    set_exit_code(a->eval.empty() ? run_batch(*a, *setup) : run_eval(*a, *setup));
  });
}

}  // namespace inloco::cli

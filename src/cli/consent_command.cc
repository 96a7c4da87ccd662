// inloco consent ...: the consent register on the command line (CON-1..8).
//   import FILE --school CODE [--year YEAR]   all or nothing; every bad row as "line N: reason"
//   renewals --school CODE [--class NAME | --year-group NAME] [--csv]   who needs a decision
//   (CON-7) log --school CODE [--pupil ID] [filters] [--csv]   the consent log (CON-6), audited as
//   a view record --school CODE --pupil ID --use USE --decision granted|refused --by ID|pupil
//   --date D --form REF withdraw --school CODE --pupil ID --use USE --by ID|pupil --date D --form
//   REF
//       one form; a withdrawal lists the removal tasks it opened (CON-4, CON-5)
//   removals --school CODE   removal tasks still open, the soonest due first
// Pupils and parents are named by the school information system's external
// id. Exit status: 0 done, 1 refused or not found, 2 the database cannot be opened.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "consent/consent_import.h"
#include "consent/consent_log.h"
#include "consent/consent_register.h"
#include "consent/removal_tasks.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "core/text.h"
#include "people/people_store.h"
#include "posts/post_context.h"

namespace inloco::cli {

namespace {

CalendarDate today(const Clock& clock) { return date_of(clock.now()); }

// The year named by --year, or the current academic year.
Result<AcademicYear> year_or_current(const std::string& text, const Clock& clock) {
  if (text.empty()) return academic_year_of(today(clock));
  return parse_academic_year(text);
}

Result<Person> find_pupil(Connection& c, int64_t school_id, const std::string& external_id) {
  auto p = find_person_by_external_id(c, school_id, external_id);
  if (!p.ok() && p.error().code != ErrorCode::kNotFound) return p;
  if (!p.ok() || p->kind != PersonKind::kPupil)
    return Error::not_found("There is no pupil with the external id '" + external_id +
                            "' at this school; check the id in your information system.");
  return p;
}

std::string pupil_label(const std::string& name, const std::optional<std::string>& external_id) {
  return external_id ? name + " (" + *external_id + ")" : name;
}

// Fails the command: prints the error and sets exit status 1.
void fail(const Error& e) {
  print_error(e);
  set_exit_code(1);
}

void add_import(CLI::App& consent, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto file = std::make_shared<std::string>();
  auto school = std::make_shared<std::string>();
  auto year = std::make_shared<std::string>();
  auto* cmd = consent.add_subcommand(
      "import", "Import consent decisions from a CSV file: all or nothing, every bad row named");
  cmd->add_option("FILE", *file, "The CSV file (see src/consent/consent_import.h for the columns)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--school", *school, "The school's code")->required();
  cmd->add_option("--year", *year,
                  "The academic year of rows without one, e.g. 2026/27 (default: this year)");
  cmd->add_option("--db", *db_url, "Database")->capture_default_str();
  cmd->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school);
    if (!s) return;
    auto y = year_or_current(*year, clock);
    if (!y.ok()) return fail(y.error());
    std::ifstream in(*file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string csv_text = text.str();
    auto report = s->db->transaction([&](Connection& c) {
      return import_consent_csv(SchoolScope{c, clock, Actor::command_line(), s->school.id},
                                s->profile.consent, *y, csv_text, published_posts_finder());
    });
    if (!report.ok()) return fail(report.error());
    std::cout << "Imported " << *file << " into " << s->school.name << " (" << y->label()
              << "): " << report->rows << " rows, " << report->recorded << " recorded, "
              << report->unchanged << " unchanged, " << report->withdrawals
              << " withdrawals opening " << report->removal_tasks << " removal tasks.\n";
  });
}

void add_renewals(CLI::App& consent, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto class_name = std::make_shared<std::string>();
  auto year_group = std::make_shared<std::string>();
  auto csv = std::make_shared<bool>(false);
  auto* cmd = consent.add_subcommand(
      "renewals",
      "List the pupils with no consent decision this academic year for some use (CON-7)");
  cmd->add_option("--school", *school, "The school's code")->required();
  auto* cls = cmd->add_option("--class", *class_name, "Only this class, e.g. Kestrels");
  cmd->add_option("--year-group", *year_group, "Only this year group, e.g. \"Year 5\"")
      ->excludes(cls);
  cmd->add_flag("--csv", *csv, "As CSV (class, year group, pupil, external id, missing uses)");
  cmd->add_option("--db", *db_url, "Database")->capture_default_str();
  cmd->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school);
    if (!s) return;
    std::optional<PupilGroup> group;
    if (!class_name->empty()) group = PupilGroup{*class_name, std::nullopt};
    if (!year_group->empty()) group = PupilGroup{std::nullopt, *year_group};
    AcademicYear year = academic_year_of(today(clock));
    const ConsentRules& rules = s->profile.consent;
    auto rows = s->db->read([&](Connection& c) {
      return pupils_without_decision(c, rules, s->school.id, year, group);
    });
    if (!rows.ok()) return fail(rows.error());
    if (*csv) {
      std::cout << renewals_csv(*rows, rules);
      return;
    }
    if (rows->empty()) {
      std::cout << "No pupil of " << s->school.name << (group ? " in that class or year group" : "")
                << " lacks a decision for " << year.label() << ".\n";
      return;
    }
    std::cout << rows->size() << " pupils of " << s->school.name << " have no decision for "
              << year.label() << " for some use:\n\n";
    std::vector<TableRow> table;
    for (const RenewalRow& r : *rows)
      table.push_back({r.class_name, r.year_group, r.name, r.external_id.value_or(""),
                       join(r.missing_uses, ", ")});
    print_table(std::cout, {"class", "year group", "pupil", "external id", "missing"}, table);
  });
}

struct LogArgs {
  std::string db = default_db();
  std::string school;
  std::string pupil;
  std::string year;
  std::string use;
  std::string class_name;
  std::string decision;
  std::string kind;
  bool standing = false;
  bool csv = false;
  int64_t limit = 100;
  int64_t offset = 0;
};

void add_log(CLI::App& consent, const Clock& clock) {
  auto a = std::make_shared<LogArgs>();
  auto* cmd = consent.add_subcommand(
      "log", "List or export the consent log (CON-6); each listing is recorded in the audit log");
  cmd->add_option("--school", a->school, "The school's code")->required();
  cmd->add_option("--pupil", a->pupil, "One pupil's history, by their external id");
  cmd->add_option("--year", a->year, "One academic year, e.g. 2026/27");
  cmd->add_option("--use", a->use, "One use, e.g. images_school_accounts");
  cmd->add_option("--class", a->class_name, "One class");
  cmd->add_option("--decision", a->decision, "granted or refused")
      ->check(CLI::IsMember({"granted", "refused"}));
  cmd->add_option("--kind", a->kind, "initial, amendment or withdrawal")
      ->check(CLI::IsMember({"initial", "amendment", "withdrawal"}));
  cmd->add_flag("--standing", a->standing,
                "Only the decision that stands for each pupil, year and use");
  cmd->add_option("--limit", a->limit, "At most this many rows (1-500; --csv exports all)")
      ->capture_default_str();
  cmd->add_option("--offset", a->offset, "Skip this many rows first")->capture_default_str();
  cmd->add_flag("--csv", a->csv, "Export every match as CSV");
  cmd->add_option("--db", a->db, "Database")->capture_default_str();
  cmd->callback([a, &clock] {
    auto s = open_school_or_report(a->db, a->school);
    if (!s) return;
    ConsentLogQuery q;
    q.school_id = s->school.id;
    if (!a->year.empty()) {
      auto y = parse_academic_year(a->year);
      if (!y.ok()) return fail(y.error());
      q.year = *y;
    }
    if (!a->use.empty()) q.use = a->use;
    if (!a->class_name.empty()) q.class_name = a->class_name;
    if (!a->decision.empty()) q.decision = parse_consent_state(a->decision);
    if (!a->kind.empty()) q.kind = parse_decision_kind(a->kind);
    q.standing_only = a->standing;
    q.limit = a->limit;
    q.offset = a->offset;
    const ConsentRules& rules = s->profile.consent;
    if (a->csv) {
      auto out = s->db->transaction([&](Connection& c) -> Result<std::string> {
        if (!a->pupil.empty()) q.pupil_id = TRY(find_pupil(c, q.school_id, a->pupil)).id;
        return consent_log_csv(c, clock, Actor::command_line(), rules, q);
      });
      if (!out.ok()) return fail(out.error());
      std::cout << *out;
      return;
    }
    auto page = s->db->transaction([&](Connection& c) -> Result<ConsentLogPage> {
      if (!a->pupil.empty()) q.pupil_id = TRY(find_pupil(c, q.school_id, a->pupil)).id;
      return list_consent_log(c, clock, Actor::command_line(), q);
    });
    if (!page.ok()) return fail(page.error());
    if (page->decisions.empty()) {
      std::cout << "No consent decisions match.\n";
      return;
    }
    std::vector<TableRow> table;
    for (const ConsentDecision& d : page->decisions)
      table.push_back({std::to_string(d.id), d.year.label(), d.pupil_name, d.use,
                       std::string(consent_state_key(d.decision)),
                       std::string(decision_kind_key(d.kind)), d.given_by_name,
                       d.effective_from.iso(), d.form_reference});
    print_table(std::cout,
                {"id", "year", "pupil", "use", "decision", "kind", "given by", "from", "form"},
                table);
    std::cout << "\n" << page->decisions.size() << " of " << page->total << " decisions";
    if (q.offset + static_cast<int64_t>(page->decisions.size()) < page->total)
      std::cout << "; see more with --offset "
                << q.offset + static_cast<int64_t>(page->decisions.size());
    std::cout << ".\n";
  });
}

struct RecordArgs {
  std::string db = default_db();
  std::string school;
  std::string pupil;
  std::string use;
  std::string decision;
  std::string by;
  std::string date;
  std::string effective_from;
  std::string form;
  std::string note;
};

void add_record_options(CLI::App& cmd, RecordArgs& a) {
  cmd.add_option("--school", a.school, "The school's code")->required();
  cmd.add_option("--pupil", a.pupil, "The pupil's external id")->required();
  cmd.add_option("--use", a.use, "The use, e.g. images_school_accounts or videos_school_accounts")
      ->required();
  cmd.add_option(
         "--by", a.by,
         "Who gave the form: a parent or carer's external id, or \"pupil\" when the pupil decided")
      ->required();
  cmd.add_option("--date", a.date, "The date on the form, YYYY-MM-DD")->required();
  cmd.add_option("--effective-from", a.effective_from,
                 "When it takes effect, YYYY-MM-DD (default: --date)");
  cmd.add_option("--form", a.form, "The form's reference, e.g. \"Letter of 3 March\"")->required();
  cmd.add_option("--note", a.note, "A note");
  cmd.add_option("--db", a.db, "Database")->capture_default_str();
}

// Records one form; `withdrawal` takes it as refused and needs consent granted.
void record(const RecordArgs& a, bool withdrawal, const Clock& clock) {
  auto s = open_school_or_report(a.db, a.school);
  if (!s) return;
  auto on = parse_date(a.date);
  if (!on.ok()) return fail(Error::invalid("--date must be a real date, YYYY-MM-DD."));
  std::optional<CalendarDate> from;
  if (!a.effective_from.empty()) {
    auto f = parse_date(a.effective_from);
    if (!f.ok()) return fail(Error::invalid("--effective-from must be a real date, YYYY-MM-DD."));
    from = *f;
  }
  const ConsentRules& rules = s->profile.consent;
  struct Done {
    Person pupil;
    RecordOutcome outcome;
    std::vector<RemovalTask> tasks;
  };
  auto done = s->db->transaction([&](Connection& c) -> Result<Done> {
    Person pupil = TRY(find_pupil(c, s->school.id, a.pupil));
    ConsentEntry e;
    e.pupil_id = pupil.id;
    e.use = a.use;
    e.decision =
        withdrawal || a.decision == "refused" ? ConsentState::kRefused : ConsentState::kGranted;
    if (a.by == "pupil") {
      e.given_by_person_id = pupil.id;
    } else {
      auto giver = find_person_by_external_id(c, s->school.id, a.by);
      if (!giver.ok())
        return Error::not_found("There is no parent or carer with the external id '" + a.by +
                                "' at this school; give their external id, or \"pupil\".");
      e.given_by_person_id = giver->id;
    }
    e.given_on = *on;
    e.effective_from = from;
    e.form_reference = a.form;
    e.note = a.note;
    RecordOutcome o = TRY(
        withdrawal ? record_withdrawal(SchoolScope{c, clock, Actor::command_line(), s->school.id},
                                       rules, e, published_posts_finder())
                   : record_consent(SchoolScope{c, clock, Actor::command_line(), s->school.id},
                                    rules, e, published_posts_finder()));
    std::vector<RemovalTask> tasks;
    for (int64_t id : o.removal_task_ids)
      tasks.push_back(TRY(get_removal_task(c, s->school.id, id)));
    return Done{std::move(pupil), std::move(o), std::move(tasks)};
  });
  if (!done.ok()) return fail(done.error());
  std::string who = pupil_label(done->pupil.display_name(), done->pupil.external_id);
  if (!done->outcome.recorded) {
    std::cout << "Nothing recorded: this form is already the standing decision for " << who << ", "
              << a.use << ".\n";
    return;
  }
  const char* what = done->outcome.kind == DecisionKind::kWithdrawal  ? "withdrawal of consent"
                     : done->outcome.kind == DecisionKind::kAmendment ? "change of consent"
                                                                      : "consent decision";
  std::cout << "Recorded the " << what << " (decision " << done->outcome.decision_id
            << "): " << a.use << " "
            << (withdrawal || a.decision == "refused" ? "refused" : "granted") << " for " << who
            << ".\n";
  if (done->outcome.kind != DecisionKind::kWithdrawal) return;
  if (done->tasks.empty()) {
    std::cout << "No published post shows this pupil in that way: nothing to take down.\n";
    return;
  }
  std::cout << done->tasks.size()
            << (done->tasks.size() == 1 ? " published post shows" : " published posts show")
            << " this pupil and must be taken down (CON-5):\n\n";
  std::vector<TableRow> table;
  for (const RemovalTask& t : done->tasks)
    table.push_back({std::to_string(t.id), std::to_string(t.post_id),
                     t.account_name + " (" + t.platform + ")", t.due_on.iso(), t.live_url});
  print_table(std::cout, {"task", "post", "account", "due", "address"}, table);
}

void add_record(CLI::App& consent, const Clock& clock) {
  auto a = std::make_shared<RecordArgs>();
  auto* cmd = consent.add_subcommand(
      "record",
      "Record one consent form: granted or refused (a refusal of granted consent is a withdrawal)");
  add_record_options(*cmd, *a);
  cmd->add_option("--decision", a->decision, "granted or refused")
      ->required()
      ->check(CLI::IsMember({"granted", "refused"}));
  cmd->callback([a, &clock] { record(*a, false, clock); });
}

void add_withdraw(CLI::App& consent, const Clock& clock) {
  auto a = std::make_shared<RecordArgs>();
  auto* cmd = consent.add_subcommand(
      "withdraw",
      "Record a withdrawal of consent in writing; lists the posts to take down (CON-4, CON-5)");
  add_record_options(*cmd, *a);
  cmd->callback([a, &clock] { record(*a, true, clock); });
}

void add_removals(CLI::App& consent, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto* cmd = consent.add_subcommand(
      "removals",
      "List the removal tasks still open after withdrawals, the soonest due first (CON-5)");
  cmd->add_option("--school", *school, "The school's code")->required();
  cmd->add_option("--db", *db_url, "Database")->capture_default_str();
  cmd->callback([=, &clock] {
    auto s = open_school_or_report(*db_url, *school);
    if (!s) return;
    auto tasks = s->db->read([&](Connection& c) { return outstanding_removals(c, s->school.id); });
    if (!tasks.ok()) return fail(tasks.error());
    if (tasks->empty()) {
      std::cout << "No removal tasks are open at " << s->school.name << ".\n";
      return;
    }
    const CalendarDate now = today(clock);
    std::vector<TableRow> table;
    for (const RemovalTask& t : *tasks) {
      std::vector<std::string> names;
      for (const auto& p : t.assigned_to) names.push_back(p.name);
      table.push_back(
          {std::to_string(t.id), t.pupil_name, t.use, std::to_string(t.post_id),
           t.account_name + " (" + t.platform + ")",
           t.due_on.iso() + (t.due_on < now ? " OVERDUE" : ""),
           names.empty() ? "nobody: the account has no administrator" : join(names, ", "),
           t.live_url});
    }
    print_table(std::cout,
                {"task", "pupil", "use", "post", "account", "due", "assigned to", "address"},
                table);
  });
}

}  // namespace

void add_consent_command(CLI::App& app, const Clock& clock) {
  auto* consent = app.add_subcommand(
      "consent", "The consent register: import, renewals, the log, forms, removals");
  consent->require_subcommand(1);
  add_import(*consent, clock);
  add_renewals(*consent, clock);
  add_log(*consent, clock);
  add_record(*consent, clock);
  add_withdraw(*consent, clock);
  add_removals(*consent, clock);
}

}  // namespace inloco::cli

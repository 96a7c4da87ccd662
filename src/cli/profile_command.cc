// inloco profile ...: policy profiles on the command line.
//   check FILE...            every problem as FILE:LINE: key: message; exit 1 if any
//   list                     the profiles shipped inside inloco
//   assign --school CODE (FILE | --shipped KEY)   a new, audited version for the school
//   history --school CODE    the school's versions and what each changed
//   document (--school CODE | FILE | --shipped KEY)   the policy in plain English (RPT-3)
//   keys [--markdown]        every key with its type, default and meaning
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_support.h"
#include "cli/commands.h"
#include "profile/policy_document.h"
#include "profile/profile_loader.h"
#include "profile/profile_settings.h"
#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"

namespace inloco::cli {

namespace {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::not_found("Cannot read " + path + ": check the file name.");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The TOML and key named by FILE or --shipped KEY (exactly one).
struct Source {
  std::string text;
  std::string key;
  std::string file_name;
};
Result<Source> source_of(const std::string& file, const std::string& shipped) {
  if (file.empty() == shipped.empty())
    return Error::invalid("Give either a profile FILE or --shipped KEY (see inloco profile list).");
  if (!shipped.empty()) {
    ShippedProfile p = TRY(find_shipped_profile(shipped));
    return Source{std::string(p.text), p.key, p.file_name};
  }
  std::string text = TRY(read_file(file));
  return Source{std::move(text), std::filesystem::path(file).stem().string(), file};
}

std::string when(int64_t t) { return format_utc(t); }

void add_check(CLI::App& profile) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* check = profile.add_subcommand(
      "check", "Check policy profile files; print every problem as FILE:LINE: key: message");
  check->add_option("FILE", *files, "Profile files (TOML)")->required();
  check->callback([files] {
    int bad = 0;
    for (const std::string& f : *files) {
      auto text = read_file(f);
      if (!text.ok()) {
        std::cout << f << ": cannot be read; check the file name\n";
        ++bad;
        continue;
      }
      auto p = load_profile(*text, f);
      if (p.ok()) {
        std::cout << f << ": valid\n";
        continue;
      }
      ++bad;
      for (const std::string& line : p.error().details) std::cout << line << "\n";
    }
    set_exit_code(bad ? 1 : 0);
  });
}

void add_list(CLI::App& profile) {
  auto* list = profile.add_subcommand("list", "List the policy profiles shipped with inloco");
  list->callback([] {
    for (const ShippedProfile& s : shipped_profiles()) {
      auto p = load_profile(s.text, s.file_name);
      std::cout << s.key;
      if (p.ok())
        std::cout << "\t" << p->name << " (version " << p->meta.version << ")";
      else
        std::cout << "\t(does not load: " << p.error().message << ")";
      std::cout << "\n";
    }
  });
}

void add_assign(CLI::App& profile, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto shipped = std::make_shared<std::string>();
  auto* assign = profile.add_subcommand(
      "assign",
      "Give a school a policy profile: recorded as a new version, with what changed, and audited");
  assign->add_option("FILE", *file,
                     "A profile file (TOML); its name without .toml becomes its key");
  assign->add_option("--shipped", *shipped,
                     "The key of a shipped profile instead (see inloco profile list)");
  assign->add_option("--school", *school, "The school's code")->required();
  assign->add_option("--db", *db_url, "Database")->capture_default_str();
  assign->callback([=, &clock] {
    auto src = source_of(*file, *shipped);
    if (!src.ok()) {
      print_error(src.error());
      return set_exit_code(1);
    }
    // assign_profile reads the current profile itself, to say what changed.
    auto s = open_school_or_report(*db_url, *school, WithProfile::kNo);
    if (!s) return;
    auto done = s->db->transaction([&](Connection& c) {
      return assign_profile(SchoolScope{c, clock, Actor::command_line(), s->school.id}, src->text,
                            src->key);
    });
    if (!done.ok()) {
      print_error(done.error());
      return set_exit_code(1);
    }
    auto history = s->db->read([&](Connection& c) { return profile_history(c, s->school.id); });
    if (!history.ok() || history->empty()) return set_exit_code(0);
    const ProfileVersion& v = history->back();
    std::cout << s->school.name << " now follows '" << v.profile_key << "' (version " << v.version
              << " of its profile). What changed:\n";
    for (const std::string& c : v.changes) std::cout << "  " << c << "\n";
  });
}

void add_history(CLI::App& profile) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto* history =
      profile.add_subcommand("history", "Show every version of a school's policy profile");
  history->add_option("--school", *school, "The school's code")->required();
  history->add_option("--db", *db_url, "Database")->capture_default_str();
  history->callback([=] {
    // Without the profile: the history must show even a stored profile that no longer loads.
    auto s = open_school_or_report(*db_url, *school, WithProfile::kNo);
    if (!s) return;
    auto versions = s->db->read([&](Connection& c) { return profile_history(c, s->school.id); });
    if (!versions.ok()) {
      print_error(versions.error());
      return set_exit_code(1);
    }
    if (versions->empty()) std::cout << "No profile assigned: the default profile applies.\n";
    for (const ProfileVersion& v : *versions) {
      std::cout << "Version " << v.version << ": '" << v.profile_key << "', " << when(v.assigned_at)
                << ", by " << v.assigned_by_name << "\n";
      for (const std::string& c : v.changes) std::cout << "  " << c << "\n";
    }
  });
}

void add_document(CLI::App& profile) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto school = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  auto shipped = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>("the school");
  auto* document = profile.add_subcommand(
      "document", "Write a school's social media policy in plain English from its profile");
  document->add_option("--school", *school, "The school's code: its current profile");
  document->add_option("FILE", *file, "Or a profile file, to preview its policy");
  document->add_option("--shipped", *shipped, "Or a shipped profile's key");
  document->add_option("--name", *name, "The school's name in a preview")->capture_default_str();
  document->add_option("--db", *db_url, "Database")->capture_default_str();
  document->callback([=] {
    PolicyProfile p;
    std::string school_name = *name;
    if (!school->empty()) {
      if (!file->empty() || !shipped->empty()) {
        print_error(
            Error::invalid("Give --school, or a FILE or --shipped KEY to preview, not both."));
        return set_exit_code(1);
      }
      auto s = open_school_or_report(*db_url, *school);
      if (!s) return;
      school_name = s->school.name;
      p = std::move(s->profile);
    } else {
      auto src = source_of(*file, *shipped);
      if (!src.ok()) {
        print_error(src.error());
        return set_exit_code(1);
      }
      auto loaded = load_profile(src->text, src->file_name);
      if (!loaded.ok()) {
        print_error(loaded.error());
        return set_exit_code(1);
      }
      p = std::move(loaded).value();
    }
    std::cout << policy_document_text(policy_document(p, school_name));
  });
}

void add_keys(CLI::App& profile) {
  auto markdown = std::make_shared<bool>(false);
  auto* keys =
      profile.add_subcommand("keys", "List every profile key with its type, default and meaning");
  keys->add_flag("--markdown", *markdown, "As a Markdown table (docs/profiles.md)");
  keys->callback([markdown] {
    for (const SchemaEntry& e : profile_schema()) {
      if (*markdown) {
        auto cell = [](std::string s) {
          std::string out;
          for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
          return out;
        };
        if (e.type.empty())
          std::cout << "| **`" << e.key << "`** | section | " << cell(e.default_value) << " | "
                    << cell(e.meaning) << " |\n";
        else
          std::cout << "| `" << e.key << "` | " << cell(e.type) << " | "
                    << (e.default_value.empty() ? "" : "`" + cell(e.default_value) + "`") << " | "
                    << cell(e.meaning) << " |\n";
      } else {
        std::cout << e.key << (e.type.empty() ? "" : " (" + e.type + ")")
                  << (e.default_value.empty() ? "" : " = " + e.default_value) << "\n    "
                  << e.meaning << "\n";
      }
    }
  });
}

}  // namespace

void add_profile_command(CLI::App& app, const Clock& clock) {
  auto* profile =
      app.add_subcommand("profile", "Work with policy profiles: the rules of each school's policy");
  profile->require_subcommand(1);
  add_check(*profile);
  add_list(*profile);
  add_assign(*profile, clock);
  add_history(*profile);
  add_document(*profile);
  add_keys(*profile);
}

}  // namespace inloco::cli

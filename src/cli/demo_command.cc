// inloco demo --db DB: fills an empty database with a fictional trust of two
// schools, every role filled, and sign-ins for each role.
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "auth/user_accounts.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "concerns/evidence_vault.h"
#include "demo/demo_accounts.h"
#include "demo/demo_concerns.h"
#include "demo/demo_consent.h"
#include "demo/demo_devices.h"
#include "demo/demo_filtering.h"
#include "demo/demo_media.h"
#include "demo/demo_monitoring.h"
#include "demo/demo_posts.h"
#include "demo/demo_profiles.h"
#include "demo/demo_staff_conduct.h"
#include "demo/demo_trust.h"

namespace inloco::cli {

// Every demo sign-in shares this password; it is printed, so it protects nothing.
constexpr const char* kDemoPassword = "demo-sign-in-2026";

void add_demo_command(CLI::App& app, const Clock& clock) {
  auto db_url = std::make_shared<std::string>(default_db());
  auto key_path = std::make_shared<std::string>(default_key_path());
  auto media_dir = std::make_shared<std::string>(default_media_dir());
  auto evidence_dir = std::make_shared<std::string>(default_evidence_dir());
  auto decision_log = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("demo", "Create a fictional trust with two schools to try inloco with");
  cmd->add_option("--db", *db_url, "Database: sqlite:PATH or a postgresql:// URL")
      ->capture_default_str();
  cmd->add_option("--key", *key_path, "Secret key file (created if missing)")
      ->capture_default_str();
  cmd->add_option("--media", *media_dir, "Folder of the media library's images")
      ->capture_default_str();
  cmd->add_option("--evidence", *evidence_dir, "Folder of the files kept as evidence on concerns")
      ->capture_default_str();
  cmd->add_option("--decision-log", *decision_log,
                  "Where to write the demo's web filter decision log (default: decisions-demo.log "
                  "beside the media folder)");
  cmd->callback([db_url, key_path, media_dir, evidence_dir, decision_log, &clock] {
    auto db = open_database(*db_url);
    auto key = load_key(*key_path);
    if (!db || !key) return set_exit_code(2);
    auto existing = db->read([](Connection& c) { return c.query("SELECT COUNT(*) FROM trusts"); });
    if (existing.ok() && (*existing)[0][0].as_int() > 0) {
      std::cerr << "error: " << db->describe()
                << " already holds a trust; the demo goes only into an empty database.\n";
      return set_exit_code(1);
    }
    std::cerr << "Creating the demo trust..." << std::endl;
    auto demo = create_demo_people(*db, clock);
    if (!demo.ok()) {
      print_error(demo.error());
      return set_exit_code(1);
    }
    UserAccounts accounts(*db, clock, *key, AuthSettings{});
    for (const auto& s : demo->sign_ins) {
      auto r =
          accounts.create_account(Actor::command_line(), s.person_id, s.username, kDemoPassword);
      if (!r.ok()) {
        print_error(r.error());
        return set_exit_code(1);
      }
    }
    if (auto s = assign_demo_profiles(*db, clock, *demo); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    if (auto s = create_demo_accounts(*db, clock, *key, *demo); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    for (auto step : {create_demo_consent, create_demo_devices}) {
      if (auto s = step(*db, clock, *demo); !s.ok()) {
        print_error(s.error());
        return set_exit_code(1);
      }
    }
    auto media = create_demo_media(*db, clock, *demo, *media_dir);
    if (!media.ok()) {
      print_error(media.error());
      return set_exit_code(1);
    }
    if (auto s = create_demo_posts(*db, clock, *demo, *media); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    if (auto s = create_demo_concerns(*db, clock, *demo, EvidenceVault(*evidence_dir, *key));
        !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    if (auto s = create_demo_staff_conduct(*db, clock, *demo); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    if (auto s = create_demo_filtering(*db, clock, *demo); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    std::filesystem::path media_folder(*media_dir);
    if (!media_folder.has_filename()) media_folder = media_folder.parent_path();  // "var/media/"
    const std::string log = !decision_log->empty()
                                ? *decision_log
                                : (media_folder.parent_path() / "decisions-demo.log").string();
    if (auto s = create_demo_monitoring(*db, clock, *demo, log); !s.ok()) {
      print_error(s.error());
      return set_exit_code(1);
    }
    std::cout << "Demo trust created in " << db->describe() << ".\n"
              << "Oakfield's web filter decisions of the last school days are in " << log
              << ", already ingested.\n\n"
              << "Demo sign-ins (every one has the password " << kDemoPassword << "):\n";
    for (const auto& s : demo->sign_ins)
      std::cout << "  " << std::left << std::setw(28) << s.username << s.role_label << ", "
                << s.school_name << "\n";
    std::cout << std::flush;
  });
}

}  // namespace inloco::cli

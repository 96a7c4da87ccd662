// inloco user add | reset-password: sign-ins from the command line (IAM-1).
#include <iostream>

#include "auth/user_accounts.h"
#include "cli/cli_support.h"
#include "cli/commands.h"
#include "core/crypto.h"
#include "people/people_store.h"
#include "people/school_store.h"

namespace inloco::cli {

namespace {

struct AddOptions {
  std::string db = default_db();
  std::string key = default_key_path();
  std::string school;
  std::string username;
  std::string given_name;
  std::string family_name;
  std::string email;
  std::string role = "staff";
  int64_t person_id = 0;
};

// A temporary password: 16 random characters, changed at first sign-in.
std::string temporary_password() { return random_token(12); }

}  // namespace

void add_user_command(CLI::App& app, const Clock& clock) {
  auto* user = app.add_subcommand("user", "Manage sign-in accounts");
  user->require_subcommand(1);

  auto a = std::make_shared<AddOptions>();
  auto* add = user->add_subcommand(
      "add", "Give a person a sign-in: an existing person (--person) or a new member of staff");
  add->add_option("--db", a->db, "Database")->capture_default_str();
  add->add_option("--key", a->key, "Secret key file")->capture_default_str();
  add->add_option("--username", a->username, "Their username (a-z, 0-9, . _ -)")->required();
  add->add_option("--person", a->person_id, "The id of a person already stored");
  add->add_option("--school", a->school, "School code, for a new person and the role");
  add->add_option("--given-name", a->given_name, "Given name, for a new person");
  add->add_option("--family-name", a->family_name, "Family name, for a new person");
  add->add_option("--email", a->email, "Email, for a new person");
  add->add_option("--role", a->role, "Role at the school, e.g. headteacher, dsl, staff")
      ->capture_default_str();
  add->callback([a, &clock] {
    auto db = open_database(a->db);
    auto key = load_key(a->key);
    if (!db || !key) return set_exit_code(2);
    Actor actor = Actor::command_line();
    int64_t person_id = a->person_id;
    if (person_id == 0) {
      if (a->school.empty() || a->given_name.empty() || a->family_name.empty()) {
        std::cerr << "error: give --person ID, or --school, --given-name and --family-name for a "
                     "new member of staff\n";
        return set_exit_code(2);
      }
      auto role = parse_role(a->role);
      if (!role) {
        std::cerr << "error: '" << a->role << "' is not a role. Roles:";
        for (Role r : all_roles()) std::cerr << " " << role_key(r);
        std::cerr << "\n";
        return set_exit_code(2);
      }
      auto created = db->transaction([&](Connection& c) -> Result<int64_t> {
        School school = TRY(find_school_by_code(c, a->school));
        Person p;
        p.trust_id = school.trust_id;
        p.school_id = school.id;
        p.kind = PersonKind::kStaff;
        p.given_name = a->given_name;
        p.family_name = a->family_name;
        if (!a->email.empty()) p.email = a->email;
        int64_t id = TRY(create_person(c, clock, actor, p));
        TRY(assign_role(c, clock, actor, id, *role, school.id));
        return id;
      });
      if (!created.ok()) {
        print_error(created.error());
        return set_exit_code(1);
      }
      person_id = *created;
    }
    std::string password =
        read_password("Password for " + a->username + " (at least 12 characters)");
    UserAccounts accounts(*db, clock, *key, AuthSettings{});
    auto r = accounts.create_account(actor, person_id, a->username, password);
    if (!r.ok()) {
      print_error(r.error());
      return set_exit_code(1);
    }
    std::cout << "Created the sign-in " << a->username << " for person " << person_id << ".\n";
  });

  auto db_url = std::make_shared<std::string>(default_db());
  auto key_path = std::make_shared<std::string>(default_key_path());
  auto username = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  auto* reset = user->add_subcommand(
      "reset-password",
      "Set a temporary password, to be changed at the next sign-in; ends the person's sessions");
  reset->add_option("--db", *db_url, "Database")->capture_default_str();
  reset->add_option("--key", *key_path, "Secret key file")->capture_default_str();
  reset->add_option("--username", *username, "Whose password")->required();
  reset->add_flag("--password-stdin", *from_stdin,
                  "Read the new password from standard input instead of making one");
  reset->callback([=, &clock] {
    auto db = open_database(*db_url);
    auto key = load_key(*key_path);
    if (!db || !key) return set_exit_code(2);
    std::string password = *from_stdin ? read_password("New password") : temporary_password();
    UserAccounts accounts(*db, clock, *key, AuthSettings{});
    auto r = accounts.reset_password(Actor::command_line(), *username, password);
    if (!r.ok()) {
      print_error(r.error());
      return set_exit_code(1);
    }
    std::cout << "The password of " << *username << " was reset.";
    if (!*from_stdin) std::cout << " Temporary password: " << password;
    std::cout << "\nThey must choose a new one when they next sign in.\n";
  });
}

}  // namespace inloco::cli

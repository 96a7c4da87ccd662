#include "cli/cli_support.h"

#include <termios.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "store/migrations.h"

namespace inloco::cli {

std::unique_ptr<Database> open_database(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    std::filesystem::path p(url.substr(7));
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  }
  auto db = Database::open(url);
  if (!db.ok()) {
    print_error(db.error());
    return nullptr;
  }
  auto m = migrate(**db);
  if (!m.ok()) {
    print_error(m.error());
    return nullptr;
  }
  return std::move(db).value();
}

std::string default_key_path() {
  const char* env = std::getenv("INLOCO_SECRET_KEY");
  return env && *env ? env : "var/secret.key";
}

std::unique_ptr<SecretKey> load_key(const std::string& path) {
  auto key = SecretKey::load_or_create(path);
  if (!key.ok()) {
    print_error(key.error());
    return nullptr;
  }
  return std::make_unique<SecretKey>(std::move(key).value());
}

namespace {
std::string read_line_no_echo() {
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::cerr << "\n";
  return line;
}
}  // namespace

std::string read_password(const std::string& prompt) {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    std::getline(std::cin, line);
    return line;
  }
  for (;;) {
    std::cerr << prompt << ": ";
    std::string first = read_line_no_echo();
    std::cerr << "Type it again: ";
    std::string second = read_line_no_echo();
    if (first == second) return first;
    std::cerr << "The two passwords were not the same; try again.\n";
  }
}

void print_error(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  for (const auto& d : e.details) std::cerr << "  " << d << "\n";
}

}  // namespace inloco::cli

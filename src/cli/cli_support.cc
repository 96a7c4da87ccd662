#include "cli/cli_support.h"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <ostream>

#include "cli/commands.h"
#include "profile/profile_store.h"
#include "store/drivers/open_database.h"
#include "store/migrations.h"

namespace inloco::cli {

std::unique_ptr<Database> open_database(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    std::filesystem::path p(url.substr(7));
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
  }
  auto db = inloco::open_database(url);
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

std::string default_media_dir() {
  const char* env = std::getenv("INLOCO_MEDIA_DIR");
  return env && *env ? env : "var/media";
}

std::string default_evidence_dir() {
  const char* env = std::getenv("INLOCO_EVIDENCE_DIR");
  return env && *env ? env : "var/evidence";
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
  // The person at the command line runs the server: what went wrong underneath is theirs to see.
  if (!e.internal_detail.empty()) std::cerr << "  (" << e.internal_detail << ")\n";
}

namespace {
// Fills in the school (and its profile) of a session whose database is open.
Status find_school(SchoolSession& s, const std::string& code, WithProfile with_profile) {
  return s.db->read([&](Connection& c) -> Status {
    s.school = TRY(find_school_by_code(c, code));
    if (with_profile == WithProfile::kYes) s.profile = TRY(profile_for_school(c, s.school.id));
    return ok_status();
  });
}
}  // namespace

std::optional<SchoolSession> open_school_or_report(const std::string& db_url,
                                                   const std::string& code,
                                                   WithProfile with_profile) {
  SchoolSession s;
  s.db = open_database(db_url);
  if (!s.db) {
    set_exit_code(2);
    return std::nullopt;
  }
  if (Status found = find_school(s, code, with_profile); !found.ok()) {
    print_error(found.error());
    set_exit_code(1);
    return std::nullopt;
  }
  return s;
}

Result<SchoolSession> open_school(const std::string& db_url, const std::string& code,
                                  WithProfile with_profile) {
  SchoolSession s;
  s.db = open_database(db_url);
  if (!s.db) return Error::unavailable("Cannot open the database " + db_url + ".");
  TRY(find_school(s, code, with_profile));
  return s;
}

namespace {
// Characters in UTF-8 text: every byte that does not continue a character.
size_t text_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}
}  // namespace

void print_table(std::ostream& out, const TableRow& header, const std::vector<TableRow>& rows) {
  std::vector<size_t> width(header.size(), 0);
  auto measure = [&](const TableRow& r) {
    for (size_t i = 0; i < r.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], text_width(r[i]));
  };
  measure(header);
  for (const auto& r : rows) measure(r);
  auto line = [&](const TableRow& r) {
    std::string text;
    for (size_t i = 0; i < width.size(); ++i) {
      std::string cell = i < r.size() ? r[i] : "";
      text += cell;
      if (i + 1 < width.size()) text += std::string(width[i] - text_width(cell) + 2, ' ');
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  line(header);
  TableRow rule;
  for (size_t w : width) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& r : rows) line(r);
}

}  // namespace inloco::cli

// What the subcommands share: opening (and migrating) the database, the
// secret key, reading a password without echo, and printing errors.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/secret_key.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"
#include "store/database.h"

namespace inloco::cli {

// Opens the database, creating a SQLite file's folder if needed, and applies
// pending migrations. Prints the error and returns null on failure.
std::unique_ptr<Database> open_database(const std::string& url);

std::string default_key_path();      // $INLOCO_SECRET_KEY or var/secret.key
std::string default_media_dir();     // $INLOCO_MEDIA_DIR or var/media
std::string default_evidence_dir();  // $INLOCO_EVIDENCE_DIR or var/evidence
std::unique_ptr<SecretKey> load_key(const std::string& path);

// Reads a password: from the terminal without echo (asked twice), or one line
// of standard input when it is not a terminal.
std::string read_password(const std::string& prompt);

void print_error(const Error& e);

// What a command about one school starts with: the database, opened and
// migrated, and the school found by its code (kNotFound names the codes there
// are), with its current policy profile.
struct SchoolSession {
  std::unique_ptr<Database> db;
  School school;
  // The school's current profile (the default profile when none is assigned);
  // left default-constructed with WithProfile::kNo.
  PolicyProfile profile;
};

// kNo for a command that never reads the profile, or that must work even when
// the school's stored profile no longer loads (`profile history`).
enum class WithProfile : bool { kNo, kYes };

// For a command's callback: opens the database at `db_url` and finds the
// school `code`. On failure prints the error, sets the exit code (2 when the
// database cannot be opened, 1 when the school cannot be found or read) and
// returns nullopt.
std::optional<SchoolSession> open_school_or_report(const std::string& db_url,
                                                   const std::string& code,
                                                   WithProfile with_profile = WithProfile::kYes);

// The same for callers that report errors their own way: open_database has
// printed why the database cannot be opened, and the error is then kUnavailable
// "Cannot open the database URL."; otherwise the school's error.
Result<SchoolSession> open_school(const std::string& db_url, const std::string& code,
                                  WithProfile with_profile = WithProfile::kYes);

// A plain-text table: a header row, a rule, and the rows, each column as wide
// as its widest cell (counted in characters, not bytes).
using TableRow = std::vector<std::string>;
void print_table(std::ostream& out, const TableRow& header, const std::vector<TableRow>& rows);

}  // namespace inloco::cli

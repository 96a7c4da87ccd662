// What the subcommands share: opening (and migrating) the database, the
// secret key, reading a password without echo, and printing errors.
#pragma once

#include <iosfwd>
#include <memory>
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

std::string default_key_path();  // $INLOCO_SECRET_KEY or var/secret.key
std::string default_media_dir();  // $INLOCO_MEDIA_DIR or var/media
std::string default_evidence_dir();  // $INLOCO_EVIDENCE_DIR or var/evidence
std::unique_ptr<SecretKey> load_key(const std::string& path);

// Reads a password: from the terminal without echo (asked twice), or one line
// of standard input when it is not a terminal.
std::string read_password(const std::string& prompt);

void print_error(const Error& e);

// A school found by its code, with its current policy profile (the default
// profile when none is assigned). kNotFound names the codes there are.
struct SchoolInHand {
  School school;
  PolicyProfile profile;
};
Result<SchoolInHand> load_school(Database& db, const std::string& code);

// A plain-text table: a header row, a rule, and the rows, each column as wide
// as its widest cell (counted in characters, not bytes).
using TableRow = std::vector<std::string>;
void print_table(std::ostream& out, const TableRow& header, const std::vector<TableRow>& rows);

}  // namespace inloco::cli

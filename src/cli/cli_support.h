// What the subcommands share: opening (and migrating) the database, the
// secret key, reading a password without echo, and printing errors.
#pragma once

#include <memory>
#include <string>

#include "core/secret_key.h"
#include "store/database.h"

namespace inloco::cli {

// Opens the database, creating a SQLite file's folder if needed, and applies
// pending migrations. Prints the error and returns null on failure.
std::unique_ptr<Database> open_database(const std::string& url);

std::string default_key_path();  // $INLOCO_SECRET_KEY or var/secret.key
std::unique_ptr<SecretKey> load_key(const std::string& path);

// Reads a password: from the terminal without echo (asked twice), or one line
// of standard input when it is not a terminal.
std::string read_password(const std::string& prompt);

void print_error(const Error& e);

}  // namespace inloco::cli

// Password hashing (IAM-1): argon2id through libsodium, in libsodium's own
// "$argon2id$v=19$m=...,t=...,p=1$salt$hash" text form, so the cost and a
// random salt travel with each hash and old hashes keep verifying after the
// cost is raised.
//
// Thread-safety: all functions are thread-safe. Hashing deliberately costs
// time and memory (about 64 MiB for `interactive()`): call it off the I/O
// threads, and never while holding a database transaction open.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

struct PasswordCost {
  unsigned long long ops = 0;  // argon2 passes (libsodium's opslimit)
  size_t mem = 0;              // bytes of memory (libsodium's memlimit)

  // libsodium's INTERACTIVE limits: the production setting for sign-in.
  static PasswordCost interactive();
  // The smallest limits libsodium accepts: for tests only, never for real hashes.
  static PasswordCost fast_for_tests();
};

// Fails (kUnavailable) only when the memory for the hash cannot be allocated.
Result<std::string> hash_password(std::string_view password, const PasswordCost& cost);

// True when `password` matches `stored_hash`; false for a wrong password and
// for a stored hash that is damaged or not an argon2 hash.
bool verify_password(std::string_view stored_hash, std::string_view password);

// True when `stored_hash` was made with a cost other than `cost` (or cannot
// be read), so it should be replaced after the next successful sign-in.
bool password_needs_rehash(std::string_view stored_hash, const PasswordCost& cost);

}  // namespace inloco

#include "auth/password_hasher.h"

#include <sodium.h>

#include "core/crypto.h"

namespace inloco {

PasswordCost PasswordCost::interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::fast_for_tests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> hash_password(std::string_view password, const PasswordCost& cost) {
  crypto_init();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::unavailable(
        "The server ran out of memory while protecting a password. Try again in a minute.");
  }
  return std::string(out);
}

bool verify_password(std::string_view stored_hash, std::string_view password) {
  crypto_init();
  // libsodium reads the stored hash as a C string, so it must end in a NUL
  // and must not contain one earlier.
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos) {
    return false;
  }
  std::string stored(stored_hash);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool password_needs_rehash(std::string_view stored_hash, const PasswordCost& cost) {
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES ||
      stored_hash.find('\0') != std::string_view::npos) {
    return true;
  }
  std::string stored(stored_hash);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost.ops, cost.mem) != 0;
}

}  // namespace inloco

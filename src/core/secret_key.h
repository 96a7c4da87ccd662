// The server's secret key: seals secrets at rest (second-factor keys now, stored
// account passwords later). Kept in a file readable only by its owner, never in
// the database, so a copy of the database alone reveals no secret.
#pragma once

#include <string>

#include "core/result.h"

namespace inloco {

class SecretKey {
 public:
  // Reads the 32-byte key from `path`, creating it (mode 0600) if it does not
  // exist. Refuses (kForbidden) a key file that group or others may read.
  static Result<SecretKey> load_or_create(const std::string& path);
  static SecretKey random();  // for tests

  std::string seal(std::string_view plaintext) const;  // hex text
  Result<std::string> open(std::string_view sealed_hex) const;
  // The same as raw bytes (nonce, ciphertext and tag): for files, where hex
  // would double the size.
  std::string seal_bytes(std::string_view plaintext) const;
  Result<std::string> open_bytes(std::string_view sealed) const;

 private:
  explicit SecretKey(std::string key) : key_(std::move(key)) {}
  std::string key_;
};

}  // namespace inloco

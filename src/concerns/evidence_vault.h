// Where evidence files are kept at rest (INC-4): sealed with the server's
// secret key (XChaCha20-Poly1305), so a copy of the evidence folder alone shows
// nothing of a pupil's messages or screenshots. Each file is named by the
// SHA-256 of what was sealed, the figure shown on the case, and reading it
// back checks both the seal and that SHA-256, so anyone can show it is
// unchanged. Files written before sealing began (plain, under their own
// SHA-256) are still read.
//
// Thread-safe; holds a reference to the key, which must outlive it.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/secret_key.h"
#include "media/content_store.h"

namespace inloco {

class EvidenceVault {
 public:
  EvidenceVault(std::string dir, const SecretKey& key) : dir_(std::move(dir)), key_(key) {}

  // Seals and stores `bytes`; the path is named by their SHA-256.
  // kUnavailable when the folder cannot be written.
  Result<StoredContent> put(std::string_view bytes) const;

  // The original bytes; kNotFound when missing, kInternal when the file no
  // longer opens with the key or no longer matches its SHA-256.
  Result<std::string> get(std::string_view sha256_hex) const;

  // Removes a file whose record was not saved.
  void remove(std::string_view sha256_hex) const;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  const SecretKey& key_;
};

}  // namespace inloco

#include "concerns/evidence_vault.h"

#include "core/crypto.h"

namespace inloco {
namespace {

// Marks a sealed file, so a plain file of an older version is told apart.
constexpr std::string_view kSealedMagic = "inloco-sealed-evidence-1\n";

Error changed(const std::string& dir, std::string_view name) {
  return Error::internal(
             "The evidence file " + std::string(name) +
             " has changed since it was added, or was sealed with another key. Ask your inloco "
             "administrator to restore it and the server's key from their backups.")
      .with_internal_detail("evidence folder: " + dir);
}

}  // namespace

Result<StoredContent> EvidenceVault::put(std::string_view bytes) const {
  crypto_init();
  std::string sealed(kSealedMagic);
  sealed += key_.seal_bytes(bytes);
  return write_named_content(dir_, sha256_hex(bytes), sealed);
}

Result<std::string> EvidenceVault::get(std::string_view sha256_hex_name) const {
  std::string stored = TRY(read_named_content(dir_, sha256_hex_name));
  std::string bytes;
  if (stored.starts_with(kSealedMagic)) {
    auto opened = key_.open_bytes(std::string_view(stored).substr(kSealedMagic.size()));
    if (!opened.ok()) return changed(dir_, sha256_hex_name);
    bytes = std::move(opened).value();
  } else {
    bytes = std::move(stored);  // kept before sealing began
  }
  if (sha256_hex(bytes) != sha256_hex_name) return changed(dir_, sha256_hex_name);
  return bytes;
}

void EvidenceVault::remove(std::string_view sha256_hex_name) const {
  remove_content(dir_, sha256_hex_name);
}

}  // namespace inloco

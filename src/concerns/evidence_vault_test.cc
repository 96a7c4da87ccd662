// REQ INC-4: evidence files are kept sealed, named and checked by the SHA-256
// shown on the case; a changed file, or one opened with another key, is
// refused rather than shown.
#include "concerns/evidence_vault.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace inloco {
namespace {

class EvidenceVaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto_init();
    dir_ = (std::filesystem::temp_directory_path() / ("inloco-vault-" + random_token(8))).string();
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string on_disk(const std::string& name) {
    std::ifstream in(*content_path(dir_, name), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }
  std::string dir_;
  SecretKey key_ = SecretKey::random();
};

TEST_F(EvidenceVaultTest, StoredSealedAndReadBackByItsSha256) {
  EvidenceVault vault(dir_, key_);
  const std::string message = "Meet me after school, don't tell your mum";
  auto stored = vault.put(message);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_TRUE(stored->created);
  const std::string name = sha256_hex(message);
  EXPECT_EQ(stored->path, *content_path(dir_, name));
  EXPECT_EQ(on_disk(name).find("after school"), std::string::npos) << "the words are not on disk";
  auto back = vault.get(name);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, message);
  // The same evidence twice is kept once.
  EXPECT_FALSE(vault.put(message)->created);
}

TEST_F(EvidenceVaultTest, AnotherKeyOrAChangedFileIsRefused) {
  const std::string message = "A screenshot's bytes";
  ASSERT_TRUE(EvidenceVault(dir_, key_).put(message).ok());
  const std::string name = sha256_hex(message);
  SecretKey other = SecretKey::random();
  auto wrong = EvidenceVault(dir_, other).get(name);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInternal);

  { std::ofstream(*content_path(dir_, name), std::ios::binary | std::ios::app) << "x"; }
  auto changed = EvidenceVault(dir_, key_).get(name);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, ErrorCode::kInternal);
  EXPECT_NE(changed.error().message.find("has changed since it was added"), std::string::npos);

  auto missing = EvidenceVault(dir_, key_).get(sha256_hex("never stored"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_F(EvidenceVaultTest, FilesKeptBeforeSealingAreStillRead) {
  const std::string plain = "An email saved before this version";
  ASSERT_TRUE(write_content(dir_, plain).ok());
  auto back = EvidenceVault(dir_, key_).get(sha256_hex(plain));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(*back, plain);
}

}  // namespace
}  // namespace inloco

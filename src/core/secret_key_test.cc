// REQ ACC-6, IAM-1: secrets at rest are sealed under a key file only its owner can read.
#include "core/secret_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "core/crypto.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;

class SecretKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    crypto_init();
    dir_ = fs::temp_directory_path() / ("inloco-key-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(SecretKeyTest, CreatedPrivateAndReused) {
  std::string path = (dir_ / "var" / "secret.key").string();
  auto first = SecretKey::load_or_create(path);
  ASSERT_TRUE(first.ok()) << first.error().message;
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::string sealed = first->seal("the page password");
  EXPECT_EQ(sealed.find("the page password"), std::string::npos);
  auto second = SecretKey::load_or_create(path);
  ASSERT_TRUE(second.ok());
  auto opened = second->open(sealed);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "the page password");
}

TEST_F(SecretKeyTest, KeyReadableByOthersIsRefused) {
  std::string path = (dir_ / "secret.key").string();
  ASSERT_TRUE(SecretKey::load_or_create(path).ok());
  chmod(path.c_str(), 0644);
  auto key = SecretKey::load_or_create(path);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().message.find("chmod 600"), std::string::npos);
}

TEST_F(SecretKeyTest, WrongKeyOrAlteredValueDoesNotOpen) {
  SecretKey a = SecretKey::random(), b = SecretKey::random();
  std::string sealed = a.seal("secret");
  EXPECT_FALSE(b.open(sealed).ok());
  sealed[sealed.size() - 1] = sealed.back() == '0' ? '1' : '0';
  EXPECT_FALSE(a.open(sealed).ok());
}

}  // namespace
}  // namespace inloco

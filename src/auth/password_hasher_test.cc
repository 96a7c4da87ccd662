// REQ IAM-1: passwords are stored only as salted argon2id hashes.
#include "auth/password_hasher.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

const PasswordCost kFast = PasswordCost::fast_for_tests();

TEST(PasswordHasherTest, RightPasswordVerifies) {
  auto hash = hash_password("correct pony battery clip", kFast);
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_TRUE(verify_password(*hash, "correct pony battery clip"));
}

TEST(PasswordHasherTest, WrongPasswordFails) {
  auto hash = hash_password("correct pony battery clip", kFast);
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(verify_password(*hash, "correct pony battery clop"));
  EXPECT_FALSE(verify_password(*hash, ""));
}

TEST(PasswordHasherTest, HashIsArgon2idAndSalted) {
  auto a = hash_password("same password here", kFast);
  auto b = hash_password("same password here", kFast);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->starts_with("$argon2id$")) << *a;
  EXPECT_NE(*a, *b);  // a fresh salt each time
  EXPECT_EQ(a->find("same password"), std::string::npos);
}

TEST(PasswordHasherTest, DamagedOrForeignHashNeverVerifies) {
  EXPECT_FALSE(verify_password("", "anything"));
  EXPECT_FALSE(verify_password("not a hash", "not a hash"));
  EXPECT_FALSE(verify_password(std::string("$argon2id$\0x", 12), "x"));
  auto hash = hash_password("a long enough password", kFast);
  ASSERT_TRUE(hash.ok());
  std::string damaged = *hash;
  damaged.back() = damaged.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password(damaged, "a long enough password"));
}

TEST(PasswordHasherTest, PasswordsWithNulAndUnicodeBytesAreHashedWhole) {
  const std::string with_nul("before\0after", 12);
  auto hash = hash_password(with_nul, kFast);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(verify_password(*hash, with_nul));
  EXPECT_FALSE(verify_password(*hash, "before"));
}

TEST(PasswordHasherTest, RehashNeededWhenTheCostChanges) {
  auto hash = hash_password("a long enough password", kFast);
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(password_needs_rehash(*hash, kFast));
  EXPECT_TRUE(password_needs_rehash(*hash, PasswordCost::interactive()));
  EXPECT_TRUE(password_needs_rehash("garbage", kFast));
}

}  // namespace
}  // namespace inloco

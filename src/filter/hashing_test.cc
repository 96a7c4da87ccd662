#include "filter/hashing.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace inloco::filter {
namespace {

TEST(FilterHashingTest, ChecksumSeesEveryByteAndLength) {
  std::string data(1000, 'a');
  uint64_t base = checksum64(data);
  EXPECT_EQ(base, checksum64(data));
  for (size_t i : {0u, 7u, 31u, 32u, 500u, 999u}) {
    std::string changed = data;
    changed[i] ^= 1;
    EXPECT_NE(checksum64(changed), base) << i;
  }
  EXPECT_NE(checksum64(data.substr(0, 999)), base);
  EXPECT_NE(checksum64(""), checksum64(std::string(1, '\0')));
}

TEST(FilterHashingTest, IncrementalDomainHashEqualsWholeHash) {
  std::string reversed = "moc.koobecaf.www";
  uint64_t h = kDomainHashSeed;
  for (size_t i = 0; i < reversed.size(); ++i) {
    if (reversed[i] == '.') {
      EXPECT_EQ(domain_hash_finish(h, i), domain_hash(reversed.substr(0, i)));
    }
    h = domain_hash_step(h, static_cast<unsigned char>(reversed[i]));
  }
  EXPECT_EQ(domain_hash_finish(h, reversed.size()), domain_hash(reversed));
  std::set<uint64_t> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(domain_hash("moc.elpmaxe" + std::to_string(i)));
  EXPECT_EQ(seen.size(), 10000u);
}

}  // namespace
}  // namespace inloco::filter

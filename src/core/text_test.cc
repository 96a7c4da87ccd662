// The shared text helpers: excerpts never cut a character in two.
#include "core/text.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(TextTest, AnExcerptNeverCutsACharacterInTwo) {
  EXPECT_EQ(utf8_excerpt("short", 80, "…"), "short");
  EXPECT_EQ(utf8_excerpt("abcdef", 4, "..."), "abcd...");
  // "é" is two bytes; a cut inside it drops the whole character.
  EXPECT_EQ(utf8_excerpt("caf\xC3\xA9 au lait", 4, "..."), "caf...");
  EXPECT_TRUE(is_valid_utf8(utf8_excerpt("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC", 5, "")));
}

}  // namespace
}  // namespace inloco

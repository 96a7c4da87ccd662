#include "checks/skeleton.h"

#include <gtest/gtest.h>

namespace inloco::checks {
namespace {

// REQ PST-2: evasions meet the same lexicon as plain words.
TEST(NormaliserTest, FoldsCaseWidthAndAccents) {
  EXPECT_EQ(skeleton_text("HeLLo"), "hello");
  EXPECT_EQ(skeleton_text("\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x83\xEF\xBD\x8B"),
            "fuck");  // fullwidth
  EXPECT_EQ(skeleton_text("caf\xC3\xA9"), "cafe");
  EXPECT_EQ(skeleton_text("\xF0\x9D\x90\x9F\xF0\x9D\x90\xAE"), "fu");  // mathematical bold
}

TEST(NormaliserTest, MapsLookAlikeLetters) {
  // Cyrillic а and о in "bаstаrd", "fооl".
  EXPECT_EQ(skeleton_text("b\xD0\xB0st\xD0\xB0rd"), "bastard");
  EXPECT_EQ(skeleton_text("f\xD0\xBE\xD0\xBEl"), "fool");
}

TEST(NormaliserTest, DropsInvisibleCharacters) {
  EXPECT_EQ(skeleton_text("fu\xE2\x80\x8B"
                          "ck"),
            "fuck");  // zero-width space
  EXPECT_EQ(skeleton_text("sh\xC2\xAD"
                          "it"),
            "shit");  // soft hyphen
  EXPECT_EQ(skeleton_text("c\xE2\x80\x8D"
                          "unt"),
            "cunt");  // zero-width joiner
}

TEST(NormaliserTest, ReadsLeetspeakOnlyInsideWords) {
  EXPECT_EQ(skeleton_text("b1tch"), "bitch");
  EXPECT_EQ(skeleton_text("$h!t"), "shit");
  EXPECT_EQ(skeleton_text("@ss"), "ass");
  EXPECT_EQ(skeleton_text("sh1t!"), "shit ");
  EXPECT_EQ(skeleton_text("Year 6 at 3:15"), "year 6 at 3 15");
}

TEST(NormaliserTest, JoinsSeparatedSingleLetters) {
  EXPECT_EQ(skeleton_text("f.u.c.k"), "fuck");
  EXPECT_EQ(skeleton_text("c u n t"), "cunt");
  EXPECT_EQ(skeleton_text("f - u - c - k off"), "fuck off");
  EXPECT_EQ(skeleton_text("f*u*c*k"), "fuck");
  EXPECT_EQ(skeleton_text("f**k"), "f**k");
  EXPECT_EQ(skeleton_text("a b"), "a b");        // two letters are not a word
  EXPECT_EQ(skeleton_text("a\nb\nc"), "a b c");  // not across lines
}

TEST(NormaliserTest, CollapsesRunsOfThreeOrMoreLetters) {
  EXPECT_EQ(skeleton_text("fuuuuuck"), "fuck");
  EXPECT_EQ(skeleton_text("Sooo good"), "so good");
  EXPECT_EQ(skeleton_text("ass class"), "ass class");  // doubles stay
  Skeleton s = make_skeleton("shiiiit");
  EXPECT_EQ(s.original_span(0, 4), std::make_pair(size_t{0}, size_t{7}));
}

TEST(NormaliserTest, MapsEverySkeletonByteBackToTheOriginal) {
  std::string text = "Hi \xEF\xBC\xA6.u.c.k!";
  Skeleton s = make_skeleton(text);
  EXPECT_EQ(s.text, "hi fuck ");
  ASSERT_EQ(s.begin.size(), s.text.size());
  auto [b, e] = s.original_span(3, 7);
  EXPECT_EQ(text.substr(b, e - b), "\xEF\xBC\xA6.u.c.k");
}

}  // namespace
}  // namespace inloco::checks

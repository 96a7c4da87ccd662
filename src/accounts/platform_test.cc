// REQ ACC-1: accounts are registered on known platforms, named as people write them.
#include "accounts/platform.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(PlatformTest, ParsesKeysLabelsAndCommonNamesInAnyCase) {
  EXPECT_EQ(parse_platform("facebook")->key, "facebook");
  EXPECT_EQ(parse_platform("  FaceBook ")->key, "facebook");
  EXPECT_EQ(parse_platform("Twitter")->key, "x");
  EXPECT_EQ(parse_platform("X (Twitter)")->key, "x");
  EXPECT_EQ(parse_platform("x")->key, "x");
  EXPECT_EQ(parse_platform("YouTube")->key, "youtube");
  EXPECT_EQ(parse_platform("blog")->key, "school_blog");
  EXPECT_EQ(parse_platform("School blog")->key, "school_blog");
  EXPECT_EQ(platform_label("x"), "X (Twitter)");
  EXPECT_EQ(platform_label("someday"), "someday");
}

TEST(PlatformTest, UnknownPlatformIsRefusedNamingTheKnownOnes) {
  auto r = parse_platform("Myspace");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("'Myspace' is not a platform"), std::string::npos);
  EXPECT_NE(r.error().message.find("Instagram"), std::string::npos);
  EXPECT_FALSE(parse_platform("").ok());
}

TEST(PlatformTest, ProfileMayAllowOnlySomePlatforms) {
  AccountRules rules;
  Platform tiktok = *parse_platform("tiktok");
  EXPECT_TRUE(check_platform_allowed(tiktok, rules).ok());  // empty: every platform
  rules.platforms = {"facebook", "youtube"};
  auto s = check_platform_allowed(tiktok, rules);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("does not allow accounts on TikTok"), std::string::npos);
  EXPECT_NE(s.error().message.find("Facebook, YouTube"), std::string::npos);
  EXPECT_TRUE(check_platform_allowed(*parse_platform("Facebook"), rules).ok());
}

}  // namespace
}  // namespace inloco

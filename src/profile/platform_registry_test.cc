// REQ ACC-1: one list of platforms, shared by the account register and the profile.
#include "profile/platform_registry.h"

#include <gtest/gtest.h>

#include <set>

#include "profile/vocabulary.h"

namespace inloco {
namespace {

TEST(PlatformRegistryTest, KeysAreUniqueAndEveryPlatformHasALabel) {
  std::set<std::string_view> keys;
  for (const Platform& p : known_platforms()) {
    EXPECT_TRUE(keys.insert(p.key).second) << p.key << " is listed twice";
    EXPECT_FALSE(p.label.empty()) << p.key;
  }
  EXPECT_FALSE(keys.empty());
}

TEST(PlatformRegistryTest, FindsAPlatformByItsStoredKeyOnly) {
  ASSERT_NE(find_platform("x"), nullptr);
  EXPECT_EQ(find_platform("x")->label, "X (Twitter)");
  EXPECT_EQ(find_platform("Twitter"), nullptr);  // names people type: accounts/platform.h
  EXPECT_EQ(find_platform("someday"), nullptr);
}

TEST(PlatformRegistryTest, SentencesUseTheirOwnLabelWhereTheLabelReadsBadly) {
  EXPECT_EQ(find_platform("facebook")->sentence_label(), "Facebook");
  EXPECT_EQ(find_platform("school_blog")->label, "School blog");
  EXPECT_EQ(find_platform("school_blog")->sentence_label(), "the school blog");
}

TEST(PlatformRegistryTest, TheProfileSitesStartWithEveryPlatform) {
  // A profile lists allowed platforms by site key; the policy document names them in sentences.
  for (const Platform& p : known_platforms())
    EXPECT_EQ(site_vocabulary().label(p.key), p.sentence_label()) << p.key;
  EXPECT_TRUE(site_vocabulary().contains("discord"));  // sites pupils use, not account platforms
  EXPECT_EQ(find_platform("discord"), nullptr);
}

}  // namespace
}  // namespace inloco

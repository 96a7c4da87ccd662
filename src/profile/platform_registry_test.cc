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

TEST(PlatformRegistryTest, EverySocialSiteHasItsDomainsAndAge) {
  // REQ NET-1, NET-7: each site a profile can block stands for its domains;
  // the school's own sites and "all" have none.
  std::set<std::string_view> domains;
  for (const std::string& key : site_vocabulary().keys()) {
    bool own = key == "all" || key == "school_blog" || key == "podcast";
    EXPECT_EQ(site_domains(key).empty(), own) << key;
    for (std::string_view d : site_domains(key)) {
      EXPECT_TRUE(domains.insert(d).second) << d << " is listed twice";
      EXPECT_NE(d.find('.'), std::string_view::npos) << d;
      for (char c : d)
        EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') << d;
    }
  }
  EXPECT_EQ(filter_sites().size() + 3, site_vocabulary().terms.size());
  EXPECT_LT(filter_sites().size(), 64u);  // one bit each in the filter's masks
  EXPECT_EQ(site_minimum_age("tiktok"), 13);
  EXPECT_EQ(site_minimum_age("school_blog"), 0);
  EXPECT_EQ(site_domains("nowhere").size(), 0u);
}

}  // namespace
}  // namespace inloco

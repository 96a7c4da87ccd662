// The six shipped profiles (the five seed schools and the default) are
// inside the binary and all pass the checker (REQ RPT-3).
#include "profile/shipped_profiles.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "people/person.h"
#include "profile/profile_loader.h"
#include "profile/profile_settings.h"
#include "profile/vocabulary.h"

namespace inloco {
namespace {

TEST(ShippedProfilesTest, AllSixAreShipped) {
  std::vector<std::string> keys;
  for (const ShippedProfile& p : shipped_profiles()) keys.push_back(p.key);
  EXPECT_THAT(keys,
              ::testing::ElementsAre("default", "dronfield_junior", "mulbarton_primary",
                                     "oak_trees_mat", "secondary_principal", "st_james_primary"));
}

TEST(ShippedProfilesTest, EveryShippedProfilePassesTheChecker) {
  for (const ShippedProfile& s : shipped_profiles()) {
    auto p = load_profile(s.text, s.file_name);
    EXPECT_TRUE(p.ok()) << s.file_name << ":\n"
                        << (p.ok() ? "" : ::testing::PrintToString(p.error().details));
    if (p.ok()) {
      EXPECT_EQ(p->key, s.key);
      EXPECT_FALSE(p->name.empty());
    }
  }
}

TEST(ShippedProfilesTest, EmbeddedCopiesMatchTheFiles) {
  for (const ShippedProfile& s : shipped_profiles()) {
    std::ifstream in(std::string(INLOCO_SOURCE_DIR) + "/" + s.file_name, std::ios::binary);
    ASSERT_TRUE(in) << s.file_name;
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), s.text) << s.file_name << " changed since the build: rebuild";
  }
}

TEST(ShippedProfilesTest, DefaultFileSpellsOutTheBuiltInDefaults) {
  // default.toml is the template schools copy: it must say what inloco assumes.
  auto p = load_shipped_profile(kDefaultProfileKey);
  ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
  EXPECT_THAT(profile_changes(PolicyProfile{}, *p), ::testing::ElementsAre());
}

TEST(ShippedProfilesTest, UnknownKeyNamesTheShippedOnes) {
  auto p = load_shipped_profile("oak_trees");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(p.error().message, ::testing::HasSubstr("oak_trees_mat"));
}

TEST(ProfileVocabularyTest, KnowsEveryPersonKind) {
  for (PersonKind k : all_person_kinds())
    EXPECT_TRUE(member_vocabulary().contains(person_kind_key(k))) << person_kind_key(k);
}

TEST(ProfileVocabularyTest, NearestKeyOnlyForSlips) {
  std::vector<std::string> keys = {"max_admins", "platforms", "authorisers"};
  EXPECT_EQ(nearest_key("max_admin", keys), "max_admins");
  EXPECT_EQ(nearest_key("platfroms", keys), "platforms");
  EXPECT_EQ(nearest_key("colour", keys), std::nullopt);
}

}  // namespace
}  // namespace inloco

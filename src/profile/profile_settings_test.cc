// A profile change is recorded as the settings that changed (REQ TRN-3), and
// docs/profiles.md documents every key the schema has.
#include "profile/profile_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "profile/profile_loader.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

TEST(ProfileSettingsTest, ChangesAreListedAsBeforeAndAfter) {
  PolicyProfile before;
  PolicyProfile after;
  after.accounts.max_admins = 2;
  after.posts.approvers = {Role::kSocialMediaLead};
  after.meta.next_review = CalendarDate{2025, 7, 1};
  after.filter.groups["sixth_form"] = FilterGroup{"Sixth form", {"pupil"}, {}, {}};
  after.filter.groups.erase("guests");
  std::vector<std::string> changes = profile_changes(before, after);
  EXPECT_THAT(changes, Contains("accounts.max_admins: 3 → 2"));
  EXPECT_THAT(
      changes,
      Contains(
          "posts.approvers: [\"headteacher\", \"deputy_headteacher\"] → [\"social_media_lead\"]"));
  EXPECT_THAT(changes, Contains("policy.next_review: (not set) → 2025-07-01"));
  EXPECT_THAT(changes, Contains("filter.groups.sixth_form.label: (not set) → \"Sixth form\""));
  EXPECT_THAT(changes, Contains("filter.groups.guests.label: \"Guests\" → (not set)"));
  EXPECT_THAT(profile_changes(before, before), ElementsAre());
}

TEST(ProfileSettingsTest, EverySettingIsListed) {
  std::vector<ProfileSetting> s = profile_settings(PolicyProfile{});
  auto has = [&](const std::string& key) {
    return std::any_of(s.begin(), s.end(), [&](const ProfileSetting& x) { return x.key == key; });
  };
  EXPECT_TRUE(has("accounts.max_admins"));
  EXPECT_TRUE(has("posts.checks.political"));
  EXPECT_TRUE(has("filter.groups.pupils.blocked"));
  EXPECT_TRUE(has("filter.groups.staff.blocked_during.lessons"));
  EXPECT_TRUE(has("filter.windows.lessons.times"));
  EXPECT_TRUE(has("retention.child_protection"));
  EXPECT_TRUE(has("policy.name"));
}

TEST(ProfileSettingsTest, DocsDescribeEveryKey) {
  std::ifstream in(std::string(INLOCO_SOURCE_DIR) + "/docs/profiles.md");
  ASSERT_TRUE(in) << "docs/profiles.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  for (const SchemaEntry& e : profile_schema())
    EXPECT_NE(text.str().find("`" + e.key + "`"), std::string::npos)
        << "docs/profiles.md does not mention `" << e.key << "`";
}

}  // namespace
}  // namespace inloco

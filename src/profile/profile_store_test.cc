// REQ RPT-3, TRN-3: a school is assigned a profile; each change is a new,
// audited version saying who, when and what changed. On both databases.
#include "profile/profile_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "people/school_store.h"
#include "profile/shipped_profiles.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class ProfileStoreTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto t = db().transaction(
        [&](Connection& c) { return create_trust(c, clock_, Actor::system(), "Trust"); });
    ASSERT_TRUE(t.ok()) << t.error().message;
    School s;
    s.trust_id = *t;
    s.code = "elm";
    s.name = "Elm Primary School";
    auto id = db().transaction(
        [&](Connection& c) { return create_school(c, clock_, Actor::system(), s); });
    ASSERT_TRUE(id.ok()) << id.error().message;
    school_ = *id;
  }
  Status assign(const std::string& toml, const std::string& key) {
    return db().transaction([&](Connection& c) {
      return assign_profile(SchoolScope{c, clock_, head_, school_}, toml, key);
    });
  }
  Result<PolicyProfile> current() {
    return db().read([&](Connection& c) { return profile_for_school(c, school_); });
  }
  std::vector<ProfileVersion> history() {
    auto h = db().read([&](Connection& c) { return profile_history(c, school_); });
    EXPECT_TRUE(h.ok()) << h.error().message;
    return h.value_or({});
  }

  FakeClock clock_;
  int64_t school_ = 0;
  Actor head_{std::nullopt, "Ruth Okafor (rokafor)", "127.0.0.1"};
};

TEST_P(ProfileStoreTest, SchoolWithoutAProfileFollowsTheDefault) {
  auto p = current();
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->key, "default");
  EXPECT_TRUE(history().empty());
}

TEST_P(ProfileStoreTest, AssignmentsAreVersionedWithWhatChanged) {
  ASSERT_TRUE(assign("[accounts]\nmax_admins = 2\n", "elm").ok());
  clock_.advance(3600);
  ASSERT_TRUE(
      assign("[accounts]\nmax_admins = 1\n[posts]\napprovers = [\"social_media_lead\"]\n", "elm")
          .ok());

  auto p = current();
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->key, "elm");
  EXPECT_EQ(p->accounts.max_admins, 1);

  std::vector<ProfileVersion> h = history();
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].version, 1);
  EXPECT_EQ(h[0].profile_key, "elm");
  // The first version is compared with the default profile it replaces.
  EXPECT_THAT(h[0].changes, ElementsAre("profile: default → elm", "accounts.max_admins: 3 → 2"));
  EXPECT_EQ(h[0].assigned_by_name, "Ruth Okafor (rokafor)");
  EXPECT_EQ(h[1].version, 2);
  EXPECT_EQ(h[1].assigned_at, h[0].assigned_at + 3600);
  EXPECT_THAT(h[1].changes,
              ElementsAre("accounts.max_admins: 2 → 1",
                          "posts.approvers: [\"headteacher\", \"deputy_headteacher\"] → "
                          "[\"social_media_lead\"]"));
  EXPECT_EQ(h[1].toml_text,
            "[accounts]\nmax_admins = 1\n[posts]\napprovers = [\"social_media_lead\"]\n");
}

TEST_P(ProfileStoreTest, AssignmentIsAudited) {
  ASSERT_TRUE(assign("[accounts]\nmax_admins = 2\n", "elm").ok());
  auto audit = db().read([&](Connection& c) {
    return list_audit(c, AuditQuery{std::string("school_profile"), std::nullopt, std::nullopt, 10});
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  const AuditEntry& e = (*audit)[0];
  EXPECT_EQ(e.action, "profile.assign");
  EXPECT_EQ(e.record_id, std::to_string(school_));
  EXPECT_EQ(e.school_id, school_);
  EXPECT_EQ(e.actor, "Ruth Okafor (rokafor)");
  auto detail = nlohmann::json::parse(e.detail);
  EXPECT_EQ(detail["profile"], "elm");
  EXPECT_EQ(detail["version"], 1);
  EXPECT_THAT(detail["changes"].get<std::vector<std::string>>(),
              Contains("accounts.max_admins: 3 → 2"));
}

TEST_P(ProfileStoreTest, InvalidProfileIsRefusedAndNothingStored) {
  Status s = assign("[accounts]\nmax_admins = 0\n", "elm");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_THAT(
      s.error().details,
      ElementsAre(
          "elm.toml:2: accounts.max_admins: must be a whole number from 1 to 20 (people), not 0"));
  EXPECT_TRUE(history().empty());
  auto audit = db().read([&](Connection& c) { return list_audit(c, AuditQuery{}); });
  ASSERT_TRUE(audit.ok());
  for (const AuditEntry& e : *audit) EXPECT_NE(e.action, "profile.assign");
}

TEST_P(ProfileStoreTest, SameTextAgainChangesNothing) {
  ASSERT_TRUE(assign("[accounts]\nmax_admins = 2\n", "elm").ok());
  ASSERT_TRUE(assign("[accounts]\nmax_admins = 2\n", "elm").ok());
  EXPECT_EQ(history().size(), 1u);
  // Comments only: a new version, recorded as changing no setting.
  ASSERT_TRUE(assign("# tidied\n[accounts]\nmax_admins = 2\n", "elm").ok());
  std::vector<ProfileVersion> h = history();
  ASSERT_EQ(h.size(), 2u);
  EXPECT_THAT(h[1].changes, ElementsAre("no setting changed (wording or comments only)"));
}

TEST_P(ProfileStoreTest, ShippedProfileCanBeAssigned) {
  auto shipped = find_shipped_profile("oak_trees_mat");
  ASSERT_TRUE(shipped.ok());
  ASSERT_TRUE(assign(std::string(shipped->text), shipped->key).ok());
  auto p = current();
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->key, "oak_trees_mat");
  EXPECT_EQ(p->posts.approvers, std::vector<Role>{Role::kSocialMediaLead});
  std::vector<ProfileVersion> h = history();
  ASSERT_EQ(h.size(), 1u);
  EXPECT_THAT(h[0].changes, Contains("posts.approvers: [\"headteacher\", \"deputy_headteacher\"] → "
                                     "[\"social_media_lead\"]"));
  EXPECT_THAT(h[0].changes, Contains("training.staff_months: 12 → 4"));
}

TEST_P(ProfileStoreTest, UnknownSchoolAndBadKey) {
  auto missing = db().transaction([&](Connection& c) {
    return assign_profile(SchoolScope{c, clock_, head_, school_ + 100}, "", "elm");
  });
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto p = db().read([&](Connection& c) { return profile_for_school(c, school_ + 100); });
  EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
  Status bad = assign("", "Elm School!");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().message, HasSubstr("cannot name a policy profile"));
}

INLOCO_INSTANTIATE_BACKENDS(ProfileStoreTest);

}  // namespace
}  // namespace inloco

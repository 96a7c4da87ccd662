// REQ NET-5: finding a person's web activity offers the people who use the
// school network, never parents or trustees, and only the school's own.
#include "filtering/network_users.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"

namespace inloco::filter {
namespace {

class NetworkUsersTest : public test::AccountFixture {
 protected:
  std::vector<int64_t> found(const std::string& search) {
    auto r = read([&](Connection& c) { return find_network_users(c, alpha_, search, 50); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<int64_t> ids;
    if (r.ok())
      for (const Person& p : *r) ids.push_back(p.id);
    return ids;
  }
};

TEST_P(NetworkUsersTest, PupilsAndThoseWhoWorkThereAreFoundButNotParents) {
  EXPECT_EQ(found("Pip"), std::vector<int64_t>{pupil_});
  EXPECT_EQ(found("Tom"), std::vector<int64_t>{teacher_});
  EXPECT_EQ(found("Gail"), std::vector<int64_t>{governor_});
  EXPECT_EQ(found("Vic"), std::vector<int64_t>{volunteer_});
  EXPECT_TRUE(found("Pat").empty()) << "a parent (the PTA chair) is not a network user";
  EXPECT_TRUE(found("Ben").empty()) << "another school's member of staff";
}

TEST_P(NetworkUsersTest, TheKindsThatUseTheNetwork) {
  for (PersonKind k : {PersonKind::kPupil, PersonKind::kStaff, PersonKind::kVolunteer,
                       PersonKind::kContractor, PersonKind::kGovernor})
    EXPECT_TRUE(uses_school_network(k)) << person_kind_key(k);
  EXPECT_FALSE(uses_school_network(PersonKind::kParent));
  EXPECT_FALSE(uses_school_network(PersonKind::kTrustee));
}

INLOCO_INSTANTIATE_BACKENDS(NetworkUsersTest);

}  // namespace
}  // namespace inloco::filter

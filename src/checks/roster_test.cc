#include "checks/roster.h"

#include <gtest/gtest.h>

namespace inloco::checks {
namespace {

// REQ PST-4: a roster can come from a CSV when there is no database.
TEST(RosterTest, ParsesACsvOfGivenAndFamilyNames) {
  auto r = parse_roster_csv("given,family\nMia,O'Brien\n\"Zo\xC3\xAB\",Kowalska\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].full(), "Mia O'Brien");
  EXPECT_FALSE(parse_roster_csv("first,last\nA,B\n").ok());
  EXPECT_FALSE(parse_roster_csv("given,family\nA,\n").ok());
}

}  // namespace
}  // namespace inloco::checks

// REQ ORG-2: the kinds of people, and how a person's name is shown.
#include "people/person.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(PeoplePersonTest, KindKeysRoundTripAndMatchTheSchema) {
  EXPECT_EQ(all_person_kinds().size(), 7u);
  for (PersonKind k : all_person_kinds()) {
    EXPECT_EQ(parse_person_kind(person_kind_key(k)), k);
    EXPECT_FALSE(person_kind_label(k).empty());
  }
  EXPECT_EQ(person_kind_key(PersonKind::kParent), "parent");
  EXPECT_EQ(person_kind_label(PersonKind::kParent), "Parent or carer");
  EXPECT_EQ(person_kind_key(PersonKind::kContractor), "contractor");
  EXPECT_FALSE(parse_person_kind("Parent"));
  EXPECT_FALSE(parse_person_kind(""));
}

TEST(PeoplePersonTest, DisplayNamePrefersThePreferredName) {
  Person p;
  p.given_name = "Oluwaseun";
  p.family_name = "Adeyemi";
  EXPECT_EQ(p.display_name(), "Oluwaseun Adeyemi");
  p.preferred_name = "Seun";
  EXPECT_EQ(p.display_name(), "Seun Adeyemi");
  p.preferred_name = "";
  EXPECT_EQ(p.display_name(), "Oluwaseun Adeyemi");
}

}  // namespace
}  // namespace inloco

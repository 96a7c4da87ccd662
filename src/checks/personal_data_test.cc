#include "checks/personal_data.h"

#include <gtest/gtest.h>

namespace inloco::checks {
namespace {

// REQ PST-3: what a regular expression says badly is validated after it.
TEST(PersonalDataTest, PhoneNumbersNeedTheRightNumberOfDigits) {
  EXPECT_TRUE(validate_personal_data("uk_phone", "07700 900123", ' ', '.'));
  EXPECT_TRUE(validate_personal_data("uk_phone", "020 7946 0958", 0, 0));
  EXPECT_TRUE(validate_personal_data("uk_phone", "+44 (0)20 7946 0958", 0, 0));
  EXPECT_TRUE(validate_personal_data("uk_phone", "+447700900123", 0, 0));
  EXPECT_FALSE(validate_personal_data("uk_phone", "0770 090", 0, 0));
  EXPECT_FALSE(validate_personal_data("uk_phone", "07700 900123", '5', 0));  // part of a longer number
  EXPECT_FALSE(validate_personal_data("uk_phone", "07700 90012", 0, '3'));
}

TEST(PersonalDataTest, AddressesAreNotOrdinaryPhrases) {
  EXPECT_TRUE(validate_personal_data("home_address", "14 Acacia Avenue", ' ', 0));
  EXPECT_FALSE(validate_personal_data("home_address", "500 for the road", ' ', 0));
  EXPECT_FALSE(validate_personal_data("home_address", "2 children at St", ' ', 0));
}

TEST(PersonalDataTest, EveryRuleHasAPattern) {
  for (const PersonalDataRule& r : personal_data_rules()) {
    EXPECT_FALSE(r.rule.empty());
    EXPECT_FALSE(r.pattern.empty()) << r.rule;
  }
}

}  // namespace
}  // namespace inloco::checks

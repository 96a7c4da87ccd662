// REQ NET-5: searches whose terms are of concern are flagged for the DSL;
// swearing or an ordinary homework search is not.
#include "filtering/search_flags.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

TEST(FilterSearchFlagsTest, OnlyConcernsAreFlagged) {
  auto flags = SearchFlags::create();
  ASSERT_TRUE(flags.ok()) << flags.error().message;
  EXPECT_EQ(flags->flag("how much is a zombie knife"), "illegal");
  EXPECT_EQ(flags->flag("why does everyone hates you"), "bullying");
  EXPECT_EQ(flags->flag("volcano facts for kids"), "");
  EXPECT_EQ(flags->flag("damn homework"), "") << "language alone is not a safeguarding matter";
  EXPECT_EQ(flags->flag(""), "");
  EXPECT_EQ(flags->flag("\xff"), "") << "text that cannot be checked";
}

}  // namespace
}  // namespace inloco::filter

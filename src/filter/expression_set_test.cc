// REQ NET-1: squidGuard's expressions (POSIX ERE, case-insensitive, found
// anywhere in the URL) through Vectorscan.
#include "filter/expression_set.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

TEST(FilterExpressionSetTest, FindsCaseInsensitivelyAnywhere) {
  auto set = ExpressionSet::compile({"(/banner/|/sponsor/)", "google\\..*/search.q=cache",
                                     "^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+/search"});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ((*set)->scan("http://example.com/BANNER/x.gif"), (std::vector<uint32_t>{0}));
  EXPECT_EQ((*set)->scan("http://www.google.co.uk/search?q=cache:x"), (std::vector<uint32_t>{1}));
  EXPECT_EQ((*set)->scan("1.2.3.4/search"), (std::vector<uint32_t>{2}));
  EXPECT_TRUE((*set)->scan("http://example.com/").empty());
}

TEST(FilterExpressionSetTest, RefusesWhatCannotCompileOrMatchesEverything) {
  EXPECT_TRUE(ExpressionSet::check("a(b|c)d").ok());
  EXPECT_FALSE(ExpressionSet::check("(unclosed").ok());
  EXPECT_FALSE(ExpressionSet::check("(a)\\1").ok());  // back-reference
  EXPECT_FALSE(ExpressionSet::check(".*").ok());      // matches the empty string
  EXPECT_FALSE(ExpressionSet::check("").ok());
}

TEST(FilterExpressionSetTest, SerialisesAndEmptySetFindsNothing) {
  auto set = ExpressionSet::compile({"porn", "casino"});
  ASSERT_TRUE(set.ok());
  auto bytes = (*set)->serialize();
  ASSERT_TRUE(bytes.ok());
  auto back = ExpressionSet::deserialize(*bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)->scan("http://online-CASINO.example/"), (std::vector<uint32_t>{1}));
  EXPECT_FALSE(ExpressionSet::deserialize("not a database").ok());
  auto empty = ExpressionSet::compile({});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE((*empty)->empty());
  EXPECT_TRUE((*empty)->scan("anything").empty());
}

}  // namespace
}  // namespace inloco::filter

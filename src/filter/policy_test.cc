// REQ NET-1: today's policy blocks any listed URL; the interface is where the
// group and time rules (NET-2, NET-7, LAW-8) plug in later.
#include "filter/policy.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

TEST(FilterPolicyTest, BlocksWhenAnyCategoryMatchesWithTheOrderedReason) {
  auto url = normalise_url("http://facebook.com/");
  ASSERT_TRUE(url.ok());
  Request req{*url, "pupil1", "10.0.0.5", 0};
  std::vector<Match> none;
  EXPECT_EQ(BlockListedPolicy().decide(req, none).verdict, Verdict::kAllow);
  std::vector<Match> two = {{1, "blog", RuleKind::kDomain, "facebook.com"},
                            {5, "social_networks", RuleKind::kDomain, "facebook.com"}};
  Decision d = BlockListedPolicy().decide(req, two);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(d.because->category_name, "blog");
  Decision ordered = BlockListedPolicy({5, 1}).decide(req, two);
  EXPECT_EQ(ordered.because->category_name, "social_networks");
  EXPECT_EQ(ordered.because->rule(), "domain:facebook.com");
  EXPECT_STREQ(verdict_name(Verdict::kBlock), "block");
}

}  // namespace
}  // namespace inloco::filter

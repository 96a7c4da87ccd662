// REQ NET-5: one decision record per request, one line of eight fields.
#include "filter/decision_log.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "filter/filter_test_support.h"

namespace inloco::filter {
namespace {

TEST(FilterDecisionLogTest, FormatsOneTabSeparatedLine) {
  DecisionRecord r{1763740800, "pupil1", "10.0.0.5",        "http://facebook.com/",
                   "",         "block",  "social_networks", "domain:facebook.com"};
  EXPECT_EQ(format_decision_record(r),
            "1763740800\tpupil1\t10.0.0.5\thttp://facebook.com/\t-\tblock\tsocial_networks\t"
            "domain:facebook.com\n");
  DecisionRecord hostile{5, "a\tb", "", "http://x.test/\nforged", "q\r", "allow", "", ""};
  EXPECT_EQ(format_decision_record(hostile),
            "5\ta%09b\t-\thttp://x.test/%0Aforged\tq%0D\tallow\t-\t-\n");
}

TEST(FilterDecisionLogTest, AppendsOnFlushAndOnClose) {
  testing::TempDir dir;
  std::string path = (dir.path() / "decisions.log").string();
  {
    auto log = DecisionLog::open(path);
    ASSERT_TRUE(log.ok()) << log.error().message;
    log->add({1, "", "", "http://a.test/", "", "allow", "", ""});
    std::ifstream before(path);
    std::stringstream empty;
    empty << before.rdbuf();
    EXPECT_EQ(empty.str(), "");  // buffered until the batch ends
    ASSERT_TRUE(log->flush().ok());
    log->add({2, "", "", "http://b.test/", "", "allow", "", ""});
  }
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  EXPECT_EQ(all.str(),
            "1\t-\t-\thttp://a.test/\t-\tallow\t-\t-\n2\t-\t-\thttp://b.test/\t-\tallow\t-\t-\n");
  EXPECT_FALSE(DecisionLog::open((dir.path() / "no/such/folder/x.log").string()).ok());
}

}  // namespace
}  // namespace inloco::filter

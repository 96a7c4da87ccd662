// REQ NET-3, NET-4: `inloco filter lists` writes the demo school's blocked
// sites and its exceptions in force for the filter, and refuses an unknown
// school by saying which codes there are.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "test_support/cli_runner.h"

namespace inloco {
namespace {

class FilterListsCliTest : public test::DemoCliTest {
 protected:
  FilterListsCliTest() : DemoCliTest("inloco-filter-lists") {}
  static std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }
};

TEST_F(FilterListsCliTest, WritesTheDemoSchoolsListsForTheFilter) {
  const auto out = dir_ / "lists";
  auto run =
      test::run_inloco("filter lists --school oakfield -o " + out.string() + " --db " + db_url_);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("1 blocked sites, 1 exceptions in force"), std::string::npos)
      << run.output;
  EXPECT_EQ(slurp(out / "school_blocked" / "domains"), "free-skins-giveaway.example\n");
  EXPECT_EQ(slurp(out / "exceptions").rfind("scratch.mit.edu\tpupils\t\t", 0), 0u);
  // REQ NET-2, NET-6: the helper's side: the rules, each person's group
  // and the demo pupil banned after trying to get round the filter.
  EXPECT_NE(run.output.find("1 bans from the network"), std::string::npos) << run.output;
  EXPECT_NE(slurp(out / "profile.toml").find("[filter"), std::string::npos);
  std::string people = slurp(out / "people");
  EXPECT_NE(people.find("\tpupils\n"), std::string::npos) << people;
  EXPECT_NE(people.find("\tstaff\n"), std::string::npos) << people;
  std::string bans = slurp(out / "bans");
  EXPECT_EQ(std::count(bans.begin(), bans.end(), '\n'), 1) << bans;

  auto bad =
      test::run_inloco("filter lists --school nowhere -o " + out.string() + " --db " + db_url_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("oakfield"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace inloco

// REQ NET-1, NET-2, NET-7, LAW-8: `inloco filter check --profile` applies the
// school's filter policy to a list of URLs for a group, user, address and
// time, one "URL<TAB>verdict<TAB>category<TAB>rule" line each.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;

class FilterPolicyCliTest : public ::testing::Test {
 protected:
  FilterPolicyCliTest() : folder_("inloco-filter-policy-cli") {}

  void SetUp() override {
    write("lists/gambling/domains", "bet.example\n");
    write("lists/adult/domains", "bad.example\n");
    write("lists/games/domains", "play.example\n");
    write("lists/social_networks/domains", "facebook.com\n");
    snapshot_ = (folder_.path() / "filter.snap").string();
    auto compiled = test::run_inloco("filter compile --lists " +
                                     (folder_.path() / "lists").string() + " -o " + snapshot_);
    ASSERT_EQ(compiled.exit_code, 0) << compiled.output;
    profile_ = write("school.toml", R"(
[filter]
locked_categories = ["adult"]

[filter.groups.pupils]
sources = ["10.20.0.0/16"]
blocked = ["all"]
blocked_categories = ["gambling"]

[filter.groups.staff]
users = ["mrsjones"]
blocked_categories = []

[filter.groups.staff.blocked_categories_during]
lessons = ["games"]

[filter.groups.guests]
blocked_categories = []
)");
    urls_ = write("urls.txt",
                  "https://www.facebook.com/\nhttp://bet.example/\nhttp://bad.example/\n"
                  "http://play.example/\nhttps://www.bbc.co.uk/\n");
  }

  std::string write(const std::string& name, const std::string& text) {
    fs::path p = folder_.path() / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }

  test::CliRun check(const std::string& options) {
    return test::run_inloco("filter check --snapshot " + snapshot_ + " --profile " + profile_ +
                            " " + options + " " + urls_);
  }

  static bool has_line(const std::string& output, const std::string& line) {
    return output.find(line + "\n") != std::string::npos;
  }

  test::TestFolder folder_;
  std::string snapshot_, profile_, urls_;
};

TEST_F(FilterPolicyCliTest, PupilsBySourceAddress) {
  auto run = check("--src 10.20.3.4 --at 2026-11-23T10:30");
  EXPECT_EQ(run.exit_code, 1) << run.output;  // something was blocked
  EXPECT_TRUE(has_line(run.output,
                       "https://www.facebook.com/\tblock\tfacebook,social_networks\t"
                       "group:pupils:always:facebook"))
      << run.output;
  EXPECT_TRUE(
      has_line(run.output, "http://bet.example/\tblock\tgambling\tgroup:pupils:always:gambling"))
      << run.output;
  EXPECT_TRUE(has_line(run.output, "http://bad.example/\tblock\tadult\tlocked:adult"))
      << run.output;
  EXPECT_TRUE(has_line(run.output, "http://play.example/\tallow\tgames\t-")) << run.output;
  EXPECT_TRUE(has_line(run.output, "https://www.bbc.co.uk/\tallow\t-\t-")) << run.output;
}

TEST_F(FilterPolicyCliTest, StaffByUserAndTime) {
  // REQ NET-2: games are blocked for staff in lessons only.
  auto lesson = check("--user mrsjones --at 2026-11-23T10:30");
  EXPECT_TRUE(
      has_line(lesson.output, "http://play.example/\tblock\tgames\tgroup:staff:lessons:games"))
      << lesson.output;
  EXPECT_TRUE(has_line(lesson.output,
                       "https://www.facebook.com/\tblock\tfacebook,social_networks\t"
                       "group:staff:lessons:facebook"))
      << lesson.output;
  auto lunch = check("--user mrsjones --at 2026-11-23T12:30");
  EXPECT_TRUE(has_line(lunch.output, "http://play.example/\tallow\tgames\t-")) << lunch.output;
  EXPECT_TRUE(has_line(lunch.output, "https://www.facebook.com/\tallow\tsocial_networks\t-"))
      << lunch.output;
  // LAW-8: the locked category stays blocked for staff too.
  EXPECT_TRUE(has_line(lunch.output, "http://bad.example/\tblock\tadult\tlocked:adult"));
  // In summer --at is British Summer Time: 10:30 BST is in lessons.
  auto summer = check("--group staff --at 2026-06-22T10:30");
  EXPECT_TRUE(
      has_line(summer.output, "http://play.example/\tblock\tgames\tgroup:staff:lessons:games"))
      << summer.output;
}

TEST_F(FilterPolicyCliTest, WithoutAProfileEveryListedUrlIsBlocked) {
  auto run = test::run_inloco("filter check --snapshot " + snapshot_ + " " + urls_);
  EXPECT_TRUE(has_line(run.output, "http://play.example/\tblock\tgames\tdomain:play.example"))
      << run.output;
  EXPECT_TRUE(has_line(run.output, "https://www.bbc.co.uk/\tallow\t-\t-")) << run.output;
}

TEST_F(FilterPolicyCliTest, RefusesWhatItCannotUse) {
  auto group = check("--group teachers");
  EXPECT_EQ(group.exit_code, 2);
  EXPECT_NE(group.output.find("--group 'teachers' is not a filter group of the profile"),
            std::string::npos)
      << group.output;
  auto at = check("--at tomorrow");
  EXPECT_EQ(at.exit_code, 2);
  EXPECT_NE(at.output.find("write it like 2026-11-23T10:30"), std::string::npos) << at.output;
  auto no_profile =
      test::run_inloco("filter check --snapshot " + snapshot_ + " --group pupils " + urls_);
  EXPECT_EQ(no_profile.exit_code, 2);
  // Category names the lists lack are warned about: a misspelt lock locks nothing.
  std::string typo = write("typo.toml", "[filter]\nlocked_categories = [\"adlut\"]\n");
  auto warned =
      test::run_inloco("filter check --snapshot " + snapshot_ + " --profile " + typo + " " + urls_);
  EXPECT_NE(warned.output.find("warning: the profile names the category 'adlut', which the lists "
                               "do not have"),
            std::string::npos)
      << warned.output;
}

}  // namespace
}  // namespace inloco

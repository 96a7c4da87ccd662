// REQ NET-1, NET-2, NET-3, NET-6, LAW-8: the Squid helper with the school's
// rules: the folder `inloco filter lists` writes (profile, exceptions,
// people, bans), read at start and again on every reload.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "filter/filter_test_support.h"
#include "filter/list_compiler.h"
#include "filter/snapshot_writer.h"
#include "filter/squid_helper.h"
#include "profile/shipped_profiles.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kMonday1030 = 1763980200;       // 2025-11-24 10:30 GMT, in lessons
constexpr int64_t kSaturdayEvening = 1763841600;  // 2025-11-22 20:00 GMT

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class SquidHelperPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("lists/social_networks/domains", "facebook.com\n");
    dir_.write("lists/gambling/domains", "bet.test\n");
    dir_.write("lists/vpn/domains", "vpn.test\n");
    dir_.write("lists/adult/domains", "adult.test\n");
    dir_.write("lists/news/domains", "news.test\n");
    auto compiled = compile_lists(std::vector<fs::path>{dir_.path() / "lists"});
    ASSERT_TRUE(compiled.ok()) << compiled.error().message;
    snapshot_ = (dir_.path() / "filter.snap").string();
    ASSERT_TRUE(write_snapshot(*compiled, snapshot_).ok());

    // The shipped default profile: pupils never reach social media or
    // gambling; staff not in lessons; adult is locked; unknown people get
    // the pupils' rules.
    auto shipped = find_shipped_profile("default");
    ASSERT_TRUE(shipped.ok());
    dir_.write("school/profile.toml", std::string(shipped->text));
    dir_.write("school/exceptions", "");
    dir_.write("school/people", "Mrs.Jones\tstaff\npip\tpupils\n");
  }

  std::unique_ptr<SquidHelper> make(SquidHelperOptions options, bool with_log = false) {
    options.snapshot_path = snapshot_;
    std::optional<DecisionLog> log;
    if (with_log) {
      auto opened = DecisionLog::open((dir_.path() / "decisions.log").string());
      EXPECT_TRUE(opened.ok());
      log.emplace(std::move(opened).value());
    }
    auto helper = SquidHelper::create(std::move(options), std::move(log), clock_);
    EXPECT_TRUE(helper.ok()) << helper.error().message;
    return helper.ok() ? std::move(helper).value() : nullptr;
  }
  std::unique_ptr<SquidHelper> school_helper(bool with_log = false) {
    SquidHelperOptions o;
    o.school_lists_dir = (dir_.path() / "school").string();
    o.user_token = 2;
    return make(std::move(o), with_log);
  }
  static bool blocked(const std::string& answer) {
    return answer.find(" ERR ") != std::string::npos;
  }

  testing::TempDir dir_;
  std::string snapshot_;
  FakeClock clock_{kMonday1030};
};

TEST_F(SquidHelperPolicyTest, EachPersonGetsTheirGroupsRulesAndTheGroupsSentence) {
  auto helper = school_helper();
  ASSERT_TRUE(helper);
  // A pupil, by the people file: social media is blocked with the policy's sentence.
  EXPECT_EQ(helper->answer("0 https://www.facebook.com/ pip"),
            "0 ERR message=\"Social media is blocked for pupils on the school network.\" "
            "tag=\"facebook\" log=\"group:pupils:always:facebook\"\n");
  // A member of staff (any case) may not use it in lessons...
  std::string in_lessons = helper->answer("1 https://www.facebook.com/ mrs.jones");
  EXPECT_TRUE(blocked(in_lessons)) << in_lessons;
  EXPECT_NE(in_lessons.find("group:staff:lessons:"), std::string::npos) << in_lessons;
  // ...but may on a Saturday evening, and gambling is not a staff category.
  clock_.set(kSaturdayEvening);
  EXPECT_EQ(helper->answer("2 https://www.facebook.com/ MRS.JONES"), "2 OK\n");
  EXPECT_EQ(helper->answer("3 http://bet.test/ mrs.jones"), "3 OK\n");
  // Pupils are blocked from gambling at any time; so is someone the school
  // does not know (the default group is the pupils').
  EXPECT_TRUE(blocked(helper->answer("4 http://bet.test/ pip")));
  EXPECT_TRUE(blocked(helper->answer("5 http://bet.test/ stranger")));
  EXPECT_EQ(helper->answer("6 http://news.test/ pip"), "6 OK\n");
}

TEST_F(SquidHelperPolicyTest, AnExceptionOpensASiteButNeverALockedCategory) {
  int64_t until = kMonday1030 + 3600;
  dir_.write("school/exceptions", "bet.test\tpupils\t\t" + std::to_string(until) +
                                      "\nadult.test\t\t\t" + std::to_string(until) + "\n");
  auto helper = school_helper();
  ASSERT_TRUE(helper);
  EXPECT_EQ(helper->answer("0 http://bet.test/maths-probability pip"), "0 OK\n");  // NET-3
  std::string locked = helper->answer("1 http://adult.test/ mrs.jones");           // LAW-8
  EXPECT_TRUE(blocked(locked));
  EXPECT_NE(locked.find("log=\"locked:adult\""), std::string::npos) << locked;
  clock_.set(until);  // the exception has ended
  EXPECT_TRUE(blocked(helper->answer("2 http://bet.test/ pip")));
}

TEST_F(SquidHelperPolicyTest, ABannedPersonIsRefusedEverythingUnlessSupervised) {
  // REQ NET-6
  dir_.write("school/bans", "pip\t" + std::to_string(kMonday1030 - 86400) + "\t0\n");
  auto helper = school_helper(true);
  ASSERT_TRUE(helper);
  std::string refused = helper->answer("0 http://news.test/ Pip");
  EXPECT_TRUE(blocked(refused)) << refused;
  EXPECT_NE(refused.find("tag=\"banned\" log=\"ban:circumvention\""), std::string::npos) << refused;
  EXPECT_NE(refused.find("supervise"), std::string::npos) << refused;
  EXPECT_EQ(helper->answer("1 http://news.test/ mrs.jones"), "1 OK\n");

  // A member of staff supervises until 11:30: let through until then.
  dir_.write("school/bans", "pip\t" + std::to_string(kMonday1030 - 86400) + "\t" +
                                std::to_string(kMonday1030 + 3600) + "\n");
  ASSERT_TRUE(helper->reload().ok());
  EXPECT_EQ(helper->answer("2 http://news.test/ pip"), "2 OK\n");
  EXPECT_TRUE(blocked(helper->answer("3 http://bet.test/ pip")));  // the pupils' rules still hold
  clock_.set(kMonday1030 + 3600);
  EXPECT_TRUE(blocked(helper->answer("4 http://news.test/ pip")));

  // The ban lifted: the file no longer lists them.
  dir_.write("school/bans", "");
  ASSERT_TRUE(helper->reload().ok());
  EXPECT_EQ(helper->answer("5 http://news.test/ pip"), "5 OK\n");
  ASSERT_TRUE(helper->flush_log().ok());
  std::string log = read_file(dir_.path() / "decisions.log");
  EXPECT_NE(log.find("\tpip\t-\thttp://news.test/\t-\tblock\tbanned\tban:circumvention\n"),
            std::string::npos)
      << log;
}

TEST_F(SquidHelperPolicyTest, AListedSiteThatIsAllowedIsLoggedWithItsCategory) {
  // REQ NET-5: monitoring sees staff visiting a VPN site, though staff may.
  clock_.set(kSaturdayEvening);
  auto helper = school_helper(true);
  ASSERT_TRUE(helper);
  EXPECT_EQ(helper->answer("0 https://vpn.test/download mrs.jones"), "0 OK\n");
  EXPECT_EQ(helper->answer("1 https://plain.test/ mrs.jones"), "1 OK\n");
  ASSERT_TRUE(helper->flush_log().ok());
  std::string log = read_file(dir_.path() / "decisions.log");
  EXPECT_NE(log.find("https://vpn.test/download\t-\tallow\tvpn\t-\n"), std::string::npos) << log;
  EXPECT_NE(log.find("https://plain.test/\t-\tallow\t-\t-\n"), std::string::npos) << log;
}

TEST_F(SquidHelperPolicyTest, ABrokenFolderOnReloadKeepsTheRulesInUse) {
  auto helper = school_helper();
  ASSERT_TRUE(helper);
  dir_.write("school/people", "pip\tpupils\nnot a line with tabs\n");
  Status st = helper->reload();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("people:2:"), std::string::npos) << st.error().message;
  dir_.write("school/people", "pip\tprefects\n");
  st = helper->reload();
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.error().message.find("'prefects'"), std::string::npos) << st.error().message;
  dir_.write("school/exceptions", "bet.test\tpupils\t\tsoon\n");
  EXPECT_FALSE(helper->reload().ok());
  // Still the old rules: Mrs Jones is staff, pip a pupil.
  clock_.set(kSaturdayEvening);
  EXPECT_EQ(helper->answer("0 https://www.facebook.com/ mrs.jones"), "0 OK\n");
  EXPECT_TRUE(blocked(helper->answer("1 https://www.facebook.com/ pip")));
  EXPECT_EQ(helper->reloads(), 0u);
}

TEST_F(SquidHelperPolicyTest, ClearRefusalsOfOptionsThatDoNotGoTogether) {
  SquidHelperOptions both;
  both.snapshot_path = snapshot_;
  both.school_lists_dir = (dir_.path() / "school").string();
  both.profile_path = (dir_.path() / "school" / "profile.toml").string();
  auto made = SquidHelper::create(both, std::nullopt, clock_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("not both"), std::string::npos);

  SquidHelperOptions ordered;
  ordered.snapshot_path = snapshot_;
  ordered.profile_path = (dir_.path() / "school" / "profile.toml").string();
  ordered.category_order = {"gambling"};
  made = SquidHelper::create(ordered, std::nullopt, clock_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("--category-order"), std::string::npos);

  SquidHelperOptions missing;
  missing.snapshot_path = snapshot_;
  missing.school_lists_dir = (dir_.path() / "nowhere").string();
  made = SquidHelper::create(missing, std::nullopt, clock_);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.error().message.find("inloco filter lists"), std::string::npos);
}

TEST_F(SquidHelperPolicyTest, AProfileAloneGivesTheRulesWithoutPeopleOrBans) {
  SquidHelperOptions o;
  o.profile_path = (dir_.path() / "school" / "profile.toml").string();
  o.user_token = 2;
  auto helper = make(std::move(o));
  ASSERT_TRUE(helper);
  clock_.set(kSaturdayEvening);
  // Without the people file nobody is known to be staff: the default group.
  EXPECT_TRUE(blocked(helper->answer("0 https://www.facebook.com/ mrs.jones")));
  EXPECT_NE(helper->loaded_summary().find("profile.toml"), std::string::npos);
}

}  // namespace
}  // namespace inloco::filter

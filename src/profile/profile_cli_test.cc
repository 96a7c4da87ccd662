// `inloco profile ...` as a headteacher or trust officer uses it (REQ RPT-3,
// TRN-3): check prints every problem as FILE:LINE: key: message and exits 1;
// assign records an audited version; document writes the policy in words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "store/database.h"
#include "store/drivers/open_database.h"
#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using test::CliRun;

CliRun run(const std::string& args) { return test::run_inloco(args); }

class ProfileCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("inloco-profile-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "cli.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write_file(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  void make_school() {
    ASSERT_EQ(run("init --db " + db_).exit_code, 0);
    auto db = open_database(db_);
    ASSERT_TRUE(db.ok());
    auto r = (*db)->transaction([](Connection& c) -> Status {
      TRY(c.execute("INSERT INTO trusts (name, created_at) VALUES ('CLI Trust', 0)"));
      TRY(
          c.execute("INSERT INTO schools (trust_id, code, name, created_at) VALUES (1, 'elm', 'Elm "
                    "School', 0)"));
      return {};
    });
    ASSERT_TRUE(r.ok());
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(ProfileCliTest, EverySubcommandHasHelp) {
  for (const char* sub : {"check", "list", "assign", "history", "document", "keys"}) {
    CliRun r = run(std::string("profile ") + sub + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_THAT(r.output, HasSubstr("Usage")) << sub;
  }
}

TEST_F(ProfileCliTest, CheckValidFilesExitsZero) {
  std::string a = write_file("a.toml", "[accounts]\nmax_admins = 2\n");
  std::string src = std::string(INLOCO_SOURCE_DIR) + "/policies/oak_trees_mat.toml";
  CliRun r = run("profile check " + a + " " + src);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, a + ": valid\n" + src + ": valid\n");
}

TEST_F(ProfileCliTest, CheckPrintsEveryProblemAndExitsOne) {
  std::string good = write_file("good.toml", "");
  std::string bad = write_file("bad.toml",
                               "[policy]\nlast_review = 2021-05-04\nnext_review = 2021-03-01\n"
                               "[accounts]\nmax_admins = 0\n[posts]\napprovers = [\"head\"]\n");
  CliRun r = run("profile check " + good + " " + bad);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr(good + ": valid\n"));
  EXPECT_THAT(
      r.output,
      HasSubstr(bad + ":3: policy.next_review: the next review (1 March 2021) is before the "
                      "last review (4 May 2021); set it after the last review\n"));
  EXPECT_THAT(
      r.output,
      HasSubstr(bad + ":5: accounts.max_admins: must be a whole number from 1 to 20 (people), "
                      "not 0\n"));
  EXPECT_THAT(r.output, HasSubstr(bad + ":7: posts.approvers: 'head' is not a role inloco knows"));
}

TEST_F(ProfileCliTest, ListNamesTheShippedProfiles) {
  CliRun r = run("profile list");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* key : {"default", "dronfield_junior", "secondary_principal", "st_james_primary",
                          "mulbarton_primary", "oak_trees_mat"})
    EXPECT_THAT(r.output, HasSubstr(std::string(key) + "\t")) << key;
}

TEST_F(ProfileCliTest, AssignHistoryAndDocument) {
  make_school();
  std::string f =
      write_file("elm_policy.toml",
                 "[policy]\nname = \"Elm School social media policy\"\nversion = \"2.0\"\n"
                 "adopted = 2025-09-01\n[accounts]\nmax_admins = 2\n");
  CliRun a = run("profile assign --school elm " + f + " --db " + db_);
  EXPECT_EQ(a.exit_code, 0) << a.output;
  EXPECT_THAT(a.output,
              HasSubstr("Elm School now follows 'elm_policy' (version 1 of its profile)"));
  EXPECT_THAT(a.output, HasSubstr("  accounts.max_admins: 3 → 2\n"));

  CliRun s = run("profile assign --school elm --shipped dronfield_junior --db " + db_);
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_THAT(s.output, HasSubstr("  profile: elm_policy → dronfield_junior\n"));

  CliRun h = run("profile history --school elm --db " + db_);
  EXPECT_EQ(h.exit_code, 0) << h.output;
  EXPECT_THAT(h.output, HasSubstr("Version 1: 'elm_policy', "));
  EXPECT_THAT(h.output, HasSubstr("Version 2: 'dronfield_junior', "));
  EXPECT_THAT(h.output, HasSubstr(", by command line\n"));

  CliRun d = run("profile document --school elm --db " + db_);
  EXPECT_EQ(d.exit_code, 0) << d.output;
  EXPECT_THAT(d.output, HasSubstr("Dronfield Junior School social media policy\n"));
  EXPECT_THAT(d.output, HasSubstr("Version 2.1. Adopted 4 May 2021."));
  EXPECT_THAT(d.output, HasSubstr("Elm School runs official social media accounts."));
}

TEST_F(ProfileCliTest, AssignRefusesAnInvalidProfile) {
  make_school();
  std::string f = write_file("broken.toml", "[accounts]\nmax_admins = 0\n");
  CliRun r = run("profile assign --school elm " + f + " --db " + db_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.output, HasSubstr("broken.toml:2: accounts.max_admins:"));
  CliRun h = run("profile history --school elm --db " + db_);
  EXPECT_THAT(h.output, HasSubstr("No profile assigned: the default profile applies."));
}

TEST_F(ProfileCliTest, DocumentPreviewsAShippedProfile) {
  CliRun r =
      run("profile document --shipped st_james_primary --name \"St James' CE Primary School\"");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_THAT(r.output,
              HasSubstr("St James' CE Primary School does not run any official social media"));
}

}  // namespace
}  // namespace inloco

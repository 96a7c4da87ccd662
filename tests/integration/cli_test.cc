// The command line as an office manager or technician uses it: init, user
// add and reset-password, import people (all or nothing, every bad line
// named), and audit verify (REQ IAM-3: "intact" with the count, or exit 1
// naming the first entry that does not verify).
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

using test::CliRun;

CliRun run(const std::string& args, const std::string& input = "") {
  return test::run_inloco(args, input);
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("inloco-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = "sqlite:" + (dir_ / "cli.db").string();
    key_ = (dir_ / "secret.key").string();
    common_ = " --db " + db_ + " --key " + key_;
  }
  void TearDown() override { fs::remove_all(dir_); }

  void make_school() {
    // The demo would do, but a bare trust and school keep this test quick.
    ASSERT_EQ(run("init" + common_).exit_code, 0);
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

  std::string write_file(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }

  fs::path dir_;
  std::string db_, key_, common_;
};

TEST_F(CliTest, EverySubcommandHasHelp) {
  for (const char* sub : {"init", "serve", "demo", "user add", "user reset-password",
                          "import people", "audit verify"}) {
    CliRun r = run(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.output.find("--db"), std::string::npos) << sub << ": " << r.output;
  }
}

TEST_F(CliTest, UserAddResetAndAuditVerify) {
  make_school();
  CliRun weak =
      run("user add --username k.hale --school elm --given-name Kim --family-name Hale --role dsl" +
              common_,
          "short\n");
  EXPECT_EQ(weak.exit_code, 1);
  EXPECT_NE(weak.output.find("12 characters"), std::string::npos) << weak.output;

  CliRun add =
      run("user add --username k.hale --school elm --given-name Kim --family-name Hale --role dsl" +
              common_,
          "paper-lantern-orchard-9\n");
  EXPECT_EQ(add.exit_code, 0) << add.output;

  CliRun reset = run("user reset-password --username k.hale" + common_);
  EXPECT_EQ(reset.exit_code, 0) << reset.output;
  EXPECT_NE(reset.output.find("Temporary password"), std::string::npos);

  CliRun verify = run("audit verify --db " + db_);
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_NE(verify.output.find("intact"), std::string::npos);

  // Alter one entry behind inloco's back: verify names it and exits 1.
  {
    auto db = open_database(db_);
    ASSERT_TRUE(db.ok());
    auto r = (*db)->transaction([](Connection& c) -> Status {
      TRY(c.execute("UPDATE audit_log SET actor = 'someone else' WHERE id = 2"));
      return {};
    });
    ASSERT_TRUE(r.ok());
  }
  CliRun broken = run("audit verify --db " + db_);
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("entry 2"), std::string::npos) << broken.output;
}

TEST_F(CliTest, ImportIsAllOrNothingAndNamesEveryBadLine) {
  make_school();
  std::string bad = write_file("bad.csv",
                               "external_id,kind,given_name,family_name,date_of_birth,year_group\n"
                               "A1,pupil,Mia,Stone,2018-02-03,Year 2\n"
                               "A2,pupil,Leo,,2018-02-03,Year 2\n"
                               "A3,pupil,Ava,Reed,2099-01-01,Year 2\n");
  CliRun r = run("import people " + bad + " --school elm --db " + db_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("line 3"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("line 4"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("line 2:"), std::string::npos) << r.output;

  std::string good = write_file("good.csv",
                                "external_id,kind,given_name,family_name,date_of_birth,year_group\n"
                                "A1,pupil,Mia,Stone,2018-02-03,Year 2\n");
  CliRun ok = run("import people " + good + " --school elm --db " + db_);
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("1 added"), std::string::npos) << ok.output;
  CliRun again = run("import people " + good + " --school elm --db " + db_);
  EXPECT_NE(again.output.find("0 added"), std::string::npos) << again.output;

  CliRun unknown = run("import people " + good + " --school nowhere --db " + db_);
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("elm"), std::string::npos)
      << "the known codes are listed: " << unknown.output;
}

}  // namespace
}  // namespace inloco

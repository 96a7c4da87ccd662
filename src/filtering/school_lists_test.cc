// REQ NET-3, NET-4: the school's blocked sites become a squidGuard-format
// list the filter compiles, and its exceptions in force a file it reads.
#include "filtering/school_lists.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "accounts/account_test_fixture.h"
#include "core/crypto.h"
#include "filter/list_compiler.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"

namespace inloco::filter {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class SchoolListsTest : public test::AccountFixture {
 protected:
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
    AccountFixture::TearDown();
  }
  // The lists with the school's current profile, as `inloco filter lists` hands it in.
  Result<SchoolListsWritten> lists(Connection& c) {
    PolicyProfile profile = TRY(profile_for_school(c, alpha_));
    std::string text = TRY(profile_text_for_school(c, alpha_));
    return write_school_lists(c, alpha_, clock_.now(), profile.filter, text, dir_);
  }
  std::string dir_ =
      (std::filesystem::temp_directory_path() / ("inloco-lists-" + random_token(8))).string();
  FilterRules rules_;
};

TEST_P(SchoolListsTest, BlockedSitesAndExceptionsAreWrittenForTheFilter) {
  Grants ict = grants(ict_), head = grants(head_);
  ASSERT_TRUE(write([&](Connection& c) -> Status {
                int64_t r = TRY(report_site(SchoolScope{c, clock_, actor(teacher_), alpha_}, rules_,
                                            "https://www.scam.example/x", "A scam"));
                TRY(handle_site_report(SchoolScope{c, clock_, actor(ict_), alpha_}, ict, rules_, r,
                                       true, "Blocked"));
                int64_t d = TRY(report_site(SchoolScope{c, clock_, actor(teacher_), alpha_}, rules_,
                                            "news.example", "Upsetting"));
                TRY(handle_site_report(SchoolScope{c, clock_, actor(ict_), alpha_}, ict, rules_, d,
                                       false, "Fine"));
                int64_t u =
                    TRY(request_unblock(SchoolScope{c, clock_, actor(teacher_), alpha_}, rules_,
                                        {"scratch.mit.edu", "Coding club", "pupils", 3}));
                TRY(decide_unblock(SchoolScope{c, clock_, actor(head_), alpha_}, head, rules_, u,
                                   true, "Approved"));
                return {};
              }).ok());
  auto written = read([&](Connection& c) { return lists(c); });
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written->blocked_domains, 1);
  EXPECT_EQ(written->exceptions, 1);
  EXPECT_EQ(slurp(std::filesystem::path(dir_) / "school_blocked" / "domains"), "scam.example\n");
  EXPECT_EQ(slurp(std::filesystem::path(dir_) / "exceptions"),
            "scratch.mit.edu\tpupils\t\t" + std::to_string(clock_.now() + 3 * 86400) + "\n");
  // The folder is a list the compiler reads.
  std::vector<std::filesystem::path> folders{dir_};
  auto lists = compile_lists(folders);
  ASSERT_TRUE(lists.ok()) << lists.error().message;
  EXPECT_TRUE(lists->problems.empty()) << lists->problems[0].to_string();
  ASSERT_EQ(lists->categories.size(), 1u);
  EXPECT_EQ(lists->categories[0].name, "school_blocked");
  EXPECT_EQ(lists->categories[0].domains, std::vector<std::string>{"scam.example"});
}

// REQ NET-1, NET-2: the helper is given the school's rules and, since the
// proxy passes only a user name, the group each person's kind joins.
TEST_P(SchoolListsTest, TheProfileAndEachPersonsGroupAreWrittenForTheHelper) {
  ASSERT_TRUE(write([&](Connection& c) -> Status {
                auto account = [&](int64_t person, const char* name, int disabled) {
                  return c.execute(
                      "INSERT INTO user_accounts (person_id, username, password_hash, disabled, "
                      "created_at, password_changed_at) VALUES (?, ?, 'x', ?, 0, 0)",
                      {person, std::string(name), int64_t{disabled}});
                };
                TRY(account(teacher_, "tom.teacher", 0));
                TRY(account(pupil_, "pip.pupil", 0));
                TRY(account(governor_, "gail.governor", 0));
                TRY(account(teacher2_, "tara.second", 1));   // disabled: not on the network
                TRY(account(left_, "lee.leaver", 0));        // left the school
                TRY(account(beta_teacher_, "ben.beta", 0));  // another school
                return {};
              }).ok());
  auto written = read([&](Connection& c) { return lists(c); });
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(written->people, 3);
  EXPECT_EQ(slurp(std::filesystem::path(dir_) / "people"),
            "gail.governor\tstaff\npip.pupil\tpupils\ntom.teacher\tstaff\n");
  // No profile assigned: the shipped default, as the server itself uses.
  auto shipped = find_shipped_profile("default");
  ASSERT_TRUE(shipped.ok());
  EXPECT_EQ(slurp(std::filesystem::path(dir_) / "profile.toml"), std::string(shipped->text));

  // A profile assigned later is the one written.
  std::string changed(shipped->text);
  changed += "\n# assigned for the test\n";
  ASSERT_TRUE(
      write([&](Connection& c) {
        return assign_profile(SchoolScope{c, clock_, Actor::system(), alpha_}, changed, "default");
      }).ok());
  written = read([&](Connection& c) { return lists(c); });
  ASSERT_TRUE(written.ok()) << written.error().message;
  EXPECT_EQ(slurp(std::filesystem::path(dir_) / "profile.toml"), changed);
}

INLOCO_INSTANTIATE_BACKENDS(SchoolListsTest);

}  // namespace
}  // namespace inloco::filter

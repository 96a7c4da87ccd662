// The account register through the JSON API on both databases: the ACC-3
// decision by someone else, authorisations, a teacher seeing only their own
// accounts, the vault revealing only after the password again and never in
// listings or the log. REQ ACC-1, ACC-3, ACC-5, ACC-6, ACC-10.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class AccountsApiTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    server_->add_user("head.one", Role::kHeadteacher, a_);
    server_->add_user("head.two", Role::kHeadteacher, a_);
    teacher_ = server_->add_user("teacher.one", Role::kStaff, a_);
    other_teacher_ = server_->add_user("teacher.two", Role::kStaff, a_);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    auto r = c.post_json("/api/v1/session",
                         json{{"username", user}, {"password", test::kTestPassword}}.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return c;
  }
  std::string url(const std::string& rest = "") {
    return "/api/v1/schools/" + std::to_string(a_) + "/accounts" + rest;
  }

  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, teacher_ = 0, other_teacher_ = 0;
};

TEST_P(AccountsApiTest, ProposeDecideAuthoriseRevealAndClose) {
  Client head = signed_in("head.one");
  json proposal = {{"platform", "Facebook"},
                   {"account_name", "Alpha Primary School"},
                   {"purpose", "News and reminders for families"},
                   {"master_admin_role", "headteacher"},
                   {"official_email", "office@alpha.example.org"},
                   {"school_holds_master_access", true},
                   {"school_has_editorial_oversight", true},
                   {"listed_in_privacy_notice", true},
                   {"assessment",
                    {{"investment_achieves", "Most families use it"},
                     {"interaction", "broadcast"},
                     {"staff_contribute", true},
                     {"staff_minutes_per_week", 60},
                     {"success_measures", "Survey"}}}};
  auto created = head.post_json(url(), proposal.dump());
  ASSERT_EQ(created.status, 201u) << created.body;
  int64_t id = json::parse(created.body)["id"];
  EXPECT_EQ(json::parse(created.body)["status"], "proposed");

  // Approving one's own request is refused; another headteacher may approve.
  auto own =
      head.post_json(url("/" + std::to_string(id) + "/decision"), json{{"approve", true}}.dump());
  EXPECT_EQ(own.status, 403u) << own.body;
  Client head2 = signed_in("head.two");
  auto ok = head2.post_json(url("/" + std::to_string(id) + "/decision"),
                            json{{"approve", true}, {"note", "Fine"}}.dump());
  ASSERT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["status"], "open");

  // Authorise teacher.one to post and head.one to administer.
  auto g1 = head.post_json(url("/" + std::to_string(id) + "/authorisations"),
                           json{{"person_id", teacher_}, {"kind", "post"}}.dump());
  ASSERT_EQ(g1.status, 200u) << g1.body;
  auto admins = server_->db().read([&](Connection& c) {
    return c.query("SELECT person_id FROM user_accounts WHERE username = ?", {"head.one"});
  });
  int64_t head_id = (*admins)[0][0].as_int();
  ASSERT_EQ(head.post_json(url("/" + std::to_string(id) + "/authorisations"),
                           json{{"person_id", head_id}, {"kind", "admin"}}.dump())
                .status,
            200u);

  // A teacher sees only the accounts they may post to.
  Client t1 = signed_in("teacher.one"), t2 = signed_in("teacher.two");
  EXPECT_EQ(json::parse(t1.get(url()).body)["accounts"].size(), 1u);
  EXPECT_EQ(json::parse(t2.get(url()).body)["accounts"].size(), 0u);
  EXPECT_EQ(t2.get(url("/" + std::to_string(id))).status, 404u);

  // The vault: stored by an administrator, never listed, revealed after the password again.
  ASSERT_EQ(head.post_json(url("/" + std::to_string(id) + "/password"),
                           json{{"password", "Page-Secret-42"}}.dump())
                .status,
            200u);
  EXPECT_EQ(head.get(url()).body.find("Page-Secret-42"), std::string::npos);
  EXPECT_EQ(head.get(url("/log")).body.find("Page-Secret-42"), std::string::npos);
  auto wrong = head.post_json(url("/" + std::to_string(id) + "/password/reveal"),
                              json{{"your_password", "nope"}}.dump());
  EXPECT_EQ(wrong.status, 422u);
  auto shown = head.post_json(url("/" + std::to_string(id) + "/password/reveal"),
                              json{{"your_password", test::kTestPassword}}.dump());
  ASSERT_EQ(shown.status, 200u) << shown.body;
  EXPECT_EQ(json::parse(shown.body)["password"], "Page-Secret-42");
  auto not_admin = t1.post_json(url("/" + std::to_string(id) + "/password/reveal"),
                                json{{"your_password", test::kTestPassword}}.dump());
  EXPECT_EQ(not_admin.status, 403u) << not_admin.body;

  // Closing keeps the account in the log with its date.
  ASSERT_EQ(head.post_json(url("/" + std::to_string(id) + "/close"),
                           json{{"reason", "Moving to the website"}}.dump())
                .status,
            200u);
  auto log = json::parse(head.get(url("/log")).body)["account_log"];
  ASSERT_EQ(log.size(), 1u);
  EXPECT_FALSE(log[0]["date_closed"].is_null());
}

TEST_P(AccountsApiTest, BadInputIsRefusedAndNothingChanges) {
  Client head = signed_in("head.one");
  auto count = [&] {
    return (*server_->db().read(
        [](Connection& c) { return c.query("SELECT COUNT(*) FROM official_accounts"); }))[0][0]
        .as_int();
  };
  auto unknown = head.post_json(
      url(), json{{"platform", "Friendster"}, {"account_name", "x"}, {"purpose", "y"}}.dump());
  EXPECT_EQ(unknown.status, 422u);
  EXPECT_NE(unknown.body.find("Friendster"), std::string::npos) << unknown.body;
  EXPECT_EQ(count(), 0);
  // A teacher may not register accounts at all.
  Client t1 = signed_in("teacher.one");
  EXPECT_EQ(t1.post_json(url(), json{{"platform", "facebook"}}.dump()).status, 403u);
  EXPECT_EQ(count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountsApiTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

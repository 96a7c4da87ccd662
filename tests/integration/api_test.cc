// The JSON API and the pages, end to end against a real server on both
// databases: sign-in, sessions, CSRF, school isolation, audit of sensitive
// views, all-or-nothing import. REQ IAM-1, IAM-2, IAM-3, ORG-1, ORG-4.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/audit_log.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class ApiTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    head_ = server_->add_user("head.alpha", Role::kHeadteacher, server_->fixture().school_a);
  }
  std::string people_url(int64_t school) {
    return "/api/v1/schools/" + std::to_string(school) + "/people";
  }
  Client api_client(const std::string& user = "head.alpha") {
    Client c(server_->port());
    auto r = c.post_json("/api/v1/session",
                         json{{"username", user}, {"password", test::kTestPassword}}.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return c;
  }
  int64_t audit_count(const std::string& action) {
    auto r = server_->db().read([&](Connection& c) {
      return c.query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
    });
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
  std::unique_ptr<TestServer> server_;
  int64_t head_ = 0;
};

TEST_P(ApiTest, SignInThenReadPeople) {
  Client c = api_client();
  auto me = json::parse(c.get("/api/v1/me").body);
  EXPECT_EQ(me["username"], "head.alpha");
  auto r = c.get(people_url(server_->fixture().school_a) + "?kind=pupil");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto page = json::parse(r.body);
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(page["people"][0]["external_id"], "PA1");
  EXPECT_EQ(r.header("content-type"), "application/json");
}

TEST_P(ApiTest, WrongPasswordAndUnknownUserGiveTheSameAnswer) {
  Client c(server_->port());
  auto wrong = c.post_json(
      "/api/v1/session", json{{"username", "head.alpha"}, {"password", "not-the-password"}}.dump());
  auto unknown =
      c.post_json("/api/v1/session",
                  json{{"username", "nobody.here"}, {"password", "not-the-password"}}.dump());
  EXPECT_EQ(wrong.status, 401u);
  EXPECT_EQ(unknown.status, 401u);
  EXPECT_EQ(json::parse(wrong.body)["error"]["message"],
            json::parse(unknown.body)["error"]["message"]);
}

TEST_P(ApiTest, ErrorsHaveOneShape) {
  Client c = api_client();
  for (const auto& r : {c.get("/api/v1/schools/999/people"),
                        c.get(people_url(server_->fixture().school_a) + "?kind=alien"),
                        Client(server_->port()).get("/api/v1/me")}) {
    auto body = json::parse(r.body);
    ASSERT_TRUE(body.contains("error")) << r.body;
    EXPECT_TRUE(body["error"]["code"].is_string());
    EXPECT_TRUE(body["error"]["message"].is_string());
    EXPECT_TRUE(body["error"]["details"].is_array());
  }
}

TEST_P(ApiTest, AnotherSchoolsDataIsNeverVisible) {
  Client c = api_client();
  const auto& fx = server_->fixture();
  EXPECT_EQ(c.get(people_url(fx.school_b)).status, 403u);
  EXPECT_EQ(c.get(people_url(fx.school_b) + "/" + std::to_string(fx.pupil_b)).status, 403u);
  // A person of school B asked for under school A's address is not found.
  EXPECT_EQ(c.get(people_url(fx.school_a) + "/" + std::to_string(fx.pupil_b)).status, 404u);
  // A trust-wide role with the capability sees both (none in the table has
  // people.view trust-wide by default, so give the headteacher role trust-wide).
  server_->add_user("exec.head", Role::kHeadteacher, std::nullopt);
  Client exec = api_client("exec.head");
  EXPECT_EQ(exec.get(people_url(fx.school_b)).status, 200u);
}

TEST_P(ApiTest, SensitiveViewIsAudited) {
  Client c = api_client();
  int64_t before = audit_count("person.view");
  auto r = c.get(people_url(server_->fixture().school_a) + "/" +
                 std::to_string(server_->fixture().pupil_a));
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(json::parse(r.body)["date_of_birth"], "2016-05-01");
  EXPECT_EQ(audit_count("person.view"), before + 1);
  auto v = verify_audit(server_->db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact);
}

TEST_P(ApiTest, StateChangesNeedTheCsrfToken) {
  Client c = api_client();
  std::string csv = "external_id,kind,given_name,family_name\nS1,staff,Ada,Lovelace\n";
  auto without =
      c.request("POST", people_url(server_->fixture().school_a) + "/import", "text/csv", csv);
  EXPECT_EQ(without.status, 403u);
  auto with = c.post_raw(people_url(server_->fixture().school_a) + "/import", "text/csv", csv);
  EXPECT_EQ(with.status, 200u) << with.body;
  EXPECT_EQ(json::parse(with.body)["created"], 1);
}

TEST_P(ApiTest, ImportWithBadRowsChangesNothingAndListsEveryRow) {
  Client c = api_client();
  std::string csv =
      "external_id,kind,given_name,family_name,date_of_birth,year_group\n"
      "P10,pupil,Amara,Okoye,2017-03-04,Year 4\n"
      "P11,pupil,,Nowak,2017-03-04,Year 4\n"
      "P12,wizard,Tom,Hughes,,\n";
  auto r = c.post_raw(people_url(server_->fixture().school_a) + "/import", "text/csv", csv);
  EXPECT_EQ(r.status, 422u) << r.body;
  auto details = json::parse(r.body)["error"]["details"];
  ASSERT_GE(details.size(), 2u);
  EXPECT_NE(details.dump().find("line 3"), std::string::npos) << details.dump();
  EXPECT_NE(details.dump().find("line 4"), std::string::npos) << details.dump();
  auto list = json::parse(c.get(people_url(server_->fixture().school_a) + "?q=Okoye").body);
  EXPECT_EQ(list["total"], 0);
}

TEST_P(ApiTest, SessionsExpireWhenIdle) {
  Client c = api_client();
  EXPECT_EQ(c.get("/api/v1/me").status, 200u);
  server_->clock().advance(31 * 60);
  EXPECT_EQ(c.get("/api/v1/me").status, 401u);
}

TEST_P(ApiTest, PagesSignInSignOut) {
  Client c(server_->port());
  EXPECT_EQ(c.get("/dashboard").status, 303u);
  EXPECT_EQ(c.sign_in("head.alpha"), 303u);
  auto cookie = c.cookies()[web::kSessionCookie];
  EXPECT_FALSE(cookie.empty());
  auto dash = c.get("/dashboard");
  EXPECT_EQ(dash.status, 200u);
  EXPECT_NE(dash.body.find("Alpha Primary School"), std::string::npos);
  auto people = c.get("/schools/" + std::to_string(server_->fixture().school_a) + "/people");
  EXPECT_EQ(people.status, 200u);
  EXPECT_NE(people.body.find("PA1"), std::string::npos);
  EXPECT_EQ(c.post_form("/sign-out", {}).status, 303u);
  // The old cookie no longer works.
  Client replay(server_->port());
  replay.cookies()[web::kSessionCookie] = cookie;
  EXPECT_EQ(replay.get("/dashboard").status, 303u);
}

TEST_P(ApiTest, SignInFormNeedsItsCsrfCookie) {
  Client c(server_->port());
  auto r = c.post_form("/sign-in", {{"username", "head.alpha"}, {"password", test::kTestPassword}},
                       false);
  EXPECT_EQ(r.status, 403u);
}

TEST_P(ApiTest, PageOutputIsEscaped) {
  Client c(server_->port());
  auto r = c.get("/sign-in?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_EQ(r.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

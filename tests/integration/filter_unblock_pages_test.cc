// Unblock requests and reported sites through the pages and the API, on both databases.
// REQ NET-4: a site found to be inappropriate is reported and blocked by ICT;
//   it joins the school's own block list.
// REQ NET-3: a member of staff asks with the address and the reason; ICT
//   check it; the headteacher approves it in writing; the site is then open
//   for the days asked, shown with the exceptions in force; the requester sees
//   their request and its decision, other staff do not.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class FilterUnblockPagesTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    server_->add_user("teacher.a", Role::kStaff, a_);
    server_->add_user("teacher2.a", Role::kStaff, a_);
    server_->add_user("ict.a", Role::kIctTechnician, a_);
    server_->add_user("head.a", Role::kHeadteacher, a_);
    server_->add_user("head.b", Role::kHeadteacher, server_->fixture().school_b);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string pages() { return "/schools/" + std::to_string(a_) + "/filtering"; }
  std::string api() { return "/api/v1/schools/" + std::to_string(a_) + "/filtering"; }
  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0;
};

TEST_P(FilterUnblockPagesTest, AskCheckApproveAndTheSiteIsOpen) {
  Client teacher = signed_in("teacher.a");
  auto home = teacher.get(pages());
  ASSERT_EQ(home.status, 200u);
  EXPECT_NE(home.body.find("Ask for a site to be unblocked"), std::string::npos);
  EXPECT_EQ(home.body.find("All requests"), std::string::npos) << "a teacher sees only their own";

  // No reason: the form comes back with what was typed and what to do.
  auto missing = teacher.post_form(pages() + "/unblocks",
                                   {{"address", "https://www.nasa.gov/learning"}, {"days", "5"}});
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("Say what the site is needed for"), std::string::npos);
  EXPECT_NE(missing.body.find("https:&#x2F;&#x2F;www.nasa.gov&#x2F;learning"), std::string::npos);

  auto sent =
      teacher.post_form(pages() + "/unblocks", {{"address", "https://www.nasa.gov/learning"},
                                                {"reason", "Year 6 space topic videos"},
                                                {"for_group", "pupils"},
                                                {"days", "5"}});
  ASSERT_EQ(sent.status, 303u) << sent.body;
  const std::string request = sent.header("location");
  auto mine = teacher.get(request);
  EXPECT_EQ(mine.status, 200u);
  EXPECT_NE(mine.body.find("Unblock nasa.gov"), std::string::npos);
  EXPECT_EQ(mine.body.find("Record the decision"), std::string::npos);
  // Another teacher cannot open it.
  Client other = signed_in("teacher2.a");
  EXPECT_EQ(other.get(request).status, 404u);
  EXPECT_EQ(other.post_form(request + "/decide", {{"decision", "approve"}, {"reason", "x"}}).status,
            403u);

  Client ict = signed_in("ict.a");
  EXPECT_NE(ict.get(pages()).body.find("nasa.gov"), std::string::npos);
  auto dash = ict.get("/dashboard").body;
  EXPECT_NE(dash.find("1 request to unblock a site is waiting"), std::string::npos);
  EXPECT_NE(dash.find("A request to unblock a site is waiting for you."), std::string::npos);
  ASSERT_EQ(ict.get(request).status, 200u);
  EXPECT_EQ(json::parse(ict.get("/api/v1/notices").body)["unread"], 0)
      << "opening the request read its notice";
  EXPECT_EQ(teacher.get("/dashboard").body.find("requests to unblock"), std::string::npos);
  ASSERT_EQ(ict.post_form(request + "/check",
                          {{"note", "NASA education pages; listed under 'science' in error."}})
                .status,
            303u);
  // ICT may not decide: the profile names the headteacher.
  auto ict_decides =
      ict.post_form(request + "/decide", {{"decision", "approve"}, {"reason", "fine"}});
  EXPECT_EQ(ict_decides.status, 403u);
  EXPECT_NE(ict_decides.body.find("Only"), std::string::npos);

  Client head = signed_in("head.a");
  auto no_choice = head.post_form(request + "/decide", {{"reason", "For the topic"}});
  EXPECT_EQ(no_choice.status, 422u);
  EXPECT_NE(no_choice.body.find("Choose whether to approve or refuse"), std::string::npos);
  EXPECT_NE(no_choice.body.find("For the topic"), std::string::npos) << "what was typed comes back";
  ASSERT_EQ(head.post_form(request + "/decide",
                           {{"decision", "approve"}, {"reason", "Approved for the space topic."}})
                .status,
            303u);
  auto decided = teacher.get(request).body;
  EXPECT_NE(decided.find("Approved for the space topic."), std::string::npos);
  EXPECT_NE(decided.find("Open until"), std::string::npos);
  auto open = head.get(pages()).body;
  EXPECT_NE(open.find("Sites open because of an approval"), std::string::npos);
  EXPECT_NE(open.find("nasa.gov</a> for Pupils"), std::string::npos);

  // The exception through the API, ended early with a reason.
  auto ex = json::parse(ict.get(api() + "/exceptions").body)["exceptions"];
  ASSERT_EQ(ex.size(), 1u);
  EXPECT_EQ(ex[0]["domain"], "nasa.gov");
  EXPECT_EQ(ex[0]["for_group"], "pupils");
  const std::string end =
      api() + "/exceptions/" + std::to_string(ex[0]["id"].get<int64_t>()) + "/end";
  EXPECT_EQ(ict.post_json(end, "{}").status, 422u);
  EXPECT_EQ(ict.post_json(end, R"({"reason":"The topic has finished"})").status, 200u);
  EXPECT_TRUE(json::parse(ict.get(api() + "/exceptions").body)["exceptions"].empty());
}

TEST_P(FilterUnblockPagesTest, TheApiAsksAndTheHeadRefusesInWriting) {
  Client teacher = signed_in("teacher.a");
  EXPECT_EQ(teacher.post_json(api() + "/unblocks", "not json").status, 422u);
  auto bad = teacher.post_json(api() + "/unblocks", R"({"address":"not a site","reason":"x"})");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("is not the address of a site"), std::string::npos);
  auto made = teacher.post_json(
      api() + "/unblocks", R"({"address":"games.example.com","reason":"Maths games","days":2})");
  ASSERT_EQ(made.status, 201u) << made.body;
  int64_t id = json::parse(made.body)["id"];
  auto mine = json::parse(teacher.get(api() + "/unblocks/mine").body)["requests"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["status"], "waiting");
  EXPECT_EQ(teacher.get(api() + "/unblocks").status, 403u);

  Client head = signed_in("head.a");
  const std::string decide = api() + "/unblocks/" + std::to_string(id) + "/decide";
  EXPECT_EQ(head.post_json(decide, R"({"approve":false})").status, 422u);
  ASSERT_EQ(
      head.post_json(decide,
                     R"({"approve":false,"reason":"Use the maths platform the school pays for."})")
          .status,
      200u);
  EXPECT_EQ(head.post_json(decide, R"({"approve":true,"reason":"On second thoughts"})").status,
            409u);
  auto r = json::parse(teacher.get(api() + "/unblocks/" + std::to_string(id)).body);
  EXPECT_EQ(r["status"], "refused");
  EXPECT_EQ(r["decision_reason"], "Use the maths platform the school pays for.");
  EXPECT_TRUE(json::parse(head.get(api() + "/exceptions").body)["exceptions"].empty());

  // Another school's headteacher reaches none of it.
  Client head_b = signed_in("head.b");
  EXPECT_EQ(head_b.get(api() + "/unblocks").status, 403u);
  EXPECT_EQ(head_b.post_json(decide, R"({"approve":true,"reason":"x"})").status, 403u);
}

TEST_P(FilterUnblockPagesTest, AReportedSiteIsBlockedByIct) {
  Client teacher = signed_in("teacher.a");
  auto missing = teacher.post_form(pages() + "/reports", {{"address", "https://bad.example/page"}});
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("Say what you found on the site"), std::string::npos);
  auto sent = teacher.post_form(pages() + "/reports",
                                {{"address", "https://bad.example/page"},
                                 {"what", "Gambling adverts on a homework help page"}});
  ASSERT_EQ(sent.status, 303u) << sent.body;
  const std::string report = sent.header("location");
  EXPECT_EQ(teacher.get(report).status, 200u);
  Client other = signed_in("teacher2.a");
  EXPECT_EQ(other.get(report).status, 404u);

  Client ict = signed_in("ict.a");
  auto no_choice = ict.post_form(report + "/handle", {{"outcome", "Gambling"}});
  EXPECT_EQ(no_choice.status, 422u);
  ASSERT_EQ(ict.post_form(report + "/handle",
                          {{"action", "block"}, {"outcome", "Gambling adverts; blocked."}})
                .status,
            303u);
  EXPECT_NE(teacher.get(report).body.find("Gambling adverts; blocked."), std::string::npos);
  auto list = json::parse(ict.get(api() + "/blocklist").body)["domains"];
  EXPECT_EQ(list, json::array({"bad.example"}));
  // Handled once.
  auto again = ict.post_json(api() + "/reports/" + report.substr(report.rfind('/') + 1) + "/handle",
                             R"({"block":false,"outcome":"x"})");
  EXPECT_EQ(again.status, 409u);
  EXPECT_EQ(teacher.get(api() + "/blocklist").status, 403u);
  auto mine = json::parse(teacher.get(api() + "/reports/mine").body)["reports"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["status"], "blocked");
}

INSTANTIATE_TEST_SUITE_P(Backends, FilterUnblockPagesTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

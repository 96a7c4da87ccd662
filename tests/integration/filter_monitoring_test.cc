// Monitoring and bans through the pages and the API, on both databases.
// REQ NET-5: the decision log is ingested per person and device; the DSL and
//   ICT read the monitoring report and a person's activity, every view
//   audited; ICT set a pupil's network user name.
// REQ NET-6: attempts to get round the filter past the profile's threshold
//   ban the pupil, the DSL and ICT are told and see it on the dashboard,
//   `filter lists` writes the ban for the helper; supervised use is recorded
//   and the ban is lifted with the reason, after which the bans file is
//   empty. Those without the capability, or at another school, reach none of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/crypto.h"
#include "filter/decision_log.h"
#include "filtering/decision_ingest.h"
#include "filtering/school_lists.h"
#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::Client;
using test::TestServer;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

class FilterMonitoringTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    pupil_ = server_->fixture().pupil_a;
    dsl_ = server_->add_user("dsl.a", Role::kDsl, a_);
    server_->add_user("ict.a", Role::kIctTechnician, a_);
    server_->add_user("head.a", Role::kHeadteacher, a_);
    teacher_ = server_->add_user("teacher.a", Role::kStaff, a_);
    server_->add_user("dsl.b", Role::kDsl, server_->fixture().school_b);
    // School A's policy bans after three attempts, with supervised use.
    auto s = server_->db().transaction([&](Connection& c) -> Status {
      ShippedProfile base = TRY(find_shipped_profile(kDefaultProfileKey));
      std::string text(base.text);
      const std::string record_only = "circumvention = \"record_only\"";
      text.replace(text.find(record_only), record_only.size(),
                   "circumvention = \"supervised_use_only\"");
      return assign_profile(SchoolScope{c, server_->clock(), Actor::system(), a_}, text,
                            kDefaultProfileKey);
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
    dir_ = fs::temp_directory_path() / ("inloco-monitoring-it-" + random_token(8));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string pages() { return "/schools/" + std::to_string(a_) + "/filtering"; }
  std::string api() { return "/api/v1/schools/" + std::to_string(a_) + "/filtering"; }
  int64_t now() { return server_->clock().now(); }
  std::string record(int64_t ago, std::string_view user, std::string_view url, bool blocked = false,
                     std::string_view category = "", std::string_view terms = "") {
    return filter::format_decision_record(
        {now() - ago, user, "10.20.3.4", url, terms, blocked ? "block" : "allow", category, ""});
  }
  void append(const std::string& text) {
    std::ofstream out(dir_ / "decisions.log", std::ios::binary | std::ios::app);
    out << text;
  }
  filter::IngestSummary ingest() {
    auto profile = server_->db().read([&](Connection& c) { return profile_for_school(c, a_); });
    EXPECT_TRUE(profile.ok());
    auto r = filter::ingest_decision_log(server_->db(), server_->clock(), Actor::command_line(), a_,
                                         *profile, (dir_ / "decisions.log").string());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : filter::IngestSummary{};
  }
  std::string bans_file() {
    auto w = server_->db().read([&](Connection& c) -> Result<filter::SchoolListsWritten> {
      PolicyProfile profile = TRY(profile_for_school(c, a_));
      std::string text = TRY(profile_text_for_school(c, a_));
      return filter::write_school_lists(c, a_, now(), profile.filter, text,
                                        (dir_ / "lists").string());
    });
    EXPECT_TRUE(w.ok()) << w.error().message;
    return slurp(dir_ / "lists" / "bans");
  }
  int64_t audits(const std::string& action) {
    auto n = server_->db().read([&](Connection& c) {
      return c.query("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
    });
    return n.ok() ? (*n)[0][0].as_int() : -1;
  }
  // ICT give the fixture's pupil ("Pupil PA1") their network name.
  void name_the_pupil() {
    Client ict = signed_in("ict.a");
    auto set = ict.post_form(pages() + "/people/" + std::to_string(pupil_) + "/network-name",
                             {{"network_username", "PA1"}});
    ASSERT_EQ(set.status, 303u) << set.body;
  }

  std::unique_ptr<TestServer> server_;
  fs::path dir_;
  int64_t a_ = 0, pupil_ = 0, dsl_ = 0, teacher_ = 0;
};

TEST_P(FilterMonitoringTest, TheDslReadsTheReportAndLiftsABan) {
  name_the_pupil();
  append(record(5000, "pa1", "https://www.bbc.co.uk/bitesize") +
         record(4000, "pa1", "https://www.tiktok.com/", true, "tiktok") +
         record(3500, "pa1", "https://www.google.co.uk/search?q=zombie+knife", false, "",
                "zombie knife") +
         "this is not a record\n" + record(3000, "pa1", "https://nordvpn.com/", true, "vpn") +
         record(2000, "pa1", "http://3232235777/") +
         record(1500, "stranger", "https://www.bbc.co.uk/news"));
  auto first = ingest();
  EXPECT_EQ(first.decisions, 6);
  EXPECT_EQ(first.problem_count, 1);
  EXPECT_EQ(first.events, 2);
  EXPECT_TRUE(first.bans.empty());
  EXPECT_EQ(ingest().decisions, 0) << "the same file again adds nothing";
  append(record(1000, "pa1", "185.199.110.153:443"));
  auto second = ingest();
  EXPECT_EQ(second.decisions, 1);
  ASSERT_EQ(second.bans.size(), 1u);
  const std::string banned = bans_file();
  EXPECT_EQ(banned.rfind("pa1\t", 0), 0u) << banned;
  EXPECT_NE(banned.find("\t0\n"), std::string::npos);

  Client dsl = signed_in("dsl.a");
  auto dash = dsl.get("/dashboard").body;
  EXPECT_NE(dash.find("1 person banned from the network after attempts to get round the filter"),
            std::string::npos);
  EXPECT_NE(dash.find("3 attempts to get round the filter in the last 7 days"), std::string::npos);
  EXPECT_NE(dash.find("Someone was banned from the school network"), std::string::npos);
  EXPECT_NE(dsl.get(pages()).body.find("Monitoring report"), std::string::npos);
  auto report = dsl.get(pages() + "/monitoring");
  ASSERT_EQ(report.status, 200u);
  EXPECT_NE(report.body.find("Pupil PA1"), std::string::npos);
  EXPECT_NE(report.body.find("zombie knife"), std::string::npos);
  EXPECT_NE(report.body.find("stranger"), std::string::npos);
  EXPECT_NE(report.body.find("10.20.3.4"), std::string::npos);
  EXPECT_EQ(dsl.get(pages() + "/monitoring?days=0").status, 422u);
  auto activity = dsl.get(pages() + "/people/" + std::to_string(pupil_));
  ASSERT_EQ(activity.status, 200u);
  EXPECT_NE(activity.body.find("nordvpn.com"), std::string::npos);
  EXPECT_NE(activity.body.find("An IP address written as a number"), std::string::npos);
  EXPECT_EQ(audits("filter.activity_view"), 1);
  EXPECT_EQ(audits("filter.monitoring_report"), 1);
  auto events = dsl.get(pages() + "/circumvention").body;
  EXPECT_NE(events.find("A VPN service (vpn)"), std::string::npos);
  const std::string href = pages() + "/bans/" + std::to_string(second.bans[0]);
  EXPECT_NE(events.find("bans&#x2F;" + std::to_string(second.bans[0]) + "\""), std::string::npos)
      << "links to the ban";

  auto ban = dsl.get(href);
  ASSERT_EQ(ban.status, 200u);
  EXPECT_NE(ban.body.find("3 attempts to get round the web filter within 7 days"),
            std::string::npos);
  EXPECT_NE(ban.body.find("Record supervised use"), std::string::npos);
  EXPECT_EQ(json::parse(dsl.get("/api/v1/notices").body)["unread"], 0)
      << "opening the ban read its notice";
  auto no_reason = dsl.post_form(href + "/lift", {{"reason", " "}});
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_NE(no_reason.body.find("Say why the ban is lifted"), std::string::npos);
  // The headteacher holds the capability, but the profile names ICT and the DSL.
  Client head = signed_in("head.a");
  auto by_head = head.post_form(href + "/lift", {{"reason", "Enough"}});
  EXPECT_EQ(by_head.status, 403u);
  EXPECT_NE(by_head.body.find("Only"), std::string::npos);
  auto lifted = dsl.post_form(href + "/lift",
                              {{"reason", "Met the pupil and their parents; agreed the rules."}});
  ASSERT_EQ(lifted.status, 303u) << lifted.body;
  EXPECT_NE(dsl.get(href).body.find("Met the pupil and their parents"), std::string::npos);
  EXPECT_EQ(bans_file(), "");
  EXPECT_EQ(audits("filter.ban_lift"), 1);
  EXPECT_EQ(audits("filter.ban"), 1);
}

TEST_P(FilterMonitoringTest, TheApiNamesSupervisesAndLifts) {
  Client ict = signed_in("ict.a");
  const std::string name = api() + "/people/" + std::to_string(pupil_) + "/network-name";
  EXPECT_EQ(ict.post_json(name, "{}").status, 422u);
  auto set = ict.post_json(name, R"({"network_username":"PA1"})");
  ASSERT_EQ(set.status, 200u) << set.body;
  EXPECT_EQ(json::parse(set.body)["network_name"], "pa1");
  EXPECT_EQ(ict.post_json(api() + "/people/" + std::to_string(teacher_) + "/network-name",
                          R"({"network_username":"pa1"})")
                .status,
            409u);
  append(record(900, "pa1", "https://nordvpn.com/", true, "vpn") +
         record(800, "pa1", "https://hola.org/", true, "redirector") +
         record(700, "pa1", "203.0.113.9:443"));
  ASSERT_EQ(ingest().bans.size(), 1u);

  auto report = json::parse(ict.get(api() + "/monitoring").body);
  EXPECT_EQ(report["requests"], 3);
  ASSERT_EQ(report["people"].size(), 1u);
  EXPECT_EQ(report["people"][0]["attempts"], 3);
  auto activity =
      json::parse(ict.get(api() + "/people/" + std::to_string(pupil_) + "/activity?days=2").body);
  EXPECT_EQ(activity["network_name"], "pa1");
  EXPECT_EQ(activity["decisions"].size(), 3u);
  EXPECT_EQ(activity["bans"].size(), 1u);
  auto events = json::parse(ict.get(api() + "/circumvention").body)["events"];
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0]["kind"], "ip_address");
  auto bans = json::parse(ict.get(api() + "/bans").body)["bans"];
  ASSERT_EQ(bans.size(), 1u);
  const std::string ban = api() + "/bans/" + std::to_string(bans[0]["id"].get<int64_t>());
  EXPECT_EQ(json::parse(ict.get(ban).body)["sanction"], "supervised_use_only");

  EXPECT_EQ(ict.post_json(ban + "/supervise", R"({"minutes":30})").status, 422u);
  EXPECT_EQ(ict.post_json(ban + "/supervise",
                          "{\"supervisor_id\":" + std::to_string(pupil_) + ",\"minutes\":30}")
                .status,
            422u);
  auto sup = ict.post_json(ban + "/supervise",
                           "{\"supervisor_id\":" + std::to_string(teacher_) + ",\"minutes\":30}");
  ASSERT_EQ(sup.status, 201u) << sup.body;
  EXPECT_NE(bans_file().find("\t" + std::to_string(now() + 1800) + "\n"), std::string::npos);
  EXPECT_EQ(json::parse(ict.get(ban).body)["sessions"].size(), 1u);

  EXPECT_EQ(ict.post_json(ban + "/lift", "{}").status, 422u);
  EXPECT_EQ(ict.post_json(ban + "/lift", R"({"reason":"Agreed with the DSL."})").status, 200u);
  EXPECT_EQ(ict.post_json(ban + "/lift", R"({"reason":"Again"})").status, 409u);
  EXPECT_TRUE(json::parse(ict.get(api() + "/bans").body)["bans"].empty());
  EXPECT_EQ(bans_file(), "");
  EXPECT_EQ(audits("filter.supervision"), 1);
  EXPECT_EQ(audits("filter.network_name"), 1);
}

TEST_P(FilterMonitoringTest, OthersReachNoneOfIt) {
  name_the_pupil();
  append(record(900, "pa1", "https://nordvpn.com/", true, "vpn") +
         record(800, "pa1", "https://hola.org/", true, "redirector") +
         record(700, "pa1", "203.0.113.9:443"));
  ASSERT_EQ(ingest().bans.size(), 1u);
  Client teacher = signed_in("teacher.a");
  EXPECT_EQ(teacher.get(pages()).body.find("Monitoring report"), std::string::npos);
  EXPECT_EQ(teacher.get("/dashboard").body.find("banned from the network"), std::string::npos);
  Client other_school = signed_in("dsl.b");
  for (Client* c : {&teacher, &other_school}) {
    for (const std::string& page :
         {pages() + "/monitoring", pages() + "/people/" + std::to_string(pupil_),
          pages() + "/circumvention", pages() + "/people?q=pupil"})
      EXPECT_EQ(c->get(page).status, 403u) << page;
    for (const std::string& route :
         {api() + "/monitoring", api() + "/circumvention", api() + "/bans",
          api() + "/people/" + std::to_string(pupil_) + "/activity"})
      EXPECT_EQ(c->get(route).status, 403u) << route;
    EXPECT_EQ(c->post_json(api() + "/bans/1/lift", R"({"reason":"x"})").status, 403u);
    EXPECT_EQ(c->post_form(pages() + "/people/" + std::to_string(pupil_) + "/network-name",
                           {{"network_username", "mine"}})
                  .status,
              403u);
  }
  EXPECT_EQ(audits("filter.activity_view"), 0) << "a refused view is no view";
  EXPECT_EQ(bans_file().rfind("pa1\t", 0), 0u) << "still banned";
}

INSTANTIATE_TEST_SUITE_P(Backends, FilterMonitoringTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

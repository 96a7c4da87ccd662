// The concern log through the pages and the API, on both databases.
// REQ INC-1: a member of staff reports a concern through the form and sees it in "your reports".
// REQ INC-3: the case shows who it was routed to and why.
// REQ IAM-2: the reporter, other staff and another school's headteacher cannot open the case
//   through any page, download or API call, and never see its text.
// REQ INC-4: evidence files show their SHA-256; REQ LAW-2: an imagery type refuses files.
// REQ INC-7: closing needs the debrief.
#include <gtest/gtest.h>

#include <array>
#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

const std::string kSecret = "Unkind messages about a pupil in the Year 5 group chat";

std::string multipart(const std::vector<std::array<std::string, 4>>& parts,
                      const std::string& boundary) {
  std::string body;
  for (const auto& [name, value, filename, type] : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"";
    if (!filename.empty()) body += "; filename=\"" + filename + "\"\r\nContent-Type: " + type;
    body += "\r\n\r\n" + value + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

class ConcernPagesTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    b_ = server_->fixture().school_b;
    server_->add_user("staff.a", Role::kStaff, a_);
    server_->add_user("staff2.a", Role::kStaff, a_);
    server_->add_user("dsl.a", Role::kDsl, a_);
    server_->add_user("head.a", Role::kHeadteacher, a_);
    server_->add_user("head.b", Role::kHeadteacher, b_);
    server_->add_user("dsl.b", Role::kDsl, b_);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string base(int64_t school) { return "/schools/" + std::to_string(school) + "/concerns"; }
  std::string today() { return format_utc(server_->clock().now()).substr(0, 10); }
  std::map<std::string, std::string> report_fields(const std::string& type = "cyberbullying") {
    return {{"what_happened", kSecret},
            {"happened_date", today()},
            {"happened_time", "00:00"},
            {"subject_kind", "pupil"},
            {"subject_pupil", std::to_string(server_->fixture().pupil_a)},
            {"platform", "WhatsApp"},
            {"type", type},
            {"risk_area", "conduct"},
            {"risk_kind", "aggressive"}};
  }
  // Reports as staff.a; returns the concern id.
  int64_t report(const std::string& type = "cyberbullying") {
    Client staff = signed_in("staff.a");
    auto r = staff.post_form(base(a_) + "/report", report_fields(type));
    EXPECT_EQ(r.status, 303u) << r.body;
    std::string loc = r.header("location");
    EXPECT_NE(loc.find("?sent=1"), std::string::npos) << loc;
    return std::atoll(loc.substr(loc.rfind('/') + 1).c_str());
  }
  test::ClientResponse upload(Client& c, int64_t id, const std::string& kind,
                              const std::string& name, const std::string& bytes,
                              const std::string& type) {
    const std::string boundary = "inlocoConcernBoundary41";
    return c.post_raw(base(a_) + "/" + std::to_string(id) + "/evidence",
                      "multipart/form-data; boundary=" + boundary,
                      multipart({{"kind", kind, "", ""},
                                 {"description", "Screenshot the pupil's mother sent", "", ""},
                                 {"refers_date", today(), "", ""},
                                 {"refers_time", "00:00", "", ""},
                                 {"file", bytes, name, type}},
                                boundary));
  }
  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, b_ = 0;
};

TEST_P(ConcernPagesTest, StaffReportThroughTheFormAndSeeItInTheirReports) {
  Client staff = signed_in("staff.a");
  auto dash = staff.get("/dashboard");
  EXPECT_NE(dash.body.find("inloco-report-concern"), std::string::npos)
      << "the report link is on every page";
  auto form = staff.get(base(a_) + "/report");
  ASSERT_EQ(form.status, 200u);
  EXPECT_NE(form.body.find("What happened?"), std::string::npos);

  auto empty = staff.post_form(base(a_) + "/report", {});
  EXPECT_EQ(empty.status, 422u);
  EXPECT_NE(empty.body.find("govuk-error-summary"), std::string::npos);

  auto sent = staff.post_form(base(a_) + "/report", report_fields());
  ASSERT_EQ(sent.status, 303u) << sent.body;
  auto confirmation = staff.get(sent.header("location"));
  EXPECT_EQ(confirmation.status, 200u);
  EXPECT_NE(confirmation.body.find("Report sent"), std::string::npos);
  EXPECT_NE(confirmation.body.find(kSecret), std::string::npos);
  EXPECT_EQ(confirmation.body.find("Routed"), std::string::npos)
      << "the reporter does not see the routing";
  auto mine = staff.get(base(a_) + "/reports");
  EXPECT_NE(mine.body.find("Cyberbullying"), std::string::npos);

  // INC-8's quick report.
  auto contact = staff.post_form(base(a_) + "/report/contact",
                                 {{"contact", "friend_request"},
                                  {"from_kind", "parent"},
                                  {"from_description", "A parent of a pupil in my class"},
                                  {"platform", "Facebook"},
                                  {"happened_date", today()}});
  ASSERT_EQ(contact.status, 303u) << contact.body;
  EXPECT_EQ(staff.get(contact.header("location")).status, 200u);
}

TEST_P(ConcernPagesTest, RoutingIsShownToTheDslAndNobodyElseOpensTheCase) {
  int64_t id = report();
  Client dsl = signed_in("dsl.a");
  auto list = dsl.get(base(a_));
  EXPECT_EQ(list.status, 200u);
  EXPECT_NE(list.body.find(">" + std::to_string(id) + ": Cyberbullying<"), std::string::npos)
      << list.body;
  auto page = dsl.get(base(a_) + "/" + std::to_string(id));
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find(kSecret), std::string::npos);
  EXPECT_NE(page.body.find("Routed (pupil)"), std::string::npos) << page.body;

  // Evidence, so its download can be refused too.
  auto added =
      upload(dsl, id, "file", "chat.txt", "mum: they said horrible things again", "text/plain");
  ASSERT_EQ(added.status, 303u) << added.body;
  page = dsl.get(base(a_) + "/" + std::to_string(id));
  std::string sha = sha256_hex("mum: they said horrible things again");
  EXPECT_NE(page.body.find(sha), std::string::npos) << "each file's SHA-256 is shown";
  std::string file_path = base(a_) + "/" + std::to_string(id) + "/evidence/1/file";
  auto file = dsl.get(file_path);
  EXPECT_EQ(file.status, 200u);
  EXPECT_EQ(file.body, "mum: they said horrible things again");

  auto csv = dsl.get(base(a_) + "/" + std::to_string(id) + "/csv");
  EXPECT_EQ(csv.status, 200u);
  EXPECT_NE(csv.body.find(kSecret), std::string::npos);
  auto chronology = dsl.get(base(a_) + "/pupils/" + std::to_string(server_->fixture().pupil_a));
  EXPECT_EQ(chronology.status, 200u);
  EXPECT_NE(chronology.body.find(kSecret), std::string::npos);
  EXPECT_NE(dsl.get(base(a_) + "/pupils/" + std::to_string(server_->fixture().pupil_a) + "/csv")
                .body.find(kSecret),
            std::string::npos);

  const std::string api =
      "/api/v1/schools/" + std::to_string(a_) + "/concerns/" + std::to_string(id);
  for (const std::string user : {"staff.a", "staff2.a", "head.a"}) {
    Client c = signed_in(user);
    for (const auto& r : {c.get(base(a_) + "/" + std::to_string(id)), c.get(file_path), c.get(api),
                          c.get(base(a_) + "/" + std::to_string(id) + "/csv"),
                          c.post_form(base(a_) + "/" + std::to_string(id) + "/actions",
                                      {{"kind", "note"}, {"detail", "x"}}),
                          c.post_json(api + "/actions", R"({"kind":"note","detail":"x"})")}) {
      EXPECT_EQ(r.status, 404u) << user;
      EXPECT_EQ(r.body.find(kSecret), std::string::npos) << user;
      EXPECT_EQ(r.body.find("horrible"), std::string::npos) << user;
    }
    EXPECT_NE(c.get(base(a_) + "/" + std::to_string(id))
                  .body.find("There is no such concern among yours"),
              std::string::npos);
    EXPECT_EQ(c.get(base(a_)).body.find(kSecret), std::string::npos) << user;
  }
  // The headteacher may see pupils' chronologies, but only the concerns routed to them.
  Client head = signed_in("head.a");
  auto theirs = head.get(base(a_) + "/pupils/" + std::to_string(server_->fixture().pupil_a));
  EXPECT_EQ(theirs.status, 200u);
  EXPECT_EQ(theirs.body.find(kSecret), std::string::npos);
  // Another school's headteacher: refused at the door for school A, and not found through school B.
  Client other = signed_in("head.b");
  EXPECT_EQ(other.get(base(a_) + "/" + std::to_string(id)).status, 403u);
  for (const auto& r :
       {other.get(base(b_) + "/" + std::to_string(id)),
        other.get(base(b_) + "/" + std::to_string(id) + "/evidence/1/file"),
        other.get("/api/v1/schools/" + std::to_string(b_) + "/concerns/" + std::to_string(id))}) {
    EXPECT_EQ(r.status, 404u);
    EXPECT_EQ(r.body.find(kSecret), std::string::npos);
  }
}

TEST_P(ConcernPagesTest, ImageryTypesRefuseFilesAndClosingNeedsTheDebrief) {
  int64_t imagery = report("youth_produced_imagery");
  Client dsl = signed_in("dsl.a");
  auto refused =
      upload(dsl, imagery, "screenshot", "photo.png", "\x89PNG\r\n\x1a\nnot really", "image/png");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("govuk-error-summary"), std::string::npos);
  auto db_count = server_->db().read(
      [&](Connection& c) { return c.query("SELECT COUNT(*) FROM concern_evidence"); });
  ASSERT_TRUE(db_count.ok());
  EXPECT_EQ((*db_count)[0][0].as_int(), 0);

  int64_t id = report();
  const std::string page = base(a_) + "/" + std::to_string(id);
  auto action = dsl.post_form(
      page + "/actions", {{"kind", "support_offered"}, {"detail", "Check-ins with the mentor"}});
  EXPECT_EQ(action.status, 303u) << action.body;
  auto bad = dsl.post_form(page + "/close", {});
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("govuk-error-summary"), std::string::npos);
  auto closed = dsl.post_form(page + "/close",
                              {{"lessons_learnt", "Spot it sooner"}, {"policy_change", "none"}});
  EXPECT_EQ(closed.status, 303u) << closed.body;
  auto after = dsl.get(page);
  EXPECT_NE(after.body.find("Spot it sooner"), std::string::npos);
  EXPECT_NE(after.body.find("Reopen"), std::string::npos);
}

TEST_P(ConcernPagesTest, ApiReportsListsActsAndCloses) {
  Client staff = signed_in("staff.a");
  const std::string api = "/api/v1/schools/" + std::to_string(a_) + "/concerns";
  auto bad = staff.post_json(api, "{}");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_TRUE(json::parse(bad.body).contains("error"));
  json body = {{"happened_at", server_->clock().now() - 60},
               {"what_happened", kSecret},
               {"subject_kind", "pupil"},
               {"subject_person_id", server_->fixture().pupil_a},
               {"platform", "WhatsApp"},
               {"type", "cyberbullying"},
               {"risk_area", "conduct"}};
  auto made = staff.post_json(api, body.dump());
  ASSERT_EQ(made.status, 201u) << made.body;
  int64_t id = json::parse(made.body)["id"];
  EXPECT_EQ(made.body.find("routed"), std::string::npos);
  auto mine = json::parse(staff.get(api + "/mine").body);
  ASSERT_EQ(mine["reports"].size(), 1u);
  EXPECT_EQ(staff.get(api + "/" + std::to_string(id)).status, 404u);

  Client dsl = signed_in("dsl.a");
  auto cases = json::parse(dsl.get(api).body);
  ASSERT_EQ(cases["concerns"].size(), 1u);
  EXPECT_TRUE(cases["concerns"][0]["new"].get<bool>());
  auto kase = json::parse(dsl.get(api + "/" + std::to_string(id)).body);
  EXPECT_EQ(kase["what_happened"], kSecret);
  auto act = dsl.post_json(api + "/" + std::to_string(id) + "/actions",
                           R"({"kind":"police","decision":false})");
  EXPECT_EQ(act.status, 422u) << "a decision needs its reason";
  act = dsl.post_json(api + "/" + std::to_string(id) + "/actions",
                      R"({"kind":"parents_informed","counterpart":"Amy's mother"})");
  EXPECT_EQ(act.status, 201u) << act.body;
  EXPECT_EQ(dsl.post_json(api + "/" + std::to_string(id) + "/close", "{}").status, 422u);
  auto closed =
      dsl.post_json(api + "/" + std::to_string(id) + "/close",
                    R"({"lessons_learnt":"Talk to the class early","policy_change":"none"})");
  EXPECT_EQ(closed.status, 200u) << closed.body;
}

// REQ INC-4: the reporter adds evidence to their own report from its page; it
// shows there with its SHA-256 (no download: the file is for the case's people);
// nobody else can add to it, and a closed report takes no more.
TEST_P(ConcernPagesTest, TheReporterAddsEvidenceToTheirOwnReport) {
  int64_t id = report();
  Client staff = signed_in("staff.a");
  const std::string page = base(a_) + "/reports/" + std::to_string(id);
  auto form = staff.get(page);
  ASSERT_EQ(form.status, 200u);
  EXPECT_NE(form.body.find("Add evidence"), std::string::npos);
  const std::string boundary = "inlocoReporterBoundary3";
  const std::string text = "Screenshot text: see you after school";
  auto body = [&](const std::string& date) {
    return multipart({{"kind", "file", "", ""},
                      {"description", "What the pupil showed me", "", ""},
                      {"refers_date", date, "", ""},
                      {"refers_time", "", "", ""},
                      {"file", text, "messages.txt", "text/plain"}},
                     boundary);
  };
  const std::string type = "multipart/form-data; boundary=" + boundary;
  auto missing = staff.post_raw(page + "/evidence", type, body(""));
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("was sent, received or seen"), std::string::npos);
  EXPECT_NE(missing.body.find("What the pupil showed me"), std::string::npos)
      << "the form keeps what was typed";
  auto added = staff.post_raw(page + "/evidence", type, body(today()));
  ASSERT_EQ(added.status, 303u) << added.body;
  auto shown = staff.get(page).body;
  EXPECT_NE(shown.find(sha256_hex(text)), std::string::npos);
  EXPECT_EQ(shown.find("Download messages.txt"), std::string::npos);

  Client other = signed_in("staff2.a");
  EXPECT_EQ(other.post_raw(page + "/evidence", type, body(today())).status, 404u);
  Client dsl = signed_in("dsl.a");
  EXPECT_NE(dsl.get(base(a_) + "/" + std::to_string(id)).body.find(sha256_hex(text)),
            std::string::npos);
  const std::string api =
      "/api/v1/schools/" + std::to_string(a_) + "/concerns/" + std::to_string(id);
  ASSERT_EQ(
      dsl.post_json(api + "/actions", R"({"kind":"support_offered","detail":"Check-ins"})").status,
      201u);
  ASSERT_EQ(
      dsl.post_json(api + "/close", R"({"lessons_learnt":"x","policy_change":"none"})").status,
      200u);
  auto closed = staff.post_raw(page + "/evidence", type, body(today()));
  EXPECT_EQ(closed.status, 409u);
  EXPECT_NE(closed.body.find("report it as a new concern"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcernPagesTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

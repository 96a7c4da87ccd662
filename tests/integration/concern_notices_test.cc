// Notices, the dashboard and the rest of the concern API, on both databases.
// REQ INC-3: the people a concern is routed to are told in the application (the
//   header, the dashboard, the notices page and API); the reporter is not told
//   where it went; opening the case marks the notice read; the dashboard shows
//   what is new and what is overdue.
// REQ LAW-3: a concern about staff shows the LADO decision's one-working-day clock.
// REQ LAW-4: the DPO records the ICO decision from the page and the API; nobody
//   else may; the overdue clock shows on the dashboard.
// REQ IAM-2: access added with a reason (page and API) tells the person added;
//   a notice of someone else's is 404.
// REQ INC-8: a contact on a personal account is reported through the API.
// REQ INC-4: the reporter adds evidence to their own report through the API,
//   and nobody else can through that route.
// REQ LAW-1: a pupil's chronology through the API.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class ConcernNoticesTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    pupil_ = server_->fixture().pupil_a;
    server_->add_user("staff.a", Role::kStaff, a_);
    dsl_ = server_->add_user("dsl.a", Role::kDsl, a_);
    server_->add_user("head.a", Role::kHeadteacher, a_);
    server_->add_user("dpo.a", Role::kDpo, a_);
    deputy_ = server_->add_user("deputy.a", Role::kDeputyHeadteacher, a_);
    server_->add_user("head.b", Role::kHeadteacher, server_->fixture().school_b);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string api() { return "/api/v1/schools/" + std::to_string(a_) + "/concerns"; }
  std::string pages() { return "/schools/" + std::to_string(a_) + "/concerns"; }
  // Reported through the API by staff.a; returns the concern id.
  int64_t report(Client& by, bool personal_data, const std::string& subject_kind = "pupil",
                 std::optional<int64_t> subject = std::nullopt) {
    json body = {
        {"happened_at", server_->clock().now() - 600},
        {"what_happened", "A photo of a pupil was shared in a parents' group."},
        {"subject_kind", subject_kind},
        {"platform", "Facebook"},
        {"type", subject_kind == "pupil" ? (personal_data ? "data_breach" : "cyberbullying")
                                         : "staff_pupil_contact"},
        {"risk_area", "content"},
        {"involves_personal_data", personal_data}};
    if (subject)
      body["subject_person_id"] = *subject;
    else if (subject_kind == "pupil")
      body["subject_person_id"] = pupil_;
    else
      body["subject_description"] = "A supply teacher";
    auto r = by.post_json(api(), body.dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return json::parse(r.body).value("id", int64_t{0});
  }
  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, pupil_ = 0, dsl_ = 0, deputy_ = 0;
};

TEST_P(ConcernNoticesTest, RoutedPeopleAreToldAndOpeningTheCaseMarksItRead) {
  Client staff = signed_in("staff.a");
  int64_t id = report(staff, true);
  ASSERT_GT(id, 0);

  // The reporter is told nothing of where it went.
  auto staff_notices = json::parse(staff.get("/api/v1/notices").body);
  EXPECT_EQ(staff_notices["unread"], 0);
  EXPECT_EQ(staff.get("/dashboard").body.find("new notice"), std::string::npos);
  EXPECT_EQ(staff.get("/dashboard").body.find("New for you"), std::string::npos);

  // The DSL (pupil) and the DPO (personal data) are told: header, dashboard, notices page, API.
  for (const char* who : {"dsl.a", "dpo.a"}) {
    Client c = signed_in(who);
    auto dash = c.get("/dashboard");
    ASSERT_EQ(dash.status, 200u);
    EXPECT_NE(dash.body.find("<strong>1</strong> new notice"), std::string::npos) << who;
    EXPECT_NE(dash.body.find("New for you"), std::string::npos) << "the banner: " << who;
    EXPECT_NE(dash.body.find("A concern was routed to you. Reference " + std::to_string(id)),
              std::string::npos)
        << who;
    EXPECT_NE(dash.body.find("1 open, 1 new"), std::string::npos) << who;
    auto page = c.get("/notices");
    EXPECT_EQ(page.status, 200u);
    EXPECT_NE(page.body.find("&#x2F;concerns&#x2F;" + std::to_string(id) + "\""),
              std::string::npos);  // escaped href
    auto list = json::parse(c.get("/api/v1/notices").body);
    ASSERT_EQ(list["notices"].size(), 1u) << who;
    EXPECT_EQ(list["notices"][0]["kind"], "concern_routed");
    EXPECT_EQ(list["notices"][0]["concern_id"], id);
    // The notice carries no words of the report.
    EXPECT_EQ(list.dump().find("parents' group"), std::string::npos);
  }
  // Opening the case marks the DSL's notice read, not the DPO's.
  Client dsl = signed_in("dsl.a");
  ASSERT_EQ(dsl.get(pages() + "/" + std::to_string(id)).status, 200u);
  EXPECT_EQ(json::parse(dsl.get("/api/v1/notices").body)["unread"], 0);
  EXPECT_EQ(dsl.get("/dashboard").body.find("new notice"), std::string::npos);
  Client dpo = signed_in("dpo.a");
  auto dpo_list = json::parse(dpo.get("/api/v1/notices").body);
  EXPECT_EQ(dpo_list["unread"], 1);

  // A notice is marked read through the API only by its owner.
  int64_t notice = dpo_list["notices"][0]["id"];
  EXPECT_EQ(dsl.post_json("/api/v1/notices/" + std::to_string(notice) + "/read", "{}").status,
            404u);
  EXPECT_EQ(dpo.post_json("/api/v1/notices/" + std::to_string(notice) + "/read", "{}").status,
            200u);
  EXPECT_EQ(json::parse(dpo.get("/api/v1/notices").body)["unread"], 0);
}

TEST_P(ConcernNoticesTest, IcoDecisionFromThePageOnlyByTheDpoAndOverdueOnTheDashboard) {
  Client staff = signed_in("staff.a");
  int64_t id = report(staff, true);
  const std::string ico = pages() + "/" + std::to_string(id) + "/ico";

  // 73 hours later the clock has run out: the DPO's dashboard says so.
  server_->clock().advance(73 * 3600);
  Client dpo = signed_in("dpo.a");
  auto dash = dpo.get("/dashboard").body;
  EXPECT_NE(dash.find("1 overdue"), std::string::npos) << dash;
  EXPECT_NE(dpo.get(pages()).body.find("Overdue"), std::string::npos);

  // The DSL can open the case but the decision is the DPO's.
  Client dsl = signed_in("dsl.a");
  auto refused = dsl.post_form(ico, {{"report_to_ico", "no"}, {"reason", "Low risk"}});
  EXPECT_EQ(refused.status, 403u);
  EXPECT_NE(refused.body.find("data protection officer"), std::string::npos);

  // No choice, no reason: the form comes back saying what is missing.
  auto missing = dpo.post_form(ico, {{"reason", "Low risk"}});
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("Choose whether the breach is reported to the ICO"),
            std::string::npos);
  missing = dpo.post_form(ico, {{"report_to_ico", "no"}});
  EXPECT_EQ(missing.status, 422u);
  EXPECT_NE(missing.body.find("Give the reason"), std::string::npos);

  auto done = dpo.post_form(
      ico, {{"report_to_ico", "no"}, {"reason", "Taken down within the hour; low risk"}});
  EXPECT_EQ(done.status, 303u) << done.body;
  auto kase = dpo.get(pages() + "/" + std::to_string(id)).body;
  EXPECT_NE(kase.find("Not reported to the ICO"), std::string::npos);
  EXPECT_NE(kase.find("Decided after the deadline"), std::string::npos);
  EXPECT_EQ(dpo.get("/dashboard").body.find("overdue"), std::string::npos);
  // Recorded once: a second decision is refused, through the API too.
  auto again = dpo.post_json(api() + "/" + std::to_string(id) + "/ico",
                             R"({"report_to_ico":true,"reason":"x"})");
  EXPECT_EQ(again.status, 409u) << again.body;
}

TEST_P(ConcernNoticesTest, AccessAddedWithAReasonTellsThePersonAdded) {
  Client staff = signed_in("staff.a");
  int64_t id = report(staff, false);
  const std::string access = pages() + "/" + std::to_string(id) + "/access";
  Client dsl = signed_in("dsl.a");
  Client deputy = signed_in("deputy.a");
  EXPECT_EQ(deputy.get(pages() + "/" + std::to_string(id)).status, 404u);

  auto no_reason = dsl.post_form(access, {{"person", std::to_string(deputy_)}});
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_NE(no_reason.body.find("Say why this person needs to see the case"), std::string::npos);
  auto no_person = dsl.post_form(access, {{"reason", "Pastoral lead for the year group"}});
  EXPECT_EQ(no_person.status, 422u);
  EXPECT_NE(no_person.body.find("Choose the person"), std::string::npos);
  // The pupil the concern is about can never be added.
  auto pupil = dsl.post_form(access, {{"person", std::to_string(pupil_)}, {"reason", "x"}});
  EXPECT_EQ(pupil.status, 422u);

  auto added = dsl.post_form(access, {{"person", std::to_string(deputy_)},
                                      {"reason", "Pastoral lead for the year group"}});
  EXPECT_EQ(added.status, 303u) << added.body;
  auto list = json::parse(deputy.get("/api/v1/notices").body);
  ASSERT_EQ(list["notices"].size(), 1u);
  EXPECT_EQ(list["notices"][0]["kind"], "concern_access_added");
  auto kase = deputy.get(pages() + "/" + std::to_string(id));
  EXPECT_EQ(kase.status, 200u);
  EXPECT_NE(kase.body.find("Pastoral lead for the year group"), std::string::npos);
  // Added twice: refused, and the API says the same.
  auto twice = dsl.post_json(api() + "/" + std::to_string(id) + "/access",
                             json{{"person_id", deputy_}, {"reason", "again"}}.dump());
  EXPECT_EQ(twice.status, 409u) << twice.body;
  EXPECT_EQ(dsl.post_json(api() + "/" + std::to_string(id) + "/access", "{}").status, 422u);
}

TEST_P(ConcernNoticesTest, ReopeningNeedsAReasonAndTellsTheOthers) {
  Client staff = signed_in("staff.a");
  int64_t id = report(staff, false);
  Client dsl = signed_in("dsl.a");
  const std::string kase = api() + "/" + std::to_string(id);
  ASSERT_EQ(
      dsl.post_json(kase + "/actions", R"({"kind":"parents_informed","counterpart":"Mother"})")
          .status,
      201u);
  ASSERT_EQ(
      dsl.post_json(
             kase + "/close",
             R"({"lessons_learnt":"Remind parents of the photo rules","policy_change":"none"})")
          .status,
      200u);
  EXPECT_EQ(
      dsl.post_json(kase + "/close", R"({"lessons_learnt":"x","policy_change":"none"})").status,
      409u);

  // Reopened from the page: the reason is required; the others routed are told.
  const std::string reopen = pages() + "/" + std::to_string(id) + "/reopen";
  auto no_reason = dsl.post_form(reopen, {});
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_NE(no_reason.body.find("Say why the concern is being reopened"), std::string::npos);
  ASSERT_EQ(dsl.post_form(reopen, {{"reason", "The photo was posted again"}}).status, 303u);
  auto page = dsl.get(pages() + "/" + std::to_string(id)).body;
  EXPECT_NE(page.find("The photo was posted again"), std::string::npos);
  // The debrief stays in the chronology after reopening.
  EXPECT_NE(page.find("Remind parents of the photo rules"), std::string::npos);
  EXPECT_EQ(dsl.post_json(kase + "/reopen", R"({"reason":"again"})").status, 409u);

  Client head = signed_in("head.a");
  bool head_routed = head.get(pages() + "/" + std::to_string(id)).status == 200u;
  if (head_routed) {
    // Opening it just now marked the notices read; the API shows them as read.
    auto notices = json::parse(head.get("/api/v1/notices").body)["notices"];
    bool reopened = false;
    for (const auto& n : notices) reopened |= n["kind"] == "concern_reopened";
    EXPECT_TRUE(reopened);
  }
  // The DSL reopened it, so the DSL is not told.
  for (const auto& n : json::parse(dsl.get("/api/v1/notices").body)["notices"])
    EXPECT_NE(n["kind"], "concern_reopened");
  // Closed again through the API, reopened through the API.
  ASSERT_EQ(
      dsl.post_json(kase + "/close", R"({"lessons_learnt":"x","policy_change":"none"})").status,
      200u);
  EXPECT_EQ(dsl.post_json(kase + "/reopen", "{}").status, 422u);
  auto api_reopen = dsl.post_json(kase + "/reopen", R"({"reason":"New messages"})");
  EXPECT_EQ(api_reopen.status, 200u) << api_reopen.body;
  EXPECT_EQ(json::parse(dsl.get(kase).body)["status"], "open");
}

TEST_P(ConcernNoticesTest, AConcernAboutStaffShowsTheLadoClock) {
  Client staff = signed_in("staff.a");
  int64_t id = report(staff, false, "staff", deputy_);
  Client head = signed_in("head.a");
  auto page = head.get(pages() + "/" + std::to_string(id)).body;
  EXPECT_NE(page.find("one working day"), std::string::npos);
  auto kase = json::parse(head.get(api() + "/" + std::to_string(id)).body);
  ASSERT_TRUE(kase["lado_decision_due"].is_number()) << kase.dump();
  int64_t due = kase["lado_decision_due"];
  EXPECT_GE(due - kase["reported_at"].get<int64_t>(), 86400);
  // Past the working day, nothing recorded: overdue on the list and the dashboard.
  server_->clock().set(due + 60);
  head = signed_in("head.a");  // the earlier session has timed out
  auto list = json::parse(head.get(api()).body)["concerns"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_TRUE(list[0]["lado_decision_overdue"].get<bool>());
  EXPECT_NE(head.get("/dashboard").body.find("1 overdue"), std::string::npos);
  // Recorded as a low-level concern, with the reason: no longer due.
  auto act = head.post_json(
      api() + "/" + std::to_string(id) + "/actions",
      R"({"kind":"low_level_concern","decision":true,"reason":"Below the harm threshold"})");
  ASSERT_EQ(act.status, 201u) << act.body;
  list = json::parse(head.get(api()).body)["concerns"];
  EXPECT_FALSE(list[0]["lado_decision_overdue"].get<bool>());
  EXPECT_TRUE(list[0]["lado_decision_due"].is_null());
}

TEST_P(ConcernNoticesTest, ApiQuickContactReportOwnEvidenceAndChronology) {
  Client staff = signed_in("staff.a");
  // INC-8: a friend request from a pupil to a personal account.
  auto bad = staff.post_json(api() + "/contact",
                             R"({"contact":"wave","from_kind":"pupil","platform":"Instagram"})");
  EXPECT_EQ(bad.status, 422u);
  EXPECT_NE(bad.body.find("friend_request"), std::string::npos);
  json contact = {{"happened_at", server_->clock().now() - 300},
                  {"contact", "friend_request"},
                  {"from_kind", "pupil"},
                  {"from_person_id", pupil_},
                  {"platform", "Instagram"},
                  {"note", "Declined and did not reply."}};
  auto made = staff.post_json(api() + "/contact", contact.dump());
  ASSERT_EQ(made.status, 201u) << made.body;
  int64_t id = json::parse(made.body)["id"];

  // The reporter adds a screenshot note to their own report (no file needed for a message).
  const std::string boundary = "inlocoNoticeBoundary7";
  std::string body = "--" + boundary +
                     "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmessage\r\n--" +
                     boundary +
                     "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nThe request "
                     "as it appeared\r\n--" +
                     boundary + "\r\nContent-Disposition: form-data; name=\"refers_to\"\r\n\r\n" +
                     std::to_string(server_->clock().now() - 300) + "\r\n--" + boundary + "--\r\n";
  auto ev = staff.post_raw(api() + "/mine/" + std::to_string(id) + "/evidence",
                           "multipart/form-data; boundary=" + boundary, body);
  ASSERT_EQ(ev.status, 201u) << ev.body;
  auto mine = json::parse(staff.get(api() + "/mine/" + std::to_string(id)).body);
  ASSERT_EQ(mine["evidence"].size(), 1u);
  EXPECT_EQ(mine["evidence"][0]["description"], "The request as it appeared");
  // Another member of staff cannot add to someone else's report.
  server_->add_user("staff2.a", Role::kStaff, a_);
  Client other = signed_in("staff2.a");
  EXPECT_EQ(other
                .post_raw(api() + "/mine/" + std::to_string(id) + "/evidence",
                          "multipart/form-data; boundary=" + boundary, body)
                .status,
            404u);

  // The DSL sees it in the pupil's chronology; the headteacher of another school does not reach it.
  Client dsl = signed_in("dsl.a");
  auto chron = dsl.get(api() + "/pupils/" + std::to_string(pupil_));
  ASSERT_EQ(chron.status, 200u) << chron.body;
  auto entries = json::parse(chron.body)["concerns"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["concern_id"], id);
  Client head_b = signed_in("head.b");
  EXPECT_EQ(head_b.get(api() + "/pupils/" + std::to_string(pupil_)).status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConcernNoticesTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

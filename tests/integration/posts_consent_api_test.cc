// Consent and posts end to end through the JSON API on both databases: a
// post showing a pupil passes only with consent, is approved by someone else,
// is published, and a withdrawal then opens a task to take it down.
// REQ CON-1, CON-4, CON-5, PST-2, PST-5, PST-6, PST-7, PST-8, PST-10, LAW-9.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "media/test_images.h"
#include "people/people_store.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class PostsConsentApiTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    pupil_ = server_->fixture().pupil_a;
    server_->add_user("head.one", Role::kHeadteacher, a_);
    server_->add_user("head.two", Role::kHeadteacher, a_);
    teacher_ = server_->add_user("teacher.one", Role::kStaff, a_);
    auto parent = server_->db().transaction([&](Connection& c) -> Result<int64_t> {
      Person p;
      p.trust_id = server_->fixture().trust_id;
      p.school_id = a_;
      p.kind = PersonKind::kParent;
      p.given_name = "Maria";
      p.family_name = "Parent";
      int64_t id = TRY(create_person(c, server_->clock(), Actor::system(), p));
      TRY(link_guardian(c, server_->clock(), Actor::system(), id, pupil_, "mother", true));
      return id;
    });
    ASSERT_TRUE(parent.ok()) << parent.error().message;
    parent_ = *parent;
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.post_json("/api/v1/session",
                          json{{"username", user}, {"password", test::kTestPassword}}.dump())
                  .status,
              201u);
    return c;
  }
  std::string url(const std::string& rest) {
    return "/api/v1/schools/" + std::to_string(a_) + rest;
  }
  std::string today() { return format_utc(server_->clock().now()).substr(0, 10); }

  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, pupil_ = 0, teacher_ = 0, parent_ = 0;
};

TEST_P(PostsConsentApiTest, ConsentGatesPostsAndAWithdrawalFindsThem) {
  Client head = signed_in("head.one"), head2 = signed_in("head.two"),
         teacher = signed_in("teacher.one");
  // An open account the teacher may post to.
  json proposal = {{"platform", "facebook"},
                   {"account_name", "Alpha Primary"},
                   {"purpose", "News"},
                   {"master_admin_role", "headteacher"},
                   {"official_email", "office@alpha.example.org"},
                   {"school_holds_master_access", true},
                   {"school_has_editorial_oversight", true},
                   {"listed_in_privacy_notice", true},
                   {"assessment",
                    {{"investment_achieves", "Yes"},
                     {"staff_contribute", true},
                     {"staff_minutes_per_week", 30},
                     {"success_measures", "Survey"}}}};
  auto created = head.post_json(url("/accounts"), proposal.dump());
  ASSERT_EQ(created.status, 201u) << created.body;
  int64_t account = json::parse(created.body)["id"];
  ASSERT_EQ(head2
                .post_json(url("/accounts/" + std::to_string(account) + "/decision"),
                           json{{"approve", true}}.dump())
                .status,
            200u);
  ASSERT_EQ(head.post_json(url("/accounts/" + std::to_string(account) + "/authorisations"),
                           json{{"person_id", teacher_}, {"kind", "post"}}.dump())
                .status,
            200u);

  json post = {{"account_id", account},
               {"objective", "achievements"},
               {"text", "Our class assembly was wonderful."},
               {"shows_images", true},
               {"pupil_ids", {pupil_}},
               {"media_source", "School iPad, taken by the class teacher"}};
  // No consent yet: the checks refuse.
  auto refused = teacher.post_json(url("/posts"), post.dump());
  ASSERT_EQ(refused.status, 201u) << refused.body;
  EXPECT_EQ(json::parse(refused.body)["decision"], "refuse");

  // The mother's form grants photographs.
  json form = {{"use", "images_school_accounts"},
               {"decision", "granted"},
               {"given_by_person_id", parent_},
               {"given_on", today()},
               {"form_reference", "Form 2026-01"}};
  auto granted = head.post_json(url("/consent/pupils/" + std::to_string(pupil_)), form.dump());
  ASSERT_EQ(granted.status, 201u) << granted.body;
  // Someone without parental responsibility cannot consent.
  json bad = form;
  bad["given_by_person_id"] = teacher_;
  EXPECT_EQ(head.post_json(url("/consent/pupils/" + std::to_string(pupil_)), bad.dump()).status,
            422u);

  auto ok = teacher.post_json(url("/posts"), post.dump());
  ASSERT_EQ(ok.status, 201u) << ok.body;
  EXPECT_EQ(json::parse(ok.body)["decision"], "pass") << ok.body;
  int64_t id = json::parse(ok.body)["id"];
  EXPECT_EQ(teacher.post_json(url("/posts/" + std::to_string(id) + "/approve"), "{}").status, 403u);
  ASSERT_EQ(head.post_json(url("/posts/" + std::to_string(id) + "/approve"), "{}").status, 200u);
  auto published =
      teacher.post_json(url("/posts/" + std::to_string(id) + "/publish"),
                        json{{"live_url", "https://facebook.com/alpha/posts/9"}}.dump());
  ASSERT_EQ(published.status, 200u) << published.body;

  // Withdrawal by letter: one task to take the post down.
  server_->clock().advance(24 * 3600);
  head = signed_in("head.one");  // the day-old session has expired
  json withdraw = form;
  withdraw["decision"] = "refused";
  withdraw["given_on"] = today();
  withdraw["form_reference"] = "Letter";
  auto w = head.post_json(url("/consent/pupils/" + std::to_string(pupil_)), withdraw.dump());
  ASSERT_EQ(w.status, 201u) << w.body;
  EXPECT_EQ(json::parse(w.body)["kind"], "withdrawal");
  EXPECT_EQ(json::parse(w.body)["removal_task_ids"].size(), 1u);
  auto removals = json::parse(head.get(url("/consent/removals")).body)["removals"];
  ASSERT_EQ(removals.size(), 1u);
  EXPECT_EQ(removals[0]["post_id"], id);
  // The history keeps both decisions.
  auto history =
      json::parse(head.get(url("/consent/pupils/" + std::to_string(pupil_))).body)["history"];
  EXPECT_EQ(history.size(), 2u);
}

TEST_P(PostsConsentApiTest, TextChecksImagesImportAndRemovalsThroughTheApi) {
  Client head = signed_in("head.one"), teacher = signed_in("teacher.one");
  // The checker alone: nothing saved, each finding with its span.
  auto checked = teacher.post_json(
      url("/check"), json{{"text", "In my opinion the new rules are stupid."}}.dump());
  ASSERT_EQ(checked.status, 200u) << checked.body;
  json result = json::parse(checked.body);
  EXPECT_NE(result["decision"], "pass");
  ASSERT_FALSE(result["findings"].empty());
  EXPECT_EQ(result["findings"][0]["start"], 0);
  EXPECT_EQ(teacher.post_json(url("/check"), json{{"words", 3}}.dump()).status, 422u);
  EXPECT_EQ(teacher.post_json(url("/check"), json{{"text", ""}}.dump()).status, 422u);

  // An image through the API: the record says what was removed and that the device is unknown.
  const std::string b = "apiUploadBoundary";
  std::string body =
      "--" + b + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nTaken on a trip\r\n" +
      "--" + b + "\r\nContent-Disposition: form-data; name=\"owner\"\r\n\r\nAlpha Primary\r\n" +
      "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"trip.jpg\"\r\n" +
      "Content-Type: image/jpeg\r\n\r\n" + test::with_metadata(test::tiny_jpeg()) + "\r\n--" + b +
      "--\r\n";
  auto uploaded = teacher.post_raw(url("/media"), "multipart/form-data; boundary=" + b, body);
  ASSERT_EQ(uploaded.status, 201u) << uploaded.body;
  json item = json::parse(uploaded.body);
  EXPECT_EQ(item["device_match"], "unknown");
  EXPECT_EQ(item["gps_was_present"], true);
  EXPECT_NE(item["metadata_removed"].get<std::string>().find("EXIF"), std::string::npos);
  auto listed = json::parse(teacher.get(url("/media")).body)["media"];
  EXPECT_EQ(listed.size(), 1u);
  std::string bad = "--" + b +
                    "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"trip.jpg\"\r\n" +
                    "Content-Type: image/jpeg\r\n\r\nnot an image\r\n--" + b + "--\r\n";
  EXPECT_EQ(teacher.post_raw(url("/media"), "multipart/form-data; boundary=" + b, bad).status,
            422u);

  // Consent forms by CSV: a bad row names its line and nothing is written.
  std::string header =
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n";
  auto refused = head.post_raw(url("/consent/import"), "text/csv",
                               header + "PA1,images_school_accounts,yes,?," + today() + ",F1\n");
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("line 2"), std::string::npos) << refused.body;
  EXPECT_EQ(teacher.post_raw(url("/consent/import"), "text/csv", header).status, 403u);

  // A removal task is closed through the API with its outcome.
  EXPECT_EQ(
      head.post_json(url("/consent/removals/999"), json{{"outcome", "removed"}}.dump()).status,
      404u);
  EXPECT_EQ(head.post_json(url("/consent/removals/1"), json{{"outcome", "maybe"}}.dump()).status,
            422u);
}

INSTANTIATE_TEST_SUITE_P(Backends, PostsConsentApiTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

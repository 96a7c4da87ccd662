// The media library, the device register and photographs on the post form,
// through the web pages on both databases.
// REQ PST-6: each image records its source and owner.
// REQ PST-10: images from devices the school has not approved are flagged;
//   devices are approved by the roles the school's policy names.
// REQ PST-11: the stored copy carries no metadata (read back with exiv2).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "media/image_metadata.h"
#include "media/test_images.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

struct Part {
  std::string name;
  std::string value;
  std::string filename;  // set: a file
  std::string type;
};

std::string multipart(const std::vector<Part>& parts, const std::string& boundary) {
  std::string body;
  for (const auto& p : parts) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.type;
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + boundary + "--\r\n";
}

class MediaPagesTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    b_ = server_->fixture().school_b;
    head_ = server_->add_user("head.a", Role::kHeadteacher, a_);
    server_->add_user("head.b", Role::kHeadteacher, b_);
    server_->add_user("computing.a", Role::kOnlineSafetyOfficer, a_);
    server_->add_user("head2.a", Role::kHeadteacher, a_);
  }
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string school(int64_t id) { return "/schools/" + std::to_string(id); }
  test::ClientResponse upload(Client& c, int64_t school_id, const std::string& name,
                              const std::string& bytes,
                              const std::string& source = "Taken by Mrs Khan at sports day") {
    const std::string boundary = "inlocoTestBoundary7f3a";
    std::vector<Part> parts = {{"source", source, "", ""},
                               {"owner", "Alpha Primary School", "", ""},
                               {"basis", "own", "", ""},
                               {"file", bytes, name, "image/jpeg"}};
    return c.post_raw(school(school_id) + "/media", "multipart/form-data; boundary=" + boundary,
                      multipart(parts, boundary));
  }
  int64_t id_from(const test::ClientResponse& r) {
    std::string loc = r.header("location");
    return std::atoll(loc.substr(loc.rfind('/') + 1).c_str());
  }
  int64_t count(const std::string& table) {
    auto n =
        server_->db().read([&](Connection& c) { return c.query("SELECT COUNT(*) FROM " + table); });
    return n.ok() ? (*n)[0][0].as_int() : -1;
  }
  size_t stored_files() {
    size_t n = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(server_->media_dir()))
      if (e.is_regular_file()) ++n;
    return n;
  }

  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, b_ = 0, head_ = 0;
};

TEST_P(MediaPagesTest, AnUploadIsKeptOnlyWithoutItsMetadataAndItsDeviceIsFlagged) {
  Client head = signed_in("head.a");
  auto r = upload(head, a_, "sports-day.jpg", test::with_metadata(test::tiny_jpeg()));
  ASSERT_EQ(r.status, 303u) << r.body;
  int64_t id = id_from(r);
  auto page = head.get(school(a_) + "/media/" + std::to_string(id));
  ASSERT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("Unknown device"), std::string::npos) << "no device is approved yet";
  EXPECT_NE(page.body.find("Canon EOS 250D"), std::string::npos);
  EXPECT_NE(page.body.find("including where it was taken"), std::string::npos);
  EXPECT_NE(page.body.find("Taken by Mrs Khan at sports day"), std::string::npos);

  auto file = head.get(school(a_) + "/media/" + std::to_string(id) + "/file");
  ASSERT_EQ(file.status, 200u);
  EXPECT_EQ(file.header("content-type"), "image/jpeg");
  EXPECT_EQ(file.header("cache-control"), "no-store") << "pictures of pupils are not cached";
  auto meta = read_image_metadata(file.body);
  ASSERT_TRUE(meta.ok()) << meta.error().message;
  EXPECT_FALSE(meta->has_metadata());
  EXPECT_FALSE(meta->gps_present);
  EXPECT_TRUE(meta->make.empty());

  auto audit = server_->db().read([&](Connection& c) {
    return c.query("SELECT COUNT(*) FROM audit_log WHERE action = 'media.view'");
  });
  EXPECT_EQ((*audit)[0][0].as_int(), 1) << "viewing what the original carried is audited";
}

TEST_P(MediaPagesTest, AFileThatIsNotAnImageIsRefusedAndNothingKept) {
  Client head = signed_in("head.a");
  auto r = upload(head, a_, "photo.jpg", "This is a note, not a photograph.");
  EXPECT_EQ(r.status, 422u);
  EXPECT_NE(r.body.find("photo.jpg"), std::string::npos) << "the message names the file";
  auto no_source = upload(head, a_, "sports-day.jpg", test::with_metadata(test::tiny_jpeg()), "");
  EXPECT_EQ(no_source.status, 422u) << "PST-6: where it came from is required";
  EXPECT_EQ(count("media_items"), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_P(MediaPagesTest, AnotherSchoolsImagesStayHidden) {
  Client head_b = signed_in("head.b");
  auto theirs = upload(head_b, b_, "river.jpg", test::tiny_jpeg());
  ASSERT_EQ(theirs.status, 303u) << theirs.body;
  int64_t id = id_from(theirs);
  Client head_a = signed_in("head.a");
  EXPECT_EQ(head_a.get(school(b_) + "/media/" + std::to_string(id) + "/file").status, 403u);
  EXPECT_EQ(head_a.get(school(a_) + "/media/" + std::to_string(id) + "/file").status, 404u);
  EXPECT_EQ(head_a.get(school(a_) + "/media/" + std::to_string(id)).status, 404u);
}

TEST_P(MediaPagesTest, DevicesAreApprovedByThePolicysRolesAndThenMatch) {
  Client head = signed_in("head.a");
  std::map<std::string, std::string> camera = {{"label", "School camera"},
                                               {"make", "Canon"},
                                               {"model", "Canon EOS 250D"},
                                               {"serial", "123052001234"}};
  auto refused = head.post_form(school(a_) + "/devices", camera);
  EXPECT_EQ(refused.status, 403u);
  EXPECT_NE(refused.body.find("as the school&#39;s policy says"), std::string::npos)
      << refused.body;
  Client computing = signed_in("computing.a");
  EXPECT_EQ(computing.post_form(school(a_) + "/devices", {{"label", ""}, {"make", "Canon"}}).status,
            422u);
  ASSERT_EQ(computing.post_form(school(a_) + "/devices", camera).status, 303u);
  auto list = head.get(school(a_) + "/devices");
  EXPECT_NE(list.body.find("School camera"), std::string::npos);
  EXPECT_EQ(list.body.find("Retire"), std::string::npos) << "the head sees no retire button";

  auto r = upload(head, a_, "sports-day.jpg", test::with_metadata(test::tiny_jpeg()));
  ASSERT_EQ(r.status, 303u);
  auto page = head.get(school(a_) + "/media/" + std::to_string(id_from(r)));
  EXPECT_NE(page.body.find("Approved device"), std::string::npos);
}

TEST_P(MediaPagesTest, PhotographsAddedOnThePostFormAreStrippedAndAttached) {
  // An open account the head may post to (through the API, which the account tests cover).
  Client api(server_->port());
  ASSERT_EQ(api.post_json("/api/v1/session",
                          json{{"username", "head.a"}, {"password", test::kTestPassword}}.dump())
                .status,
            201u);
  Client deputy(server_->port());
  ASSERT_EQ(deputy
                .post_json("/api/v1/session",
                           json{{"username", "head2.a"}, {"password", test::kTestPassword}}.dump())
                .status,
            201u);
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
  auto created = api.post_json("/api/v1" + school(a_) + "/accounts", proposal.dump());
  ASSERT_EQ(created.status, 201u) << created.body;
  int64_t account = json::parse(created.body)["id"];
  ASSERT_EQ(
      deputy
          .post_json("/api/v1" + school(a_) + "/accounts/" + std::to_string(account) + "/decision",
                     json{{"approve", true}}.dump())
          .status,
      200u);
  ASSERT_EQ(api.post_json("/api/v1" + school(a_) + "/accounts/" + std::to_string(account) +
                              "/authorisations",
                          json{{"person_id", head_}, {"kind", "post"}}.dump())
                .status,
            200u);

  Client head = signed_in("head.a");
  const std::string boundary = "inlocoPostBoundary";
  auto form = [&](const std::string& source) {
    return multipart({{"account", std::to_string(account), "", ""},
                      {"objective", "achievements", "", ""},
                      {"body", "Our sports day was a great success.", "", ""},
                      {"media_source", source, "", ""},
                      {"photos", test::with_metadata(test::tiny_jpeg()), "race.jpg", "image/jpeg"}},
                     boundary);
  };
  auto refused =
      head.post_raw(school(a_) + "/posts", "multipart/form-data; boundary=" + boundary, form(""));
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("Say where the photographs came from"), std::string::npos);
  EXPECT_EQ(count("posts"), 0);
  EXPECT_EQ(count("media_items"), 0);

  auto saved = head.post_raw(school(a_) + "/posts", "multipart/form-data; boundary=" + boundary,
                             form("Taken by Mr Jones on the school camera"));
  ASSERT_EQ(saved.status, 303u) << saved.body;
  EXPECT_EQ(count("post_media"), 1);
  auto detail = head.get(saved.header("location"));
  EXPECT_NE(detail.body.find("race.jpg"), std::string::npos);
  EXPECT_NE(detail.body.find("Unknown device"), std::string::npos);
  EXPECT_NE(detail.body.find("media_device"), std::string::npos) << "flagged for the approver";
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      detail.body, m,
      std::regex("src=\"&#x2F;schools&#x2F;([0-9]+)&#x2F;media&#x2F;([0-9]+)&#x2F;file\"")))
      << detail.body;
  auto image = head.get("/schools/" + std::string(m[1]) + "/media/" + std::string(m[2]) + "/file");
  ASSERT_EQ(image.status, 200u);
  auto meta = read_image_metadata(image.body);
  ASSERT_TRUE(meta.ok());
  EXPECT_FALSE(meta->has_metadata());
}

INSTANTIATE_TEST_SUITE_P(Backends, MediaPagesTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

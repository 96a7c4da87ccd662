// The consent import page on both databases: a file with a bad row is refused
// naming its line and nothing is written; a good file records its forms.
// REQ CON-1, CON-3, CON-6.
#include <gtest/gtest.h>

#include "people/people_store.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using test::Client;
using test::TestServer;

class ConsentImportPageTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    server_->add_user("head.a", Role::kHeadteacher, a_);
    server_->add_user("staff.a", Role::kStaff, a_);
    auto parent = server_->db().transaction([&](Connection& c) -> Result<int64_t> {
      Person p;
      p.trust_id = server_->fixture().trust_id;
      p.school_id = a_;
      p.kind = PersonKind::kParent;
      p.external_id = "C1";
      p.given_name = "Maria";
      p.family_name = "Parent";
      int64_t id = TRY(create_person(c, server_->clock(), Actor::system(), p));
      TRY(link_guardian(c, server_->clock(), Actor::system(), id, server_->fixture().pupil_a,
                        "mother", true));
      return id;
    });
    ASSERT_TRUE(parent.ok()) << parent.error().message;
  }
  test::ClientResponse upload(Client& c, const std::string& csv) {
    const std::string b = "consentImportBoundary";
    std::string body =
        "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"forms.csv\"\r\n" +
        "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + b + "--\r\n";
    return c.post_raw("/schools/" + std::to_string(a_) + "/consent/import",
                      "multipart/form-data; boundary=" + b, body);
  }
  int64_t decisions() {
    auto n = server_->db().read(
        [&](Connection& c) { return c.query("SELECT COUNT(*) FROM consent_decisions"); });
    return n.ok() ? (*n)[0][0].as_int() : -1;
  }
  std::string today() { return format_utc(server_->clock().now()).substr(0, 10); }

  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0;
};

TEST_P(ConsentImportPageTest, ABadRowIsNamedAndNothingIsWrittenThenAGoodFileImports) {
  Client head(server_->port());
  ASSERT_EQ(head.sign_in("head.a"), 303u);
  std::string header =
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n";
  std::string good = "PA1,images_school_accounts,granted,C1," + today() + ",Form 12\n";
  std::string bad = "PA1,videos_school_accounts,maybe,C1," + today() + ",Form 12\n";
  auto refused = upload(head, header + good + bad);
  EXPECT_EQ(refused.status, 422u);
  EXPECT_NE(refused.body.find("line 3"), std::string::npos) << refused.body;
  EXPECT_EQ(decisions(), 0) << "all or nothing";

  auto imported = upload(head, header + good);
  ASSERT_EQ(imported.status, 200u) << imported.body;
  EXPECT_NE(imported.body.find("Import complete"), std::string::npos);
  EXPECT_NE(imported.body.find("1 decisions recorded"), std::string::npos);
  EXPECT_EQ(decisions(), 1);
  auto again = upload(head, header + good);
  EXPECT_NE(again.body.find("1 already recorded"), std::string::npos)
      << "importing a file twice records it once";
  EXPECT_EQ(decisions(), 1);

  auto empty = upload(head, "");
  EXPECT_EQ(empty.status, 422u);
  Client staff(server_->port());
  ASSERT_EQ(staff.sign_in("staff.a"), 303u);
  EXPECT_EQ(upload(staff, header + good).status, 403u);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentImportPageTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

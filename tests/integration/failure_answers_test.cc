// No requirement ID: issue 12 §3. When something fails on our side, the person sees a plain
// answer with a reference, the log gets one structured line with the same reference and what
// went wrong underneath, and nothing of the machinery (SQL, driver text, paths, database URLs)
// reaches the page or the JSON body.
#include <gtest/gtest.h>

#include <string>

#include "store/drivers/open_database.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using test::Client;
using test::TestServer;

void expect_no_machinery(const std::string& body) {
  for (const char* leak : {"postgresql://", "sqlite:", "127.0.0.1", "pqxx", "SELECT ", "/tmp/",
                           "/var/", "terminating connection", "FATAL"})
    EXPECT_EQ(body.find(leak), std::string::npos) << "'" << leak << "' shown:\n" << body;
}

TEST(FailureAnswersTest, EveryAnswerCarriesARequestIdAndJsonErrorsRepeatIt) {
  TestServer server(Dialect::kSqlite);
  Client client(server.port());
  auto page = client.get("/healthz");
  EXPECT_EQ(page.header("x-request-id").size(), 12u);
  auto missing = client.get("/api/v1/no-such-thing");
  EXPECT_EQ(missing.status, 404u);
  std::string id = missing.header("x-request-id");
  ASSERT_FALSE(id.empty());
  EXPECT_NE(missing.body.find("\"request_id\":\"" + id + "\""), std::string::npos) << missing.body;
  EXPECT_NE(page.header("x-request-id"), id) << "each request has its own id";
  // A 404 is the person's mistake, not ours: nothing is logged.
  EXPECT_EQ(server.error_log().find(id), std::string::npos);
}

TEST(FailureAnswersTest, APostgresOutageAnswersPlainlyAndIsLoggedWithTheReference) {
  TestServer server(Dialect::kPostgres);
  server.add_user("head", Role::kHeadteacher, server.fixture().school_a);
  Client client(server.port());
  ASSERT_EQ(client.sign_in("head"), 303u);
  ASSERT_EQ(client.get("/dashboard").status, 200u);

  // The database goes away: no new connections, and the server's open ones are cut. Done from
  // the cluster's own "postgres" database, since a database cannot shut its own door (the test
  // cluster's URL has no password, so describe() is the whole URL).
  std::string url = server.db().describe();
  std::string name = url.substr(url.rfind('/') + 1);
  auto outsider = open_database(url.substr(0, url.rfind('/') + 1) + "postgres");
  ASSERT_TRUE(outsider.ok()) << outsider.error().message;
  auto cut = (*outsider)->read([&](Connection& c) -> Status {
    TRY(c.execute_script("ALTER DATABASE \"" + name + "\" ALLOW_CONNECTIONS false"));
    TRY(c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?",
                {name}));
    return {};
  });
  ASSERT_TRUE(cut.ok()) << cut.error().message << " " << cut.error().internal_detail;

  for (const char* target : {"/dashboard", "/api/v1/me"}) {
    auto res = client.get(target);
    EXPECT_EQ(res.status, 503u) << target << "\n" << res.body;
    std::string id = res.header("x-request-id");
    ASSERT_FALSE(id.empty());
    EXPECT_NE(res.body.find(id), std::string::npos) << "the reference is shown:\n" << res.body;
    expect_no_machinery(res.body);
    std::string log = server.error_log();
    auto line_at = log.find("request_id=" + id);
    ASSERT_NE(line_at, std::string::npos) << "not logged:\n" << log;
    std::string line = log.substr(line_at, log.find('\n', line_at) - line_at);
    EXPECT_NE(line.find("status=503"), std::string::npos) << line;
    EXPECT_NE(line.find("code=unavailable"), std::string::npos) << line;
    EXPECT_NE(line.find("detail="), std::string::npos) << "the driver's words are kept: " << line;
  }
}

}  // namespace
}  // namespace inloco

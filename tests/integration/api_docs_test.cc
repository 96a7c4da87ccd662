// docs/api.md stays true: every route of the JSON API is documented there as
// "`METHOD /api/v1/...`" with the capability that reaches it, and nothing is
// documented that the server does not answer.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

std::string read_docs() {
  std::ifstream in(std::string(INLOCO_SOURCE_DIR) + "/docs/api.md");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string signature(const web::RouteSpec& spec) {
  return std::string(web::http::to_string(spec.method)) + " " + spec.pattern;
}

TEST(ApiDocs, EveryApiRouteIsDocumentedAndNothingElse) {
  test::TestServer server(Dialect::kSqlite);
  const std::string docs = read_docs();
  ASSERT_FALSE(docs.empty()) << "docs/api.md is missing";
  std::set<std::string> served;
  for (const auto& route : server.app().router().routes()) {
    if (!route.spec.pattern.starts_with("/api/")) continue;
    std::string sig = signature(route.spec);
    served.insert(sig);
    std::string cap =
        route.spec.capability ? std::string(capability_key(*route.spec.capability)) : "";
    std::string who = !cap.empty()                                ? "`" + cap + "`"
                      : route.spec.access == web::Access::kPublic ? std::string("anyone")
                                                                  : std::string("signed in");
    std::string row = "| `" + sig + "` | " + who + " |";
    EXPECT_NE(docs.find(row), std::string::npos) << "docs/api.md lacks the row starting: " << row;
  }
  std::regex documented("\\| `((GET|POST|PUT|PATCH|DELETE) /api/[^`]*)` \\|");
  for (auto it = std::sregex_iterator(docs.begin(), docs.end(), documented);
       it != std::sregex_iterator(); ++it)
    EXPECT_TRUE(served.count((*it)[1].str()))
        << "docs/api.md documents a route the server does not answer: " << (*it)[1].str();
}

}  // namespace
}  // namespace inloco

// REQ IAM-2, ORG-1: every route, tried by every role (and signed out), is
// allowed or refused exactly as the permission table says; a role held at one
// school never opens another school's pages, a trust-wide role opens all.
#include <gtest/gtest.h>

#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco {
namespace {

using test::Client;
using test::TestServer;
using web::Access;

std::string concrete_path(const web::RouteSpec& spec, int64_t school, int64_t person) {
  std::string p = spec.pattern;
  auto sub = [&](const std::string& key, const std::string& value) {
    if (auto pos = p.find(key); pos != std::string::npos) p.replace(pos, key.size(), value);
  };
  sub("{school}", std::to_string(school));
  sub("{person}", std::to_string(person));
  sub("{account}", "1");
  sub("{pupil}", std::to_string(person));
  sub("*", "inloco.css");
  return p;
}

// Refused: 401/403, or sent to sign in (except by sign-out, whose success is
// exactly that).
bool is_refusal(const web::RouteSpec& spec, const test::ClientResponse& r) {
  if (r.status == 401 || r.status == 403) return true;
  return spec.pattern != "/sign-out" && r.status == 303 &&
         r.header("location").starts_with("/sign-in");
}

class PermissionWalkTest : public ::testing::TestWithParam<Dialect> {};

TEST_P(PermissionWalkTest, EveryRouteEveryRoleMatchesTheTable) {
  TestServer server(GetParam());
  const auto& fx = server.fixture();

  struct Signed {
    Role role;
    bool trust_wide;
    std::unique_ptr<Client> client;
  };
  std::vector<Signed> people;
  for (Role role : all_roles()) {
    bool trust_wide = role == Role::kTrustBoardMember;
    std::string username = "walk." + std::string(role_key(role));
    for (auto& ch : username)
      if (ch == '_') ch = '-';
    server.add_user(username, role,
                    trust_wide ? std::nullopt : std::optional<int64_t>(fx.school_a));
    auto client = std::make_unique<Client>(server.port());
    ASSERT_EQ(client->sign_in(username), 303u) << username;
    people.push_back({role, trust_wide, std::move(client)});
  }

  // Sign-out ends the session, so it is tried last.
  std::vector<const web::Route*> routes;
  for (const auto& r : server.app().router().routes()) routes.push_back(&r);
  std::stable_partition(routes.begin(), routes.end(),
                        [](const web::Route* r) { return r->spec.pattern != "/sign-out"; });

  int checked = 0;
  for (const web::Route* route : routes) {
    const auto& spec = route->spec;
    std::string method(web::http::to_string(spec.method));
    std::vector<std::pair<int64_t, int64_t>> targets = {{fx.school_a, fx.pupil_a}};
    if (spec.access == Access::kSchool) targets.push_back({fx.school_b, fx.pupil_b});

    for (auto [school, pupil] : targets) {
      std::string path = concrete_path(spec, school, pupil);
      bool json = path.starts_with("/api/");
      auto send = [&](Client& c, bool signed_in) {
        if (spec.method == web::http::verb::get) return c.get(path);
        std::map<std::string, std::string> h;
        if (signed_in) h["X-CSRF-Token"] = c.csrf();
        return c.request(method, path,
                         json ? "application/json" : "application/x-www-form-urlencoded",
                         json ? "{}" : "", h);
      };

      // Signed out: public routes answer, others send to sign-in (pages) or 401 (API).
      Client anonymous(server.port());
      auto r = send(anonymous, false);
      if (spec.access == Access::kPublic) {
        EXPECT_FALSE(r.status == 401 ||
                     (r.status == 303 && r.header("location").starts_with("/sign-in") &&
                      spec.pattern != "/sign-in/code"))
            << method << " " << path << " signed out: " << r.status;
      } else if (json) {
        EXPECT_EQ(r.status, 401u) << method << " " << path << " signed out";
      } else {
        EXPECT_EQ(r.status, 303u) << method << " " << path << " signed out";
        EXPECT_TRUE(r.header("location").starts_with("/sign-in")) << path;
      }
      ++checked;

      for (auto& p : people) {
        if (spec.access == Access::kPublic) continue;
        bool expected = true;
        if (spec.capability) {
          expected = role_has(p.role, *spec.capability);
          if (spec.access == Access::kSchool && school != fx.school_a && !p.trust_wide)
            expected = false;
        }
        auto res = send(*p.client, true);
        EXPECT_EQ(!is_refusal(spec, res), expected)
            << method << " " << path << " as " << role_key(p.role) << ": status " << res.status;
        if (!expected) {
          EXPECT_EQ(res.status, 403u) << path;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 300);
}

TEST_P(PermissionWalkTest, HandWrittenSpotChecks) {
  // A few rows of the table written out by hand, so a careless edit of the
  // table itself is caught too.
  EXPECT_TRUE(role_has(Role::kHeadteacher, Capability::kPeopleViewSensitive));
  EXPECT_TRUE(role_has(Role::kDsl, Capability::kPeopleViewSensitive));
  EXPECT_TRUE(role_has(Role::kOfficeManager, Capability::kPeopleImport));
  EXPECT_FALSE(role_has(Role::kGovernor, Capability::kPeopleView));
  EXPECT_FALSE(role_has(Role::kStaff, Capability::kPeopleView));
  EXPECT_FALSE(role_has(Role::kVolunteer, Capability::kPeopleView));
  EXPECT_FALSE(role_has(Role::kSocialMediaLead, Capability::kPeopleViewSensitive));
  EXPECT_FALSE(role_has(Role::kIctTechnician, Capability::kUsersManage));
  EXPECT_FALSE(role_has(Role::kPtaChair, Capability::kAuditView));
  EXPECT_TRUE(role_has(Role::kDpo, Capability::kAuditView));
  // Pupils' web activity is for safeguarding leads and ICT, not all staff (NET-5).
  EXPECT_TRUE(role_has(Role::kDsl, Capability::kFilterMonitoringView));
  EXPECT_TRUE(role_has(Role::kIctTechnician, Capability::kFilterBansManage));
  EXPECT_FALSE(role_has(Role::kStaff, Capability::kFilterMonitoringView));
  EXPECT_FALSE(role_has(Role::kGovernor, Capability::kFilterMonitoringView));
}

INSTANTIATE_TEST_SUITE_P(Backends, PermissionWalkTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

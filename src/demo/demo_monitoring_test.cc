// REQ NET-5, NET-6: the demo trust's Oakfield has a monitoring report to show:
// pupils with network names, several school days of decisions, a flagged
// search, a visitor's unknown name, and a pupil banned after trying a VPN,
// proxies and bare addresses, of which the DSL and ICT were told.
#include "demo/demo_monitoring.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.h"
#include "demo/demo_profiles.h"
#include "filtering/filter_bans.h"
#include "notices/notice_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoMonitoringTest : public test::BackendTest {
 protected:
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove(log_, ec);
  }
  int64_t scalar(const std::string& sql, const SqlParams& p = {}) {
    auto r = db().read([&](Connection& c) { return c.query(sql, p); });
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
  FakeClock clock_{1790000000};  // 2026-09-21, a Monday
  std::string log_ =
      (std::filesystem::temp_directory_path() / ("inloco-demo-log-" + random_token(8))).string();
};

TEST_P(DemoMonitoringTest, OakfieldHasAReportAndABan) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  ASSERT_TRUE(assign_demo_profiles(db(), clock_, *demo).ok());
  auto s = create_demo_monitoring(db(), clock_, *demo, log_);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const int64_t oakfield = demo->schools[0].id;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people WHERE school_id = ? AND kind = 'pupil' AND "
                   "network_username IS NULL",
                   {oakfield}),
            0);
  EXPECT_GT(scalar("SELECT COUNT(*) FROM filter_decisions WHERE school_id = ?", {oakfield}), 1000);
  EXPECT_EQ(scalar("SELECT MAX(at) FROM filter_decisions") < clock_.now(), true);
  EXPECT_GE(scalar("SELECT COUNT(*) FROM filter_decisions WHERE search_flag <> ''"), 1);
  EXPECT_GE(scalar("SELECT COUNT(*) FROM filter_decisions WHERE username = 'visitor01' AND "
                   "person_id IS NULL"),
            1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_circumvention_events"), 6);
  auto bans =
      db().read([&](Connection& c) { return filter::bans_in_force(c, oakfield, clock_.now()); });
  ASSERT_TRUE(bans.ok());
  ASSERT_EQ(bans->size(), 1u);
  EXPECT_EQ((*bans)[0].sanction, CircumventionSanction::kSupervisedUseOnly);
  EXPECT_EQ((*bans)[0].events_count, 5);
  for (const auto& sign_in : demo->sign_ins) {
    if (sign_in.username != "dsl.oakfield" && sign_in.username != "ict.oakfield") continue;
    auto notices = db().read([&](Connection& c) { return notices_for(c, sign_in.person_id, 20); });
    ASSERT_TRUE(notices.ok());
    bool told = false;
    for (const Notice& n : *notices) told = told || n.kind == NoticeKind::kNetworkBanned;
    EXPECT_TRUE(told) << sign_in.username;
  }
  EXPECT_TRUE(std::filesystem::exists(log_));
}

INLOCO_INSTANTIATE_BACKENDS(DemoMonitoringTest);

}  // namespace
}  // namespace inloco

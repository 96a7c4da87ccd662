// REQ NET-3, NET-4: the demo trust's Oakfield has an approved unblock in force, a
// refusal in writing and a request waiting for ICT.
#include "demo/demo_filtering.h"

#include <gtest/gtest.h>

#include "demo/demo_profiles.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoFilteringTest : public test::BackendTest {
 protected:
  FakeClock clock_{1790000000};  // 2026-09-21
};

TEST_P(DemoFilteringTest, OakfieldHasRequestsOfEveryOutcome) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  ASSERT_TRUE(assign_demo_profiles(db(), clock_, *demo).ok());
  auto s = create_demo_filtering(db(), clock_, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const int64_t oakfield = demo->schools[0].id;
  auto requests =
      db().read([&](Connection& c) { return filter::unblock_requests(c, oakfield, 50); });
  ASSERT_TRUE(requests.ok());
  ASSERT_EQ(requests->size(), 3u);
  EXPECT_EQ((*requests)[0].status, filter::UnblockStatus::kWaiting);
  int approved = 0, refused = 0;
  for (const auto& r : *requests) {
    approved += r.status == filter::UnblockStatus::kApproved;
    refused += r.status == filter::UnblockStatus::kRefused;
  }
  EXPECT_EQ(approved, 1);
  EXPECT_EQ(refused, 1);
  auto open = db().read(
      [&](Connection& c) { return filter::exceptions_in_force(c, oakfield, clock_.now()); });
  ASSERT_TRUE(open.ok());
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].domain, "scratch.mit.edu");
  EXPECT_EQ((*open)[0].for_group, "pupils");
  auto blocked = db().read([&](Connection& c) { return filter::school_block_list(c, oakfield); });
  ASSERT_TRUE(blocked.ok());
  EXPECT_EQ(*blocked, std::vector<std::string>{"free-skins-giveaway.example"});
}

INLOCO_INSTANTIATE_BACKENDS(DemoFilteringTest);

}  // namespace
}  // namespace inloco

// REQ IAM-1: repeated sign-in failures are slowed down (password guessing).
#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace inloco {
namespace {

TEST(RateLimiterTest, RefusesAfterMaxFailuresWithinTheWindow) {
  FakeClock clock;
  RateLimiter limiter(clock, 3, 600);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.allowed("account:a"));
    limiter.record_failure("account:a");
    clock.advance(10);
  }
  EXPECT_FALSE(limiter.allowed("account:a"));
  EXPECT_TRUE(limiter.allowed("account:b"));
  // The first failure was 30 seconds ago; it leaves the window in 570 more.
  EXPECT_EQ(limiter.retry_after("account:a"), 570);
  clock.advance(569);
  EXPECT_FALSE(limiter.allowed("account:a"));
  clock.advance(1);
  EXPECT_TRUE(limiter.allowed("account:a"));
  EXPECT_EQ(limiter.retry_after("account:a"), 0);
  // Only one failure has left the window: one more failure refuses again.
  limiter.record_failure("account:a");
  EXPECT_FALSE(limiter.allowed("account:a"));
}

TEST(RateLimiterTest, OldFailuresNoLongerCount) {
  FakeClock clock;
  RateLimiter limiter(clock, 2, 60);
  limiter.record_failure("k");
  clock.advance(61);
  limiter.record_failure("k");
  EXPECT_TRUE(limiter.allowed("k"));
}

TEST(RateLimiterTest, ResetForgetsFailures) {
  FakeClock clock;
  RateLimiter limiter(clock, 2, 60);
  limiter.record_failure("k");
  limiter.record_failure("k");
  EXPECT_FALSE(limiter.allowed("k"));
  limiter.reset("k");
  EXPECT_TRUE(limiter.allowed("k"));
  EXPECT_EQ(limiter.key_count(), 0u);
  limiter.reset("never seen");
}

TEST(RateLimiterTest, ExpiredKeysAreDropped) {
  FakeClock clock;
  RateLimiter limiter(clock, 5, 60);
  for (int i = 0; i < 100; ++i) limiter.record_failure("address:" + std::to_string(i));
  EXPECT_EQ(limiter.key_count(), 100u);
  clock.advance(60);
  limiter.record_failure("address:new");
  EXPECT_EQ(limiter.key_count(), 1u);
}

TEST(RateLimiterTest, KeyCountIsCappedDroppingTheOldest) {
  FakeClock clock;
  RateLimiter limiter(clock, 1, 3600, /*max_keys=*/10);
  for (int i = 0; i < 25; ++i) {
    limiter.record_failure("k" + std::to_string(i));
    clock.advance(1);
  }
  EXPECT_EQ(limiter.key_count(), 10u);
  EXPECT_TRUE(limiter.allowed("k0"));    // dropped
  EXPECT_FALSE(limiter.allowed("k24"));  // kept
  EXPECT_FALSE(limiter.allowed("k15"));
}

TEST(RateLimiterTest, RecentFailureKeepsAKeyFromBeingDropped) {
  FakeClock clock;
  RateLimiter limiter(clock, 2, 3600, /*max_keys=*/3);
  limiter.record_failure("a");
  limiter.record_failure("b");
  limiter.record_failure("c");
  limiter.record_failure("a");  // a is now the newest
  limiter.record_failure("d");  // drops b, the oldest
  EXPECT_FALSE(limiter.allowed("a"));
  EXPECT_EQ(limiter.key_count(), 3u);
  limiter.record_failure("b");
  EXPECT_TRUE(limiter.allowed("b"));  // one failure only: its earlier one was forgotten
}

TEST(RateLimiterTest, SafeFromManyThreads) {
  FakeClock clock;
  RateLimiter limiter(clock, 1000000, 3600);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        limiter.record_failure("shared");
        limiter.record_failure("t" + std::to_string(t) + "-" + std::to_string(i % 50));
        (void)limiter.allowed("shared");
        (void)limiter.retry_after("t0-1");
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(limiter.key_count(), 201u);
}

}  // namespace
}  // namespace inloco

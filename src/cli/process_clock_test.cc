// No requirement ID: the command line's test hook for the time (INLOCO_FAKE_NOW, issue 12 §4).
#include "cli/process_clock.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <optional>
#include <string>

namespace inloco::cli {
namespace {

TEST(ProcessClockTest, ReadsUnixSecondsAndUtcDateTimes) {
  EXPECT_EQ(*parse_fake_now("1767225600"), 1767225600);
  EXPECT_EQ(*parse_fake_now("2026-01-01T00:00:00Z"), 1767225600);
  EXPECT_EQ(*parse_fake_now("2026-01-01T09:30:15Z"), 1767225600 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(*parse_fake_now("2026-01-01T09:30"), 1767225600 + 9 * 3600 + 30 * 60);
  EXPECT_EQ(format_utc(*parse_fake_now("2028-02-29T23:59:59Z")), "2028-02-29T23:59:59Z");
}

TEST(ProcessClockTest, RefusesAnythingElseNamingTheVariable) {
  for (const char* bad :
       {"", "soon", "2026-01-01", "01/01/2026T09:30", "2026-02-30T09:30", "2026-01-01T24:00",
        "2026-01-01T09:60", "2026-01-01 09:30", "1767225600s"}) {
    auto r = parse_fake_now(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("INLOCO_FAKE_NOW"), std::string::npos) << bad;
  }
}

// Restores the variable as it was, so the other tests in this process see no change.
class FakeNowVariable {
 public:
  FakeNowVariable() {
    if (const char* v = std::getenv(kFakeNowVariable)) saved_ = v;
  }
  ~FakeNowVariable() {
    if (saved_)
      setenv(kFakeNowVariable, saved_->c_str(), 1);
    else
      unsetenv(kFakeNowVariable);
  }

 private:
  std::optional<std::string> saved_;
};

TEST(ProcessClockTest, IsFixedOnlyWhenTheVariableIsSet) {
  FakeNowVariable restore;
  setenv(kFakeNowVariable, "2026-03-10T12:00:00Z", 1);
  auto fixed = process_clock();
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(format_utc((*fixed)->now()), "2026-03-10T12:00:00Z");
  EXPECT_EQ((*fixed)->now(), (*fixed)->now());

  unsetenv(kFakeNowVariable);
  auto system = process_clock();
  ASSERT_TRUE(system.ok());
  EXPECT_NEAR(static_cast<double>((*system)->now()), static_cast<double>(SystemClock().now()), 5);

  setenv(kFakeNowVariable, "tomorrow", 1);
  EXPECT_FALSE(process_clock().ok());
}

}  // namespace
}  // namespace inloco::cli

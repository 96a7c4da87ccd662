// REQ ORG-2, ORG-4: dates of birth as information systems export them.
#include "core/calendar_date.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(PeopleCalendarDateTest, ReadsIsoAndUkForms) {
  auto a = parse_date("2015-09-01");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->iso(), "2015-09-01");
  auto b = parse_date("01/09/2015");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, *a);
  auto c = parse_date("1/9/2015");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, *a);
}

TEST(PeopleCalendarDateTest, RefusesUnknownFormsAndDaysThatDoNotExist) {
  for (const char* bad : {"", "2015/09/01", "15-09-01", "1 Sept 2015", "01/09/15", "2015-9-1"}) {
    auto r = parse_date(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("YYYY-MM-DD or DD/MM/YYYY"), std::string::npos) << bad;
  }
  for (const char* bad : {"31/02/2015", "2015-02-29", "2015-13-01", "00/01/2015"}) {
    auto r = parse_date(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("not a real date"), std::string::npos) << bad;
  }
  EXPECT_TRUE(parse_date("29/02/2016").ok());
  EXPECT_TRUE(parse_date("2000-02-29").ok());
  EXPECT_FALSE(parse_date("1900-02-29").ok());
}

TEST(PeopleCalendarDateTest, DaysRoundTrip) {
  EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
  EXPECT_EQ(date_from_days(0).iso(), "1970-01-01");
  for (int64_t d = -800000; d < 800000; d += 997) EXPECT_EQ(days_since_epoch(date_from_days(d)), d);
  EXPECT_EQ(date_of(1767225600).iso(), "2026-01-01");
  EXPECT_EQ(date_of(1767225599).iso(), "2025-12-31");
}

}  // namespace
}  // namespace inloco

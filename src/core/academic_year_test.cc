// REQ CON-1: consent is kept per academic year, 1 September to 31 August.
// REQ CON-7: a date belongs to exactly one academic year.
#include "core/academic_year.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(AcademicYearTest, LabelAndDays) {
  AcademicYear y{2026};
  EXPECT_EQ(y.label(), "2026/27");
  EXPECT_EQ(y.first_day().iso(), "2026-09-01");
  EXPECT_EQ(y.last_day().iso(), "2027-08-31");
  EXPECT_EQ(AcademicYear{1999}.label(), "1999/00");
  EXPECT_EQ(y.previous().label(), "2025/26");
  EXPECT_EQ(y.next().label(), "2027/28");
}

TEST(AcademicYearTest, YearOfADate) {
  EXPECT_EQ(academic_year_of({2026, 9, 1}).start_year, 2026);
  EXPECT_EQ(academic_year_of({2026, 8, 31}).start_year, 2025);
  EXPECT_EQ(academic_year_of({2027, 1, 15}).start_year, 2026);
  EXPECT_EQ(academic_year_of({2027, 8, 31}).start_year, 2026);
  EXPECT_TRUE(AcademicYear{2026}.contains({2027, 8, 31}));
  EXPECT_FALSE(AcademicYear{2026}.contains({2027, 9, 1}));
  EXPECT_FALSE(AcademicYear{2026}.contains({2026, 8, 31}));
}

TEST(AcademicYearTest, Parses) {
  EXPECT_EQ(parse_academic_year("2026/27")->start_year, 2026);
  EXPECT_EQ(parse_academic_year("2026/2027")->start_year, 2026);
  EXPECT_EQ(parse_academic_year("2026-27")->start_year, 2026);
  EXPECT_EQ(parse_academic_year("1999/00")->start_year, 1999);
}

TEST(AcademicYearTest, RefusesWhatIsNotAYear) {
  for (const char* bad : {"", "2026", "26/27", "2026/28", "2026/2028", "2026/7", "abcd/ef"}) {
    auto r = parse_academic_year(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("2026/27"), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace inloco

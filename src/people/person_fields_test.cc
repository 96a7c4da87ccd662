// REQ ORG-2: the rules for a person's fields, shared by forms and the import.
#include "people/person_fields.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(PeopleFieldsTest, YearGroupsAreNormalised) {
  EXPECT_EQ(normalise_year_group("Reception"), "Reception");
  EXPECT_EQ(normalise_year_group(" rec "), "Reception");
  EXPECT_EQ(normalise_year_group("R"), "Reception");
  EXPECT_EQ(normalise_year_group("Nursery"), "Nursery");
  EXPECT_EQ(normalise_year_group("Year 1"), "Year 1");
  EXPECT_EQ(normalise_year_group("year7"), "Year 7");
  EXPECT_EQ(normalise_year_group("Y7"), "Year 7");
  EXPECT_EQ(normalise_year_group("Yr 13"), "Year 13");
  EXPECT_EQ(normalise_year_group("10"), "Year 10");
  EXPECT_FALSE(normalise_year_group("Year 14"));
  EXPECT_FALSE(normalise_year_group("Year 0"));
  EXPECT_FALSE(normalise_year_group("Lower sixth"));
  EXPECT_FALSE(normalise_year_group(""));
  EXPECT_EQ(year_group_number("Reception"), 0);
  EXPECT_EQ(year_group_number("Nursery"), -1);
  EXPECT_EQ(year_group_number("Year 13"), 13);
  EXPECT_FALSE(year_group_number("Year 13a"));
}

TEST(PeopleFieldsTest, EmailPhoneAndYesNo) {
  EXPECT_TRUE(looks_like_email("ruth.okafor@oakfield.example.org"));
  EXPECT_FALSE(looks_like_email("ruth.okafor"));
  EXPECT_FALSE(looks_like_email("ruth@@example.org"));
  EXPECT_FALSE(looks_like_email("ruth okafor@example.org"));
  EXPECT_FALSE(looks_like_email("ruth@example"));
  EXPECT_TRUE(looks_like_phone("07700 900123"));
  EXPECT_TRUE(looks_like_phone("+44 (0)20 7946 0000"));
  EXPECT_FALSE(looks_like_phone("call me"));
  EXPECT_FALSE(looks_like_phone("123"));
  EXPECT_EQ(parse_yes_no("Yes"), true);
  EXPECT_EQ(parse_yes_no("TRUE"), true);
  EXPECT_EQ(parse_yes_no("0"), false);
  EXPECT_EQ(parse_yes_no(" n "), false);
  EXPECT_FALSE(parse_yes_no("maybe"));
  EXPECT_EQ(normalise_relationship(" Step-Father "), "step-father");
  EXPECT_FALSE(normalise_relationship("mum; dad"));
}

TEST(PeopleFieldsTest, Utf8IsChecked) {
  EXPECT_TRUE(is_valid_utf8("Zoë Wójcik 陈"));
  EXPECT_FALSE(is_valid_utf8("Zo\xEB"));        // Windows-1252 ë
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));   // cut short
}

TEST(PeopleFieldsTest, PersonProblemsNameEveryField) {
  Person p;
  p.kind = PersonKind::kPupil;
  p.school_id = 1;
  p.given_name = "Amara";
  p.family_name = "Okafor";
  p.date_of_birth = "2016-03-04";
  p.year_group = "Year 5";
  const int64_t now = 1767225600;  // 2026-01-01
  EXPECT_TRUE(person_problems(p, now).empty());

  Person bad = p;
  bad.given_name = " ";
  bad.email = "not-an-email";
  bad.date_of_birth = "2027-01-01";
  bad.year_group.reset();
  auto problems = person_problems(bad, now);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_NE(problems[0].find("given name"), std::string::npos);
  EXPECT_NE(problems[1].find("email"), std::string::npos);
  EXPECT_NE(problems[2].find("future"), std::string::npos);
  EXPECT_NE(problems[3].find("year group"), std::string::npos);

  Person staff;
  staff.given_name = "Ruth";
  staff.family_name = "Okafor";
  staff.competent_to_consent = true;
  auto s = person_problems(staff, now);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0].find("Only a pupil"), std::string::npos);
}

}  // namespace
}  // namespace inloco

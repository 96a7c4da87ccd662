// REQ IAM-1: strong password rules (length first, no common, patterned or personal passwords).
#include "auth/password_policy.h"

#include <gtest/gtest.h>

#include "auth/common_passwords.h"

namespace inloco {
namespace {

const std::vector<std::string> kPersonal = {"rokafor", "Ruth", "Okafor", "",
                                            "Oakfield Primary School"};

std::string refusal(std::string_view password) {
  Status s = check_new_password(password, kPersonal);
  return s.ok() ? "" : s.error().message;
}

TEST(PasswordPolicyTest, ThreeRandomWordsPass) {
  EXPECT_EQ(refusal("kettle marble windmill"), "");
  EXPECT_EQ(refusal("CarrotTrumpetGlacier7"), "");
  EXPECT_EQ(refusal("Tr0ub4dor&3 horse"), "");
}

TEST(PasswordPolicyTest, TooShortSaysHowLong) {
  Status s = check_new_password("kettle12!", kPersonal);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
  EXPECT_NE(s.error().message.find("at least 12 characters: this one has 9"), std::string::npos)
      << s.error().message;
}

TEST(PasswordPolicyTest, LengthCountsCharactersNotBytes) {
  // 11 characters but 22 bytes: too short.
  EXPECT_NE(refusal("ééééé ççççç").find("this one has 11"), std::string::npos);
  // 12 characters of mixed scripts: long enough and otherwise fine.
  EXPECT_EQ(refusal("café crème ü"), "");
}

TEST(PasswordPolicyTest, TooLongIsRefused) {
  std::string words;
  while (words.size() < 300) words += "kettle marble ";
  EXPECT_NE(refusal(words).find("at most 256 characters"), std::string::npos);
  EXPECT_EQ(refusal(words.substr(0, 256)), "");
}

TEST(PasswordPolicyTest, InvalidUtf8IsRefused) {
  EXPECT_NE(refusal("kettle marble \xff\xfe").find("could not be read"), std::string::npos);
  EXPECT_NE(refusal("kettle marble \xc3").find("could not be read"), std::string::npos);
  EXPECT_NE(refusal("kettle marble \xc0\xaf").find("could not be read"), std::string::npos);
}

TEST(PasswordPolicyTest, CommonPasswordsAreRefusedWithVariants) {
  const std::string common = "one of the most commonly used";
  for (const char* p :
       {"Password1234!", "password1234", "PASSWORD!!!!", "P@ssw0rd2024!", "Summer2025!!",
        "liverpool1892", "Headteacher123", "  letmein 12345", "2024classroom!", "iloveyou1234",
        "Correct Horse Battery Staple", "qwerty123456", "Teacher12345", "Welcome2026!"}) {
    EXPECT_NE(refusal(p).find(common), std::string::npos) << p << ": " << refusal(p);
  }
}

TEST(PasswordPolicyTest, RepeatsAndRunsAreRefused) {
  EXPECT_NE(refusal("aaaaaaaaaaaa").find("one character repeated"), std::string::npos);
  EXPECT_NE(refusal("abababababab").find("repeats a short pattern"), std::string::npos);
  EXPECT_NE(refusal("abcabcabcabc").find("repeats a short pattern"), std::string::npos);
  for (const char* p : {"123456789012", "qwertyuiopas", "abcdefghijkl", "zyxwvutsrqpo",
                        "098765432109", "QWERTYUIOPAS", "1234567890qwe", "1qaz2wsx3edc"}) {
    EXPECT_NE(refusal(p).find("run of keys"), std::string::npos) << p << ": " << refusal(p);
  }
}

TEST(PasswordPolicyTest, PersonalWordsAreRefused) {
  std::string m = refusal("okafor-kettle-marble");
  EXPECT_NE(m.find("\"okafor\""), std::string::npos) << m;
  EXPECT_NE(refusal("marble RUTH kettle").find("\"ruth\""), std::string::npos);
  EXPECT_NE(refusal("kettle oakfield 99").find("\"oakfield\""), std::string::npos);
  EXPECT_NE(refusal("rokafor kettle marble").find("okafor"), std::string::npos);
  EXPECT_NE(refusal("0akf1eld marble kettle").find("\"oakfield\""), std::string::npos);
  // Words shorter than four letters are not personal words.
  EXPECT_EQ(check_new_password("kettle ann marble", {"Ann"}).ok(), true);
}

TEST(PasswordPolicyTest, MessagesNeverRepeatThePassword) {
  for (const char* p : {"Password1234!", "aaaaaaaaaaaa", "kettle12!", "okafor-kettle-marble"}) {
    std::string m = refusal(p);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.find(p), std::string::npos) << m;
  }
}

TEST(PasswordPolicyTest, CommonListIsLargeAndLowerCase) {
  auto list = common_passwords();
  EXPECT_GE(list.size(), 300u);
  for (std::string_view p : list) {
    EXPECT_FALSE(p.empty());
    for (char c : p) EXPECT_FALSE(c >= 'A' && c <= 'Z') << p;
  }
}

}  // namespace
}  // namespace inloco

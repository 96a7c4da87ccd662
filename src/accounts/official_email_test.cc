// REQ ACC-4: each account is linked to an official school email address, not a personal one.
#include "accounts/official_email.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(OfficialEmailTest, PersonalWebmailDomainsAreRecognised) {
  for (const char* d : {"gmail.com", "GMAIL.com", "hotmail.co.uk", "hotmail.com", "outlook.com",
                        "yahoo.co.uk", "yahoo.com", "icloud.com", "btinternet.com", "live.co.uk"})
    EXPECT_TRUE(is_personal_webmail_domain(d)) << d;
  for (const char* d :
       {"oakfield.sch.uk", "brookfield.example.org", "school.org.uk", "mail.oakfield.sch.uk"})
    EXPECT_FALSE(is_personal_webmail_domain(d)) << d;
}

TEST(OfficialEmailTest, NormalisesSchoolAddressesAndRefusesOthersSayingWhy) {
  EXPECT_EQ(*normalise_official_email("  Office@Oakfield.SCH.uk "), "Office@oakfield.sch.uk");
  auto personal = normalise_official_email("oakfield.pta@Gmail.com");
  ASSERT_FALSE(personal.ok());
  EXPECT_EQ(personal.error().code, ErrorCode::kInvalid);
  EXPECT_NE(personal.error().message.find("personal email address (gmail.com)"), std::string::npos);
  auto bad = normalise_official_email("office at oakfield");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("does not look like an email address"), std::string::npos);
}

}  // namespace
}  // namespace inloco

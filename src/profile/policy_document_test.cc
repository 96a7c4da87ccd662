// REQ RPT-3: the policy document is written from the profile, so a changed
// rule changes the sentence that states it; it carries the version, adoption
// and review dates (TRN-3).
#include "profile/policy_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/shipped_profiles.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string text_of(const PolicyProfile& p, const std::string& school = "Elm Primary School") {
  return policy_document_text(policy_document(p, school), 0);
}

TEST(PolicyDocumentTest, VersionAdoptionAndReviewDates) {
  PolicyProfile p;
  p.name = "Elm Primary School social media policy";
  p.meta.version = "3.0";
  p.meta.adopted = CalendarDate{2025, 1, 15};
  p.meta.committee = "Full governing board";
  p.meta.minute = "12/25";
  p.meta.last_review = CalendarDate{2025, 1, 10};
  p.meta.next_review = CalendarDate{2026, 1, 10};
  PolicyDocument d = policy_document(p, "Elm Primary School");
  EXPECT_EQ(d.title, "Elm Primary School social media policy");
  EXPECT_EQ(
      d.version_line,
      "Version 3.0. Adopted 15 January 2025. Last reviewed 10 January 2025. Next review due by 10 "
      "January 2026.");
  std::string text = text_of(p);
  EXPECT_THAT(text,
              HasSubstr("Version 3.0 was adopted on 15 January 2025 by the Full governing board "
                        "(minute 12/25)."));
  EXPECT_THAT(text, HasSubstr("The next review is due by 10 January 2026."));
  EXPECT_EQ(policy_document(PolicyProfile{}, "Elm").version_line, "Version 1.0. Not yet adopted.");
}

TEST(PolicyDocumentTest, ChangingARuleChangesTheDocument) {
  PolicyProfile before;
  PolicyProfile after = before;
  after.accounts.max_admins = 2;
  after.posts.approvers = {Role::kSocialMediaLead};
  after.training.staff_months = 4;
  after.consent.removal_within_days = 2;
  after.filter.circumvention = CircumventionSanction::kSupervisedUseOnly;
  std::string a = text_of(before), b = text_of(after);
  EXPECT_THAT(a, HasSubstr("No more than three people hold administrator access"));
  EXPECT_THAT(b, HasSubstr("No more than two people hold administrator access"));
  EXPECT_THAT(
      a,
      HasSubstr("approved before it is published, by the headteacher or the deputy headteacher."));
  EXPECT_THAT(b, HasSubstr("approved before it is published, by the social media lead."));
  EXPECT_THAT(a, HasSubstr("when they join and then every year"));
  EXPECT_THAT(b, HasSubstr("when they join and then every term"));
  EXPECT_THAT(b, HasSubstr("taken down within two days"));
  EXPECT_THAT(b, HasSubstr("only under close supervision"));
  EXPECT_THAT(a, Not(HasSubstr("only under close supervision")));
}

// REQ NET-6, RPT-3: the document says when the network refuses someone and
// who can lift it, from the profile's threshold.
TEST(PolicyDocumentTest, TheCircumventionThresholdIsStated) {
  PolicyProfile p;
  p.filter.circumvention = CircumventionSanction::kSupervisedUseOnly;
  EXPECT_THAT(text_of(p), HasSubstr("tries to get round the filter three times within seven days "
                                    "may then use school computers only under close supervision, "
                                    "until the ICT technician or the designated safeguarding lead "
                                    "lift that."));
  p.filter.circumvention = CircumventionSanction::kRemoveInternetAccess;
  p.filter.circumvention_threshold = 1;
  p.filter.circumvention_window_days = 30;
  p.filter.monitoring_reports_to = {Role::kDsl};
  EXPECT_THAT(text_of(p), HasSubstr("tries to get round the filter once within 30 days, or uses "
                                    "social media inappropriately at school, may lose internet "
                                    "access at school until the designated safeguarding lead "
                                    "restores it."));
}

TEST(PolicyDocumentTest, CheckActionsAreStated) {
  PolicyProfile p;
  std::string text = text_of(p);
  EXPECT_THAT(
      text,
      HasSubstr(
          "Political opinions or taking sides in a political debate: held for the approver."));
  p.posts.checks["political"] = CheckAction::kRefuse;
  EXPECT_THAT(text_of(p),
              HasSubstr("Political opinions or taking sides in a political debate: stopped."));
}

TEST(PolicyDocumentTest, NoOfficialAccounts) {
  PolicyProfile p;
  p.accounts.official_accounts_allowed = false;
  p.accounts.affiliated_channels_allowed = false;
  std::string text = text_of(p);
  EXPECT_THAT(text,
              HasSubstr("Elm Primary School does not run any official social media accounts."));
  EXPECT_THAT(text, Not(HasSubstr("What we post")));
  EXPECT_THAT(text, Not(HasSubstr("administrator access")));
}

TEST(PolicyDocumentTest, UsesTheSchoolsOwnTitles) {
  PolicyProfile p;
  p.titles["headteacher"] = "Principal";
  std::string text = text_of(p);
  EXPECT_THAT(text, HasSubstr("About a member of staff: the Principal."));
  EXPECT_THAT(text, Not(HasSubstr("the headteacher")));
}

TEST(PolicyDocumentTest, FilterWindowsAreWrittenOut) {
  PolicyProfile p;
  std::string text = text_of(p);
  EXPECT_THAT(text, HasSubstr("Pupils: every social media site is blocked at all times."));
  EXPECT_THAT(
      text, HasSubstr("Staff: every social media site is blocked during lessons (Monday to Friday, "
                      "09:00 to 12:00 and 13:00 to 15:15)."));
}

TEST(PolicyDocumentTest, TerminalTextIsWrapped) {
  std::string text = policy_document_text(policy_document(PolicyProfile{}, "Elm Primary School"));
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    EXPECT_LE(end - start, 78u) << text.substr(start, end - start);
    start = end + 1;
  }
  EXPECT_THAT(text, HasSubstr("Social media policy\n===================\n"));
}

TEST(PolicyDocumentTest, EveryShippedProfileWritesADocument) {
  for (const ShippedProfile& s : shipped_profiles()) {
    auto p = load_shipped_profile(s.key);
    ASSERT_TRUE(p.ok()) << s.key;
    PolicyDocument d = policy_document(*p, "A school");
    EXPECT_GE(d.sections.size(), 10u) << s.key;
    for (const PolicySection& sec : d.sections) {
      EXPECT_FALSE(sec.heading.empty());
      for (const std::string& para : sec.paragraphs)
        EXPECT_THAT(para, Not(HasSubstr("(no one named)"))) << s.key;
    }
  }
}

TEST(PolicyDocumentTest, LongDate) {
  EXPECT_EQ(long_date("2021-05-04"), "4 May 2021");
  EXPECT_EQ(long_date("not a date"), "not a date");
}

}  // namespace
}  // namespace inloco

// REQ TRN-3, ACC-2, TRN-1: `inloco profile check` reports every problem in a
// profile as FILE:LINE: key: message, so a headteacher can put each right.
#include "profile/profile_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/stored_dates.h"

namespace inloco {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// The problem lines of a profile that must not load.
std::vector<std::string> problems(const std::string& toml,
                                  const std::string& file = "school.toml") {
  auto p = load_profile(toml, file);
  EXPECT_FALSE(p.ok()) << "expected problems in:\n" << toml;
  if (p.ok()) return {};
  EXPECT_EQ(p.error().code, ErrorCode::kInvalid);
  return p.error().details;
}

TEST(ProfileLoaderTest, EmptyFileIsTheDefaultProfile) {
  auto p = load_profile("", "policies/elm_primary.toml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->key, "elm_primary");  // the file stem
  EXPECT_EQ(p->accounts.max_admins, 3);
  EXPECT_EQ(p->posts.approvers, (std::vector<Role>{Role::kHeadteacher, Role::kDeputyHeadteacher}));
  EXPECT_FALSE(p->posts.author_may_approve);
  EXPECT_EQ(p->filter.groups.size(), 3u);
}

TEST(ProfileLoaderTest, ReadsEveryKindOfValue) {
  auto p = load_profile(R"(
[policy]
name = "Elm Primary School social media policy"
adopted = 2024-09-01
next_review = "2025-09-01"
approved_by = ["the chair of governors"]

[titles]
headteacher = "Principal"

[accounts]
max_admins = 2
official_accounts_allowed = false
platforms = ["facebook", "youtube"]

[posts]
approvers = ["social_media_lead"]

[posts.checks]
political = "refuse"

[moderation]
offensive_comments = "hide_and_block"

[filter.windows.lunch]
label = "Lunch"
times = ["mon-fri 12:00-13:00", "sat 10:00-11:30"]

[filter.groups.pupils.blocked_during]
lunch = ["tiktok"]

[retention]
comments = "created + 18 months"
)",
                        "elm.toml");
  ASSERT_TRUE(p.ok()) << p.error().message << "\n" << ::testing::PrintToString(p.error().details);
  EXPECT_EQ(p->name, "Elm Primary School social media policy");
  EXPECT_EQ(optional_iso(p->meta.adopted), "2024-09-01");      // a TOML date
  EXPECT_EQ(optional_iso(p->meta.next_review), "2025-09-01");  // a date in quotes
  EXPECT_EQ(p->titles.at("headteacher"), "Principal");
  EXPECT_EQ(role_title(*p, Role::kHeadteacher), "Principal");
  EXPECT_EQ(p->accounts.max_admins, 2);
  EXPECT_FALSE(p->accounts.official_accounts_allowed);
  EXPECT_EQ(p->accounts.platforms, (std::vector<std::string>{"facebook", "youtube"}));
  EXPECT_EQ(p->posts.approvers, std::vector<Role>{Role::kSocialMediaLead});
  EXPECT_EQ(p->posts.action_for("political"), CheckAction::kRefuse);
  EXPECT_EQ(p->posts.action_for("personal_opinion"), CheckAction::kReview);  // default kept
  EXPECT_EQ(p->moderation.offensive_comments, CommentAction::kHideAndBlock);
  const TimeWindow& lunch = p->filter.windows.at("lunch");
  ASSERT_EQ(lunch.times.size(), 2u);
  EXPECT_EQ(lunch.times[0].text(), "mon-fri 12:00-13:00");
  EXPECT_EQ(lunch.times[1].text(), "sat 10:00-11:30");
  // Named entries add to the defaults: pupils keep their members and blocks.
  const FilterGroup& pupils = p->filter.groups.at("pupils");
  EXPECT_EQ(pupils.members, std::vector<std::string>{"pupil"});
  EXPECT_EQ(pupils.blocked, std::vector<std::string>{"all"});
  EXPECT_EQ(pupils.blocked_during.at("lunch"), std::vector<std::string>{"tiktok"});
  EXPECT_TRUE(p->filter.windows.count("lessons"));
  EXPECT_EQ(p->retention.at("comments").months, 18);
  EXPECT_EQ(p->retention.at("comments").from, RetentionFrom::kCreated);
}

TEST(ProfileLoaderTest, UnknownKeySuggestsTheNearestKnownKey) {
  EXPECT_THAT(
      problems("[accounts]\nmax_admin = 2\n"),
      ElementsAre("school.toml:2: accounts.max_admin: is not a setting inloco knows; did you "
                  "mean 'max_admins'?"));
  EXPECT_THAT(problems("\n[acounts]\nmax_admins = 2\n"),
              ElementsAre("school.toml:2: acounts: is not a section inloco knows; did you mean "
                          "'accounts'?"));
}

TEST(ProfileLoaderTest, UnknownKeyWithNothingNearListsTheKnownKeys) {
  auto lines = problems("[review]\nfrequency = 12\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0],
            "school.toml:2: review.frequency: is not a setting inloco knows; the settings of "
            "[review] are: every_months, remind_days_before, body, after_incidents");
}

TEST(ProfileLoaderTest, WrongTypesSayWhatIsExpected) {
  EXPECT_THAT(
      problems("[accounts]\nmax_admins = \"3\"\nofficial_accounts_allowed = \"yes\"\n"
               "account_approvers = \"headteacher\"\n"),
      ElementsAre(
          "school.toml:2: accounts.max_admins: should be a whole number, such as 1, not text",
          "school.toml:3: accounts.official_accounts_allowed: should be true or false, not text",
          "school.toml:4: accounts.account_approvers: should be a list in square brackets, "
          "such as [\"headteacher\"], not text"));
  EXPECT_THAT(
      problems("accounts = 3\n"),
      ElementsAre("school.toml:1: accounts: should be a section of settings ([accounts]), not a "
                  "whole number"));
}

TEST(ProfileLoaderTest, UnknownRoleListsTheValidOnes) {
  auto lines = problems("[posts]\napprovers = [\n  \"headteacher\",\n  \"head_teacher\",\n]\n");
  ASSERT_EQ(lines.size(), 1u);
  // The element's own line, with the suggestion and every valid role.
  EXPECT_THAT(lines[0],
              HasSubstr("school.toml:4: posts.approvers: 'head_teacher' is not a role inloco "
                        "knows; did you mean 'headteacher'? The roles are: headteacher, "
                        "deputy_headteacher, dsl, deputy_dsl, social_media_lead,"));
  EXPECT_THAT(lines[0], HasSubstr("pta_chair, staff, volunteer, office_manager"));
}

TEST(ProfileLoaderTest, UnknownSiteObjectiveCheckAndUse) {
  auto lines = problems(R"([accounts]
platforms = ["facebok"]
[posts]
objectives = ["gossip"]
[posts.checks]
spelling = "review"
[consent]
uses = ["images_websit"]
[consent.custom_uses]
images_website = "photographs on the school website"
)");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_THAT(lines[0],
              HasSubstr("school.toml:2: accounts.platforms: 'facebok' is not a site inloco "
                        "knows; did you mean 'facebook'? The sites are: facebook,"));
  EXPECT_THAT(lines[1],
              HasSubstr("school.toml:4: posts.objectives: 'gossip' is not a post objective "
                        "inloco knows. The post objectives are: event_reminder, good_news,"));
  EXPECT_THAT(lines[2],
              HasSubstr("school.toml:6: posts.checks.spelling: is not a setting inloco knows"));
  EXPECT_EQ(lines[3],
            "school.toml:8: consent.uses: 'images_websit' is not a consent use; did you mean "
            "'images_website'? Built-in uses: images_school_accounts, videos_school_accounts; add "
            "others under [consent.custom_uses]");
}

TEST(ProfileLoaderTest, ACustomConsentUseCanBeListed) {
  auto p = load_profile(
      "[consent]\nuses = [\"images_school_accounts\", \"images_website\"]\n"
      "[consent.custom_uses]\nimages_website = \"photographs on the school website\"\n",
      "x.toml");
  ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
  EXPECT_EQ(p->consent.custom_uses.at("images_website"), "photographs on the school website");
}

TEST(ProfileLoaderTest, BadDates) {
  EXPECT_THAT(problems("[policy]\nadopted = \"4 May 2021\"\nlast_review = \"2021-02-30\"\n"),
              ::testing::SizeIs(2));
  // A TOML date that cannot exist is a syntax error of TOML itself.
  EXPECT_THAT(problems("[policy]\nnext_review = 2021-13-01\n"),
              ElementsAre(HasSubstr("school.toml:2: syntax: this is not valid TOML:")));
  EXPECT_THAT(problems("[policy]\nadopted = \"4 May 2021\"\n"),
              ElementsAre("school.toml:2: policy.adopted: '4 May 2021' is not a date; write it as "
                          "YYYY-MM-DD, such as 2025-07-01"));
  EXPECT_THAT(
      problems("[policy]\nlast_review = \"2021-02-30\"\n"),
      ElementsAre("school.toml:2: policy.last_review: '2021-02-30' is not a date; write it as "
                  "YYYY-MM-DD, such as 2025-07-01 (that day does not exist)"));
}

TEST(ProfileLoaderTest, NextReviewBeforeLastReview) {
  // REQ TRN-3: a next-review date before the last review is refused.
  EXPECT_THAT(
      problems("[policy]\nlast_review = 2021-05-04\nnext_review = 2021-03-01\n", "djs.toml"),
      ElementsAre("djs.toml:3: policy.next_review: the next review (1 March 2021) is before the "
                  "last review (4 May 2021); set it after the last review"));
}

TEST(ProfileLoaderTest, CadencesOfZeroOrLessAndTooFewAdmins) {
  EXPECT_THAT(
      problems("[training]\nstaff_months = 0\npupils_months = -4\n[review]\nevery_months = 0\n"
               "[accounts]\nmax_admins = 0\naccess_review_months = -1\n"),
      ElementsAre("school.toml:2: training.staff_months: must be a whole number from 1 to 36 "
                  "(months), not 0",
                  "school.toml:3: training.pupils_months: must be a whole number from 1 to 36 "
                  "(months), not -4",
                  "school.toml:5: review.every_months: must be a whole number from 1 to 36 "
                  "(months), not 0",
                  "school.toml:7: accounts.max_admins: must be a whole number from 1 to 20 "
                  "(people), not 0",
                  "school.toml:8: accounts.access_review_months: must be a whole number from 1 "
                  "to 24 (months), not -1"));
}

TEST(ProfileLoaderTest, SyntaxErrorGivesItsLine) {
  auto lines = problems("[policy]\nname = \"Elm\"\nversion = 2.1.3\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr("school.toml:3: syntax: this is not valid TOML: "));
}

TEST(ProfileLoaderTest, ChoicesTimesAndRetention) {
  EXPECT_THAT(
      problems("[moderation]\noffensive_comments = \"hide_and_blok\"\n"),
      ElementsAre(
          "school.toml:2: moderation.offensive_comments: 'hide_and_blok' is not allowed "
          "here; did you mean 'hide_and_block'? Choose one of: review, hide, hide_and_block"));
  EXPECT_THAT(
      problems("[filter.windows.lessons]\ntimes = [\"weekdays 09:00-12:00\"]\n"),
      ElementsAre("school.toml:2: filter.windows.lessons.times: 'weekdays' is not a day: use mon, "
                  "tue, wed, thu, fri, sat, sun. Write it like \"mon-fri 09:00-12:00\"."));
  EXPECT_THAT(
      problems("[filter.windows.lessons]\ntimes = [\"mon-fri 12:00-12:00\"]\n"),
      ElementsAre("school.toml:2: filter.windows.lessons.times: '12:00-12:00' starts and ends at "
                  "the same time."));
  EXPECT_THAT(
      problems("[retention]\nposts = \"6 years\"\n"),
      ElementsAre("school.toml:2: retention.posts: '6 years' needs a starting point and a length. "
                  "Write it like \"date_of_birth + 25 years\" or \"created + 18 months\"."));
}

TEST(ProfileLoaderTest, DuplicatesAndBadNames) {
  EXPECT_THAT(problems("[posts]\napprovers = [\"dsl\", \"dsl\"]\n"),
              ElementsAre("school.toml:2: posts.approvers: 'dsl' is listed twice"));
  EXPECT_THAT(problems("[filter.groups.\"Year 6\"]\nlabel = \"Year 6\"\nmembers = [\"pupil\"]\n"),
              ElementsAre("school.toml:1: filter.groups.Year 6: names may use only a-z, 0-9 and _, "
                          "starting with a letter"));
  EXPECT_THAT(
      problems("[titles]\nheadteachr = \"Principal\"\n"),
      ElementsAre(HasSubstr("school.toml:2: titles.headteachr: 'headteachr' is not a role inloco "
                            "knows; did you mean 'headteacher'? The roles are: headteacher,")));
}

TEST(ProfileLoaderTest, EveryProblemIsReportedInFileOrder) {
  auto p = load_profile(R"([policy]
last_review = 2024-05-01
next_review = 2024-03-01

[accounts]
max_admins = 0
max_admin = 2

[posts]
approvers = ["head"]

[training]
parents_months = 0
)",
                        "policies/elm.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message,
            "policies/elm.toml is not a valid policy profile: 5 problems to put right.");
  ASSERT_EQ(p.error().details.size(), 5u);
  EXPECT_THAT(p.error().details[0], HasSubstr("policies/elm.toml:3: policy.next_review:"));
  EXPECT_THAT(p.error().details[1], HasSubstr("policies/elm.toml:6: accounts.max_admins:"));
  EXPECT_THAT(p.error().details[2], HasSubstr("policies/elm.toml:7: accounts.max_admin:"));
  EXPECT_THAT(p.error().details[3], HasSubstr("policies/elm.toml:10: posts.approvers:"));
  EXPECT_THAT(p.error().details[4], HasSubstr("policies/elm.toml:13: training.parents_months:"));
}

TEST(ProfileLoaderTest, MissingFileIsNotFound) {
  auto p = load_profile_file("/nonexistent/profile.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kNotFound);
}

TEST(ProfileLoaderTest, ReadsTheFilterPolicyKeys) {
  // REQ NET-1, NET-2, NET-7, LAW-8: groups by user and address, blocked
  // categories, age, locked categories, age limits, the default group.
  auto p = load_profile(R"(
[filter]
locked_categories = ["adult", "iwf"]
default_group = "guests"

[filter.age_limits]
tiktok = 16

[filter.windows.evening]
label = "Evening"
times = ["mon-fri 22:00-06:00"]

[filter.groups.sixth_form]
label = "Sixth form"
users = ["jsmith", "a.khan@school.example"]
sources = ["10.20.0.0/16", "2001:db8:20::/48"]
blocked_categories = ["gambling", "residential-proxies"]
age = 16

[filter.groups.sixth_form.blocked_categories_during]
evening = ["games"]
)",
                        "school.toml");
  ASSERT_TRUE(p.ok()) << ::testing::PrintToString(p.error().details);
  EXPECT_EQ(p->filter.locked_categories, (std::vector<std::string>{"adult", "iwf"}));
  EXPECT_EQ(p->filter.default_group, "guests");
  EXPECT_EQ(p->filter.age_limits.at("tiktok"), 16);
  const FilterGroup& g = p->filter.groups.at("sixth_form");
  EXPECT_TRUE(g.members.empty());  // users and sources are enough
  EXPECT_EQ(g.users, (std::vector<std::string>{"jsmith", "a.khan@school.example"}));
  EXPECT_EQ(g.sources, (std::vector<std::string>{"10.20.0.0/16", "2001:db8:20::/48"}));
  EXPECT_EQ(g.blocked_categories, (std::vector<std::string>{"gambling", "residential-proxies"}));
  EXPECT_EQ(g.blocked_categories_during.at("evening"), std::vector<std::string>{"games"});
  EXPECT_EQ(g.age, 16);
  // The defaults: pupils keep their categories; adult, malware and phishing are locked.
  EXPECT_FALSE(p->filter.groups.at("pupils").blocked_categories.empty());
  EXPECT_EQ(PolicyProfile{}.filter.locked_categories,
            (std::vector<std::string>{"adult", "malware", "phishing"}));
}

TEST(ProfileLoaderTest, FilterPolicyProblemsSayFileLineAndKey) {
  EXPECT_THAT(
      problems("[filter.groups.pupils]\nsources = [\"10.20.1.0/16\", \"10.300.0.0/16\", "
               "\"10.0.0.0/33\"]\n"),
      ElementsAre("school.toml:2: filter.groups.pupils.sources: '10.20.1.0/16' has bits set past "
                  "its first 16; did you mean '10.20.0.0/16'?",
                  "school.toml:2: filter.groups.pupils.sources: '10.300.0.0/16' is not an IPv4 or "
                  "IPv6 address range. Write an address range like \"10.20.0.0/16\" or "
                  "\"2001:db8::/32\".",
                  "school.toml:2: filter.groups.pupils.sources: '10.0.0.0/33' needs a prefix "
                  "length from 0 to 32 after the /. Write an address range like \"10.20.0.0/16\" "
                  "or \"2001:db8::/32\"."));
  EXPECT_THAT(problems("[filter.groups.pupils]\nusers = [\"j smith\", \"\"]\n"
                       "blocked_categories = [\"gambling\", \"gambling\"]\n"),
              ElementsAre("school.toml:2: filter.groups.pupils.users: 'j smith' is not a user "
                          "name: it may not hold spaces",
                          "school.toml:2: filter.groups.pupils.users: '' is not a user name: it is "
                          "empty",
                          "school.toml:3: filter.groups.pupils.blocked_categories: 'gambling' is "
                          "listed twice"));
  EXPECT_THAT(problems("[filter]\nlocked_categories = [\" \"]\n"),
              ElementsAre("school.toml:2: filter.locked_categories: ' ' is not a category: it "
                          "may not hold spaces"));
  EXPECT_THAT(problems("[filter.groups.pupils]\nage = 120\n"),
              ElementsAre("school.toml:2: filter.groups.pupils.age: must be a whole number from 0 "
                          "to 99 (years), not 120"));
  EXPECT_THAT(problems("[filter.age_limits]\ntiktk = 13\n"),
              ElementsAre(HasSubstr("school.toml:2: filter.age_limits.tiktk: 'tiktk' is not a "
                                    "site inloco knows; did you mean 'tiktok'?")));
}

}  // namespace
}  // namespace inloco

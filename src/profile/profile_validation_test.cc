// The rules between settings (REQ TRN-3, INC-3, NET-2, LAW-6, ACC-3, ACC-9).
#include "profile/profile_validation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "profile/profile_loader.h"

namespace inloco {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> problems(const std::string& toml) {
  auto p = load_profile(toml, "p.toml");
  if (p.ok()) return {};
  return p.error().details;
}

TEST(ProfileValidationTest, DefaultsAreValid) {
  EXPECT_THAT(validate_profile(PolicyProfile{}), ElementsAre());
}

TEST(ProfileValidationTest, ProblemsWithoutALineOmitIt) {
  PolicyProfile p;
  p.concerns.routing.headteacher = {Role::kHeadteacher};
  auto found = validate_profile(p);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 0);
  EXPECT_EQ(
      format_problem("x.toml", found[0]),
      "x.toml: concerns.routing.headteacher: a concern about the headteacher cannot go to the "
      "headteacher; route it to the chair of governors");
}

TEST(ProfileValidationTest, DutiesGoOnlyToRolesThatCanDoThem) {
  EXPECT_THAT(
      problems("[posts]\napprovers = [\"headteacher\", \"governor\"]\n"
               "device_approvers = [\"pta_chair\"]\n"),
      ElementsAre(
          HasSubstr("p.toml:2: posts.approvers: governor cannot approve posts before they are "
                    "published; choose from headteacher"),
          HasSubstr("p.toml:3: posts.device_approvers: pta_chair cannot approve and retire")));
}

TEST(ProfileValidationTest, NextReviewBeforeAdoption) {
  EXPECT_THAT(
      problems("[policy]\nadopted = 2024-09-01\nnext_review = 2024-07-01\n"),
      ElementsAre(
          "p.toml:3: policy.next_review: the next review (1 July 2024) is before the policy "
          "was adopted (1 September 2024); set it after the adoption"));
}

TEST(ProfileValidationTest, NextReviewLaterThanTheCadenceAllows) {
  EXPECT_THAT(
      problems("[policy]\nlast_review = 2024-09-01\nnext_review = 2026-09-01\n"),
      ElementsAre(
          "p.toml:3: policy.next_review: the next review (1 September 2026) is more than 12 "
          "months after the last review, but [review] every_months says the policy is "
          "reviewed every 12 months"));
  // A month's grace for the meeting date, and a longer cadence allows more.
  EXPECT_THAT(problems("[policy]\nlast_review = 2024-09-01\nnext_review = 2025-10-01\n"),
              ElementsAre());
  EXPECT_THAT(problems("[policy]\nlast_review = 2024-09-01\nnext_review = "
                       "2026-09-01\n[review]\nevery_months = 24\n"),
              ElementsAre());
}

TEST(ProfileValidationTest, SomebodyMustHoldEachDuty) {
  EXPECT_THAT(
      problems("[accounts]\naccount_approvers = []\n"),
      ElementsAre("p.toml:2: accounts.account_approvers: names no one, but the school may run "
                  "official accounts: name at least one role"));
  // With no official accounts nobody needs to approve them.
  EXPECT_THAT(problems("[accounts]\nofficial_accounts_allowed = false\naccount_approvers = []\n"),
              ElementsAre());
  EXPECT_THAT(problems("[accounts]\naffiliated_checkers = []\n"),
              ElementsAre(HasSubstr("p.toml:2: accounts.affiliated_checkers: names no one")));
  EXPECT_THAT(problems("[posts]\napprovers = []\n"),
              ElementsAre(HasSubstr("p.toml:2: posts.approvers: names no one")));
  EXPECT_THAT(problems("[filter]\nunblock_approvers = []\n"),
              ElementsAre(HasSubstr("p.toml:2: filter.unblock_approvers: names no one")));
  EXPECT_THAT(problems("[moderation]\nvet_follow_requests = true\nfollow_request_vetters = []\n"),
              ElementsAre(HasSubstr("p.toml:3: moderation.follow_request_vetters: names no one")));
  EXPECT_THAT(
      problems("[staff]\npersonal_contact = \"with_approval\"\npersonal_contact_approvers = []\n"),
      ElementsAre(HasSubstr("p.toml:3: staff.personal_contact_approvers: names no one")));
}

TEST(ProfileValidationTest, ConcernAboutTheHeadteacherGoesElsewhere) {
  // REQ INC-3, LAW-3
  EXPECT_THAT(
      problems("[concerns.routing]\nheadteacher = [\"headteacher\", \"chair_of_governors\"]\n"),
      ElementsAre(
          HasSubstr("p.toml:2: concerns.routing.headteacher: a concern about the headteacher "
                    "cannot go to the headteacher")));
}

TEST(ProfileValidationTest, CriminalTypesMustBeTypes) {
  EXPECT_THAT(
      problems("[concerns]\ntypes = [\"cyberbullying\"]\ncriminal_types = [\"hacking\"]\n"),
      ElementsAre(
          "p.toml:3: concerns.criminal_types: 'hacking' is not one of concerns.types; add it "
          "there too"));
}

TEST(ProfileValidationTest, FilterWindowsAndGroups) {
  // REQ NET-2: a group is blocked during a window the profile defines.
  EXPECT_THAT(
      problems("[filter.groups.staff.blocked_during]\ndirected = [\"all\"]\n"),
      ElementsAre(
          "p.toml:2: filter.groups.staff.blocked_during.directed: 'directed' is not a window "
          "defined under [filter.windows]. Windows: directed_time, lessons"));
  EXPECT_THAT(
      problems("[filter.groups.sixth_form]\nlabel = \"Sixth form\"\nmembers = [\"pupil\"]\n"),
      ElementsAre("p.toml:3: filter.groups.sixth_form.members: 'pupil' is already in the group "
                  "'pupils'; each kind of person belongs to one group"));
  EXPECT_THAT(
      problems("[filter.groups.visitors]\nlabel = \"Visitors\"\n"),
      ElementsAre("p.toml:1: filter.groups.visitors.members: names no one, so the group's rules "
                  "would apply to no one"));
  EXPECT_THAT(
      problems("[filter.windows.lunch]\nlabel = \"Lunch\"\n"),
      ElementsAre(
          "p.toml:1: filter.windows.lunch.times: gives no times, so the window never applies"));
}

TEST(ProfileValidationTest, FilterPolicyRulesHoldTogether) {
  // REQ NET-2: a user belongs to one group; windows and the default group exist.
  EXPECT_THAT(problems("[filter.groups.pupils]\nusers = [\"jsmith\"]\n\n[filter.groups.staff]\n"
                       "users = [\"jsmith\"]\n"),
              ElementsAre("p.toml:5: filter.groups.staff.users: 'jsmith' is already in the group "
                          "'pupils'; each user belongs to one group"));
  EXPECT_THAT(
      problems("[filter.groups.staff.blocked_categories_during]\nlesons = [\"games\"]\n"),
      ElementsAre("p.toml:2: filter.groups.staff.blocked_categories_during.lesons: 'lesons' is "
                  "not a window defined under [filter.windows]; did you mean 'lessons'? "
                  "Windows: directed_time, lessons"));
  EXPECT_THAT(problems("[filter]\ndefault_group = \"pupil\"\n"),
              ElementsAre("p.toml:2: filter.default_group: 'pupil' is not a group defined under "
                          "[filter.groups]; did you mean 'pupils'?"));
  EXPECT_THAT(problems("[filter.age_limits]\nall = 13\n"),
              ElementsAre(HasSubstr("p.toml:2: filter.age_limits.all: 'all' is not one site")));
  // A group of addresses only is a group of someone.
  EXPECT_THAT(problems("[filter.groups.library]\nlabel = \"Library\"\n"
                       "sources = [\"192.168.1.0/24\"]\n"),
              ElementsAre());
}

TEST(ProfileValidationTest, CircumventionThresholdAndWindow) {
  // REQ NET-6: the sanction follows a number of attempts within a number of days.
  EXPECT_THAT(problems("[filter]\ncircumvention_threshold = 0\ncircumvention_window_days = 120\n"),
              ElementsAre(HasSubstr("p.toml:2: filter.circumvention_threshold"),
                          HasSubstr("p.toml:3: filter.circumvention_window_days")));
  auto p = load_profile(
      "[filter]\ncircumvention = \"remove_internet_access\"\ncircumvention_threshold = 5\n"
      "circumvention_window_days = 14\n",
      "p.toml");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->filter.circumvention_threshold, 5);
  EXPECT_EQ(p->filter.circumvention_window_days, 14);
  EXPECT_EQ(PolicyProfile{}.filter.circumvention_threshold, 3);
  EXPECT_EQ(PolicyProfile{}.filter.circumvention_window_days, 7);
}

TEST(ProfileValidationTest, ChildProtectionFilesAreKeptLongEnough) {
  // REQ LAW-6
  EXPECT_THAT(problems("[retention]\nchild_protection = \"date_of_birth + 20 years\"\n"),
              ElementsAre(HasSubstr(
                  "p.toml:2: retention.child_protection: child protection files must be kept "
                  "at least until the pupil's date of birth + 25 years")));
  EXPECT_THAT(problems("[retention]\nchild_protection = \"date_of_birth + 30 years\"\n"),
              ElementsAre());
}

TEST(ProfileValidationTest, CustomUseMayNotShadowABuiltInUse) {
  EXPECT_THAT(
      problems("[consent.custom_uses]\nimages_school_accounts = \"pictures\"\n"),
      ElementsAre(
          "p.toml:2: consent.custom_uses.images_school_accounts: is already a built-in use; "
          "remove it here and list it in consent.uses"));
}

}  // namespace
}  // namespace inloco

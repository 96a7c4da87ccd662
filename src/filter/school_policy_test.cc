// The school's filter policy from its profile (issue 6 section 2): groups by
// user, address and kind; blocked categories and platforms at all times and
// in windows (overnight too); the age rule; locked categories and exceptions.
#include "filter/school_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "profile/profile_loader.h"

namespace inloco::filter {
namespace {

using std::chrono::sys_days;
using namespace std::chrono_literals;

// Category ids as a compiled snapshot would give them (aliases included).
const std::map<std::string, CategoryId, std::less<>> kCategories = {
    {"adult", 0},    {"gambling", 1}, {"games", 2},           {"malware", 3},
    {"phishing", 4}, {"porn", 0},     {"social_networks", 5}, {"vpn", 6},
    {"news", 7},     {"iwf", 70},  // beyond the first word of the bitmask
};

std::optional<CategoryId> lookup(std::string_view name) {
  auto it = kCategories.find(name);
  if (it == kCategories.end()) return std::nullopt;
  return it->second;
}

Match match(std::string_view category, std::string entry) {
  CategoryId id = *lookup(category);
  return {id, std::string(category), RuleKind::kDomain, std::move(entry)};
}

// Unix seconds at a local (Europe/London) date and time in November (GMT).
int64_t gmt(std::chrono::year_month_day day, int h, int m) {
  std::chrono::sys_seconds t = sys_days{day} + std::chrono::hours{h} + std::chrono::minutes{m};
  return t.time_since_epoch().count();
}
constexpr auto kMonday = std::chrono::year{2026} / 11 / 23;
constexpr auto kSaturday = std::chrono::year{2026} / 11 / 28;

const char* kProfile = R"(
[filter]
locked_categories = ["adult", "malware", "phishing", "iwf"]
default_group = "guests"

[filter.windows.lessons]
label = "Lessons"
times = ["mon-fri 09:00-12:00", "mon-fri 13:00-15:15"]

[filter.windows.night]
label = "Night"
times = ["mon-fri 22:00-06:00"]

[filter.groups.pupils]
members = ["pupil"]
users = ["pupil1", "JSmith"]
sources = ["10.20.0.0/16"]
blocked = ["all"]
blocked_categories = ["gambling", "vpn"]
age = 11

[filter.groups.sixth_form]
label = "Sixth form"
members = []
sources = ["10.20.30.0/24", "2001:db8:30::/48"]
blocked = []
blocked_categories = ["gambling"]
age = 16

[filter.groups.sixth_form.blocked_during]
lessons = ["tiktok", "instagram"]
night = ["all"]

[filter.groups.staff]
users = ["mrsjones"]
blocked_categories = []

[filter.groups.staff.blocked_during]
lessons = ["facebook"]

[filter.groups.staff.blocked_categories_during]
lessons = ["games"]
)";

class SchoolPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto profile = load_profile(kProfile, "school.toml");
    ASSERT_TRUE(profile.ok()) << ::testing::PrintToString(profile.error().details);
    rules_ = profile->filter;
    rebuild({});
  }
  void rebuild(std::vector<PolicyException> exceptions) {
    auto built = SchoolPolicy::build(rules_, lookup, std::move(exceptions));
    ASSERT_TRUE(built.ok()) << built.error().message;
    policy_.emplace(std::move(*built));
  }
  Decision decide(std::string_view raw, std::vector<Match> matches, std::string_view user,
                  std::string_view source, int64_t time, std::string_view group = {}) {
    url_ = *normalise_url(raw);
    return policy_->decide({url_, user, source, time, group}, matches);
  }
  std::string_view group_of(std::string_view user, std::string_view source,
                            std::string_view group = {}) {
    url_ = *normalise_url("http://example.com/");
    return policy_->group_for({url_, user, source, 0, group});
  }

  FilterRules rules_;
  std::optional<SchoolPolicy> policy_;
  NormalisedUrl url_;
  const int64_t monday_10_30 = gmt(kMonday, 10, 30);
  const int64_t monday_12_30 = gmt(kMonday, 12, 30);
};

TEST_F(SchoolPolicyTest, ChoosesTheGroupByUserThenSourceThenDefault) {
  // REQ NET-2: groups by user name (any case), then the longest source range.
  EXPECT_EQ(group_of("pupil1", "192.168.0.1"), "pupils");
  EXPECT_EQ(group_of("jsmith", ""), "pupils");
  EXPECT_EQ(group_of("mrsjones", "10.20.30.4"), "staff");  // the user beats the address
  EXPECT_EQ(group_of("", "10.20.30.4"), "sixth_form");     // /24 beats /16
  EXPECT_EQ(group_of("", "::ffff:10.20.30.4"), "sixth_form");
  EXPECT_EQ(group_of("", "2001:db8:30::77"), "sixth_form");
  EXPECT_EQ(group_of("nobody", "10.20.1.4"), "pupils");
  EXPECT_EQ(group_of("nobody", "172.16.0.1"), "guests");  // the default group
  EXPECT_EQ(group_of("", "not an address"), "guests");
  EXPECT_EQ(group_of("pupil1", "", "staff"), "staff");  // the caller knows best
  // The person's kind (the "people" file) comes after names and ranges.
  auto by_kind = [&](std::string_view user, std::string_view source, std::string_view kind) {
    url_ = *normalise_url("http://example.com/");
    return policy_->group_for({url_, user, source, 0, {}, kind});
  };
  EXPECT_EQ(by_kind("newpupil", "", "pupils"), "pupils");
  EXPECT_EQ(by_kind("newteacher", "172.16.0.1", "staff"), "staff");       // not the default
  EXPECT_EQ(by_kind("newteacher", "10.20.30.4", "staff"), "sixth_form");  // the range first
  EXPECT_EQ(by_kind("mrsjones", "", "pupils"), "staff");  // the profile's user list first
  EXPECT_EQ(policy_->group_for_kind("pupil"), "pupils");
  EXPECT_EQ(policy_->group_for_kind("guest"), "guests");
  EXPECT_EQ(policy_->group_for_kind("alien"), "");
}

TEST_F(SchoolPolicyTest, SocialMediaIsBlockedForPupilsAtAllTimes) {
  // REQ NET-1: "all" stands for every platform's domains, subdomains included.
  for (const char* url : {"https://www.facebook.com/", "https://scontent.xx.fbcdn.net/p.jpg",
                          "https://www.instagram.com/", "https://p16.tiktokcdn.com/v.mp4",
                          "https://discord.gg/abc", "https://youtu.be/x"}) {
    Decision d = decide(url, {}, "pupil1", "", gmt(kSaturday, 20, 0));
    EXPECT_EQ(d.verdict, Verdict::kBlock) << url;
    EXPECT_EQ(d.rule.rfind("group:pupils:always:", 0), 0u) << d.rule;
  }
  Decision d = decide("https://m.facebook.com/", {}, "pupil1", "", monday_10_30);
  EXPECT_EQ(d.category, "facebook");
  EXPECT_EQ(d.rule, "group:pupils:always:facebook");
  EXPECT_EQ(d.message, "Social media is blocked for pupils on the school network.");
  EXPECT_EQ(decide("https://notfacebook.com/", {}, "pupil1", "", monday_10_30).verdict,
            Verdict::kAllow);
  EXPECT_EQ(decide("https://www.bbc.co.uk/news", {}, "pupil1", "", monday_10_30).verdict,
            Verdict::kAllow);
}

TEST_F(SchoolPolicyTest, BlockedCategoriesPerGroup) {
  // REQ NET-1: the group's categories block; the rest of the lists do not.
  Decision d =
      decide("http://bet.example/", {match("gambling", "bet.example")}, "pupil1", "", monday_10_30);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(d.category, "gambling");
  EXPECT_EQ(d.rule, "group:pupils:always:gambling");
  EXPECT_EQ(d.because->entry, "bet.example");
  EXPECT_EQ(d.message, "This kind of site is blocked for pupils on the school network.");
  // Staff do not block gambling; news is blocked for no one.
  EXPECT_EQ(decide("http://bet.example/", {match("gambling", "bet.example")}, "mrsjones", "",
                   monday_10_30)
                .verdict,
            Verdict::kAllow);
  EXPECT_EQ(
      decide("http://bbc.co.uk/", {match("news", "bbc.co.uk")}, "pupil1", "", monday_10_30).verdict,
      Verdict::kAllow);
  // The first blocked category is the reason, whatever else matched.
  d = decide("http://vpn.example/", {match("news", "vpn.example"), match("vpn", "vpn.example")},
             "pupil1", "", monday_10_30);
  EXPECT_EQ(d.rule, "group:pupils:always:vpn");
}

TEST_F(SchoolPolicyTest, WindowsBlockOnlyWhileTheyAreOpen) {
  // REQ NET-2: staff may use Facebook, but not in lessons; games too.
  Decision d = decide("https://facebook.com/", {}, "mrsjones", "", monday_10_30);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(d.rule, "group:staff:lessons:facebook");
  EXPECT_EQ(d.message, "Social media is blocked for staff during lessons.");
  EXPECT_EQ(decide("https://facebook.com/", {}, "mrsjones", "", monday_12_30).verdict,
            Verdict::kAllow);  // lunch
  EXPECT_EQ(decide("https://facebook.com/", {}, "mrsjones", "", gmt(kSaturday, 10, 30)).verdict,
            Verdict::kAllow);
  EXPECT_EQ(decide("https://instagram.com/", {}, "mrsjones", "", monday_10_30).verdict,
            Verdict::kAllow);  // only facebook is named
  d = decide("http://play.example/", {match("games", "play.example")}, "mrsjones", "",
             monday_10_30);
  EXPECT_EQ(d.rule, "group:staff:lessons:games");
  EXPECT_EQ(d.message, "This kind of site is blocked for staff during lessons.");
  EXPECT_EQ(
      decide("http://play.example/", {match("games", "play.example")}, "mrsjones", "", monday_12_30)
          .verdict,
      Verdict::kAllow);
}

TEST_F(SchoolPolicyTest, OvernightWindowsRunIntoTheNextMorning) {
  // REQ NET-2: "mon-fri 22:00-06:00" for the sixth form.
  auto at = [&](std::chrono::year_month_day day, int h, int m) {
    return decide("https://www.reddit.com/", {}, "", "10.20.30.4", gmt(day, h, m)).rule;
  };
  EXPECT_EQ(at(kMonday, 23, 0), "group:sixth_form:night:reddit");
  EXPECT_EQ(at(std::chrono::year{2026} / 11 / 24, 5, 59), "group:sixth_form:night:reddit");
  EXPECT_EQ(at(std::chrono::year{2026} / 11 / 24, 6, 0), "");
  EXPECT_EQ(at(kMonday, 3, 0), "");                                 // Sunday night is not named
  EXPECT_EQ(at(kSaturday, 3, 0), "group:sixth_form:night:reddit");  // Friday night
  EXPECT_EQ(at(kSaturday, 23, 0), "");
}

TEST_F(SchoolPolicyTest, AgeRuleBlocksPlatformsAboveTheGroupsAge) {
  // REQ NET-7: the sixth form (16) may use TikTok (13) outside lessons but
  // not LinkedIn? LinkedIn is 16: allowed. Kick (18) is blocked.
  Decision d = decide("https://kick.com/", {}, "", "10.20.30.4", monday_12_30);
  EXPECT_EQ(d.verdict, Verdict::kBlock);
  EXPECT_EQ(d.rule, "group:sixth_form:age:kick");
  EXPECT_EQ(d.message,
            "This site is blocked for sixth form on the school network: its terms of use set a "
            "higher minimum age.");
  EXPECT_EQ(decide("https://linkedin.com/", {}, "", "10.20.30.4", monday_12_30).verdict,
            Verdict::kAllow);
  EXPECT_EQ(decide("https://tiktok.com/", {}, "", "10.20.30.4", monday_12_30).verdict,
            Verdict::kAllow);
  EXPECT_EQ(decide("https://tiktok.com/", {}, "", "10.20.30.4", monday_10_30).rule,
            "group:sixth_form:lessons:tiktok");
  // The profile's own limit wins over the site's terms.
  rules_.age_limits["tiktok"] = 17;
  rebuild({});
  EXPECT_EQ(decide("https://tiktok.com/", {}, "", "10.20.30.4", monday_12_30).rule,
            "group:sixth_form:age:tiktok");
  // Not enforced: no age rule.
  rules_.age_limits_enforced = false;
  rebuild({});
  EXPECT_EQ(decide("https://kick.com/", {}, "", "10.20.30.4", monday_12_30).verdict,
            Verdict::kAllow);
}

TEST_F(SchoolPolicyTest, ExceptionsAllowUntilTheyEnd) {
  // REQ NET-3: an approved unblock opens the site for its group or user until it ends.
  rebuild(
      {{"staff", "", "facebook.com", monday_12_30}, {"", "pupil1", "bet.example", monday_12_30}});
  Decision d = decide("https://www.facebook.com/", {}, "mrsjones", "", monday_10_30);
  EXPECT_EQ(d.verdict, Verdict::kAllow);
  EXPECT_EQ(d.rule, "exception:facebook.com");
  EXPECT_EQ(
      decide("http://bet.example/", {match("gambling", "bet.example")}, "PUPIL1", "", monday_10_30)
          .verdict,
      Verdict::kAllow);
  // Another pupil, or after the end: blocked again.
  EXPECT_EQ(
      decide("http://bet.example/", {match("gambling", "bet.example")}, "jsmith", "", monday_10_30)
          .verdict,
      Verdict::kBlock);
  EXPECT_EQ(
      decide("http://bet.example/", {match("gambling", "bet.example")}, "pupil1", "", monday_12_30)
          .verdict,
      Verdict::kBlock);
  // An exception for a group the profile lacks is refused.
  EXPECT_FALSE(SchoolPolicy::build(rules_, lookup, {{"year7", "", "x.com", 1}}).ok());
}

TEST_F(SchoolPolicyTest, LockedCategoriesBeatEveryRuleAndException) {
  // REQ LAW-8: no group, exception or unblock allows a locked category.
  rebuild({{"", "", "bad.example", monday_12_30 + 86400}});
  for (const char* user : {"pupil1", "mrsjones", ""}) {
    Decision d =
        decide("http://bad.example/", {match("porn", "bad.example")}, user, "", monday_10_30);
    EXPECT_EQ(d.verdict, Verdict::kBlock) << user;
    EXPECT_EQ(d.rule, "locked:porn");
    EXPECT_EQ(d.category, "porn");
    EXPECT_FALSE(d.message.empty());
  }
  Decision d =
      decide("http://csam.example/", {match("news", "csam.example"), match("iwf", "csam.example")},
             "mrsjones", "", monday_12_30);
  EXPECT_EQ(d.rule, "locked:iwf");
  // Without the lock the exception would allow it.
  EXPECT_EQ(
      decide("http://bad.example/", {match("gambling", "bad.example")}, "pupil1", "", monday_10_30)
          .verdict,
      Verdict::kAllow);
}

TEST_F(SchoolPolicyTest, UnknownCategoriesAreReportedAndBadRulesRefused) {
  rules_.groups.at("guests").blocked_categories.clear();
  rules_.locked_categories.push_back("iwf_list");
  rebuild({});
  EXPECT_EQ(policy_->unknown_categories(), std::vector<std::string>{"iwf_list"});
  rules_.default_group = "nobody";
  EXPECT_FALSE(SchoolPolicy::build(rules_, lookup).ok());
}

TEST(SchoolLocalTimeTest, FollowsBritishSummerTime) {
  using namespace std::chrono;
  auto at = [](year_month_day d, int h, int m) {
    return school_local_time(sys_days{d} + hours{h} + minutes{m});
  };
  // GMT in winter: 2026-11-23 is a Monday.
  EXPECT_EQ(at(year{2026} / 11 / 23, 10, 30), (LocalTime{0, 10 * 60 + 30}));
  // BST in summer: 09:30 UTC is 10:30 in London; 2026-07-05 is a Sunday.
  EXPECT_EQ(at(year{2026} / 7 / 5, 9, 30), (LocalTime{6, 10 * 60 + 30}));
  EXPECT_EQ(at(year{2026} / 7 / 5, 23, 30), (LocalTime{0, 30}));  // past midnight: Monday
  // The changes: 2026-03-29 and 2026-10-25 at 01:00 UTC.
  EXPECT_EQ(at(year{2026} / 3 / 29, 0, 59), (LocalTime{6, 59}));
  EXPECT_EQ(at(year{2026} / 3 / 29, 1, 0), (LocalTime{6, 120}));
  EXPECT_EQ(at(year{2026} / 10 / 25, 0, 59), (LocalTime{6, 119}));
  EXPECT_EQ(at(year{2026} / 10 / 25, 1, 0), (LocalTime{6, 60}));
}

TEST(SchoolPolicyDefaultsTest, TheShippedDefaultsBuildAndBlockSocialMediaForPupils) {
  // REQ NET-1: with no profile settings, pupils (and unknown requests) never
  // reach social media, and the default categories block.
  auto policy = SchoolPolicy::build(FilterRules{}, lookup);
  ASSERT_TRUE(policy.ok()) << policy.error().message;
  auto url = *normalise_url("https://www.instagram.com/");
  Decision d = policy->decide({url, "", "", 0}, {});
  EXPECT_EQ(d.rule, "group:pupils:always:instagram");
  std::vector<Match> gambling = {match("gambling", "instagram.com")};
  EXPECT_EQ(policy->decide({url, "", "", 0}, gambling).rule, "group:pupils:always:gambling");
}

}  // namespace
}  // namespace inloco::filter

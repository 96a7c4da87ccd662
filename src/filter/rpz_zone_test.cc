// REQ NET-1, NET-3, NET-4, NET-7, LAW-8: a filter group's rules as a DNS
// response policy zone: what it blocks, the exceptions it passes, the
// SafeSearch CNAMEs, what it leaves to the Squid helper, and the file.
#include "filter/rpz_zone.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "filter/filter_test_support.h"
#include "filter/snapshot_writer.h"
#include "profile/platform_registry.h"
#include "profile/profile_loader.h"

namespace inloco::filter {
namespace {

using testing::TempDir;

constexpr int64_t kNow = 1795000000;

const char* kProfile = R"(
[filter]
locked_categories = ["adult"]
default_group = "pupils"

[filter.windows.lessons]
label = "Lessons"
times = ["mon-fri 09:00-12:00"]

[filter.groups.pupils]
members = ["pupil"]
blocked = ["facebook"]
blocked_categories = ["gambling", "search", "nosuchcategory"]
age = 11

[filter.groups.pupils.blocked_categories_during]
lessons = ["games"]

[filter.groups.staff]
members = ["staff"]
blocked = []
blocked_categories = []
)";

class RpzZoneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CompiledLists lists;
    // Sorted by name, as the compiler gives them.
    lists.categories.push_back({"adult",
                                {"1.2.3.4", "adult.example", "bad.club.example",
                                 "bad.lesson.example", "sub.adult.example"},
                                {},
                                {}});
    lists.categories.push_back(
        {"gambling",
         {"bets.example", "club.example", "lesson.example", "quiz.example", "www.bets.example"},
         {"pages.example/casino"},
         {}});
    lists.categories.push_back({"games", {"games.example"}, {}, {}});
    lists.categories.push_back({"school_blocked", {"reported.example"}, {}, {}});
    lists.categories.push_back({"search", {"duckduckgo.com"}, {}, {}});
    std::string path = (dir_.path() / "lists.snap").string();
    ASSERT_TRUE(write_snapshot(lists, path).ok());
    auto s = Snapshot::open(path);
    ASSERT_TRUE(s.ok()) << s.error().message;
    snapshot_ = std::move(*s);
    auto p = load_profile(kProfile, "school.toml");
    ASSERT_TRUE(p.ok()) << p.error().message;
    rules_ = p->filter;
  }

  RpzZone zone(const std::string& group, const RpzOptions& options = {}) {
    auto z = build_rpz_zone(*snapshot_, rules_, group, exceptions_, kNow, options);
    EXPECT_TRUE(z.ok()) << z.error().message;
    return z.ok() ? *z : RpzZone{};
  }

  static bool has(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  static const SafeSearchName* safe(const RpzZone& z, std::string_view name) {
    for (const SafeSearchName& s : z.safe_search)
      if (s.name == name) return &s;
    return nullptr;
  }

  TempDir dir_;
  std::unique_ptr<Snapshot> snapshot_;
  FilterRules rules_;
  std::vector<PolicyException> exceptions_ = {
      {"pupils", "", "maths.lesson.example", kNow + 3600},  // under a blocked domain
      {"", "", "quiz.example", kNow + 3600},                // a blocked domain itself
      {"", "", "club.example", kNow + 3600},                // with a locked name under it
      {"pupils", "", "Adult.example", kNow + 3600},         // locked: never (LAW-8)
      {"pupils", "", "sub.adult.example", kNow + 3600},     // under a locked domain
      {"staff", "", "bets.example", kNow + 3600},           // another group's
      {"", "pupil1", "bets.example", kNow + 3600},          // one person's
      {"", "", "bets.example", kNow - 1},                   // ended
  };
};

TEST_F(RpzZoneTest, BlocksTheGroupsCategoriesSitesAndLockedListsWithoutRedundantEntries) {
  RpzZone z = zone("pupils");
  // REQ LAW-8: locked categories, for every group.
  EXPECT_TRUE(has(z.blocked, "adult.example"));
  EXPECT_TRUE(has(z.blocked, "bad.club.example"));
  // REQ NET-1: the group's categories; NET-4: the school's own list.
  EXPECT_TRUE(has(z.blocked, "bets.example"));
  EXPECT_TRUE(has(z.blocked, "lesson.example"));
  EXPECT_TRUE(has(z.blocked, "reported.example"));
  EXPECT_TRUE(has(z.blocked, "duckduckgo.com"));
  // Sites: facebook always; REQ NET-7: those above age 11 (YouTube's 13).
  for (std::string_view d : site_domains("facebook")) EXPECT_TRUE(has(z.blocked, d)) << d;
  for (std::string_view d : site_domains("youtube")) EXPECT_TRUE(has(z.blocked, d)) << d;
  EXPECT_TRUE(has(z.sites, "facebook"));
  EXPECT_TRUE(has(z.age_sites, "youtube"));
  EXPECT_FALSE(has(z.age_sites, "facebook"));
  // Under another blocked entry: covered by its wildcard, left out.
  EXPECT_FALSE(has(z.blocked, "www.bets.example"));
  EXPECT_FALSE(has(z.blocked, "sub.adult.example"));
  EXPECT_FALSE(has(z.blocked, "bad.lesson.example"));
  // Windowed only, an IP address, an url entry's host: not in DNS.
  EXPECT_FALSE(has(z.blocked, "games.example"));
  EXPECT_FALSE(has(z.blocked, "1.2.3.4"));
  EXPECT_FALSE(has(z.blocked, "pages.example"));
  EXPECT_TRUE(std::is_sorted(z.blocked.begin(), z.blocked.end()));
  EXPECT_EQ(z.unknown_categories, std::vector<std::string>{"nosuchcategory"});
  EXPECT_EQ(z.categories, (std::vector<std::string>{"gambling", "search", "school_blocked"}));
}

TEST_F(RpzZoneTest, ExceptionsPassThroughButNeverIntoALockedCategory) {
  RpzZone z = zone("pupils");
  // REQ NET-3: under a blocked domain, a passthru entry.
  EXPECT_EQ(z.passthru, std::vector<std::string>{"maths.lesson.example"});
  // An exception for a blocked domain itself takes it out of the zone.
  EXPECT_FALSE(has(z.blocked, "quiz.example"));
  EXPECT_FALSE(has(z.blocked, "club.example"));
  // REQ LAW-8: locked domains stay, with no passthru, even under an exception.
  EXPECT_TRUE(has(z.blocked, "adult.example"));
  EXPECT_TRUE(has(z.blocked, "bad.club.example"));
  EXPECT_FALSE(has(z.passthru, "adult.example"));
  EXPECT_FALSE(has(z.passthru, "sub.adult.example"));
  EXPECT_FALSE(has(z.passthru, "club.example"));
  // Another group's, one person's and an ended exception change nothing.
  EXPECT_TRUE(has(z.blocked, "bets.example"));
  std::string left = join(z.left_out, "\n");
  EXPECT_NE(left.find("The exception for adult.example is not applied"), std::string::npos) << left;
  EXPECT_NE(left.find("The exception for sub.adult.example is not applied"), std::string::npos);
  EXPECT_NE(left.find("1 exception(s) for one person"), std::string::npos) << left;
  EXPECT_NE(left.find("Blocked during lessons (mon-fri 09:00-12:00): games."), std::string::npos)
      << left;
  EXPECT_NE(left.find("1 list entries that are IP addresses"), std::string::npos) << left;
}

TEST_F(RpzZoneTest, StaffGetOnlyTheLockedAndSchoolListsAndModerateYoutube) {
  RpzZone z = zone("staff");
  EXPECT_EQ(z.blocked, (std::vector<std::string>{"adult.example", "bad.club.example",
                                                 "bad.lesson.example", "reported.example"}));
  EXPECT_TRUE(z.passthru.empty());  // staff's exception for bets.example lifts nothing
  EXPECT_EQ(z.youtube, YoutubeRestriction::kModerate);
  const SafeSearchName* yt = safe(z, "www.youtube.com");
  ASSERT_NE(yt, nullptr);
  EXPECT_EQ(yt->target, "restrictmoderate.youtube.com");
  ASSERT_NE(safe(z, "duckduckgo.com"), nullptr);
  EXPECT_EQ(safe(z, "duckduckgo.com")->target, "safe.duckduckgo.com");
}

TEST_F(RpzZoneTest, SafeSearchNamesExceptWhereTheGroupBlocksOutright) {
  RpzZone z = zone("pupils");
  EXPECT_EQ(z.youtube, YoutubeRestriction::kStrict);
  for (std::string_view name :
       {"google.com", "www.google.com", "google.co.uk", "www.google.co.uk", "www.google.de"}) {
    const SafeSearchName* s = safe(z, name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->target, "forcesafesearch.google.com");
  }
  ASSERT_NE(safe(z, "www.bing.com"), nullptr);
  EXPECT_EQ(safe(z, "www.bing.com")->target, "strict.bing.com");
  // DuckDuckGo is blocked for pupils, and so is YouTube (age): no CNAMEs,
  // not even for youtube.googleapis.com, whose target is under youtube.com.
  EXPECT_EQ(safe(z, "duckduckgo.com"), nullptr);
  EXPECT_EQ(safe(z, "start.duckduckgo.com"), nullptr);
  for (std::string_view name : {"www.youtube.com", "m.youtube.com", "youtube.googleapis.com",
                                "youtubei.googleapis.com", "www.youtube-nocookie.com"})
    EXPECT_EQ(safe(z, name), nullptr) << name;

  // Without the age rule, pupils get YouTube's strict restricted mode.
  rules_.groups["pupils"].age = 0;
  RpzZone open = zone("pupils");
  for (std::string_view name : {"www.youtube.com", "m.youtube.com", "youtube.googleapis.com",
                                "youtubei.googleapis.com", "www.youtube-nocookie.com"}) {
    const SafeSearchName* s = safe(open, name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->target, "restrict.youtube.com");
  }
  RpzOptions off;
  off.youtube = YoutubeRestriction::kOff;
  EXPECT_EQ(safe(zone("pupils", off), "www.youtube.com"), nullptr);
  RpzOptions moderate;
  moderate.youtube = YoutubeRestriction::kModerate;
  EXPECT_EQ(safe(zone("pupils", moderate), "m.youtube.com")->target,
            "restrictmoderate.youtube.com");
}

TEST_F(RpzZoneTest, RefusesAnUnknownGroupOrZoneName) {
  auto bad = build_rpz_zone(*snapshot_, rules_, "teachers", exceptions_, kNow);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  EXPECT_NE(bad.error().message.find("its groups are: guests, pupils, staff"), std::string::npos)
      << bad.error().message;
  RpzOptions o;
  o.zone_name = "rpz zone";
  auto name = build_rpz_zone(*snapshot_, rules_, "pupils", exceptions_, kNow, o);
  ASSERT_FALSE(name.ok());
  EXPECT_NE(name.error().message.find("is not a DNS name"), std::string::npos);
  o.zone_name = "Filter.Example";
  auto fine = build_rpz_zone(*snapshot_, rules_, "pupils", exceptions_, kNow, o);
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->zone_name, "filter.example.");
}

TEST_F(RpzZoneTest, ZoneTextHasHeaderSoaAndTwoRecordsPerBlockedDomain) {
  RpzZone z = zone("pupils");
  std::string text = rpz_zone_text(
      z, {"Oakfield Primary\nSchool", "the profile school.toml", "var/filter.snap", 12}, kNow);
  EXPECT_EQ(text.rfind("; inloco response policy zone (RPZ) for the filter group \"pupils\" of "
                       "Oakfield Primary School.\n",
                       0),
            0u)
      << text;
  for (std::string want :
       {std::string("from the profile school.toml and the snapshot var/filter.snap (12 domains)"),
        std::string("\n$ORIGIN rpz.inloco.\n$TTL 300\n"),
        "\n@ IN SOA localhost. hostmaster.localhost. " + std::to_string(kNow) +
            " 3600 600 86400 300\n",
        std::string("\n@ IN NS localhost.\n"),
        std::string("\nbets.example CNAME .\n*.bets.example CNAME .\n"),
        std::string("\nadult.example CNAME .\n*.adult.example CNAME .\n"),
        std::string("\nmaths.lesson.example CNAME rpz-passthru.\n"
                    "*.maths.lesson.example CNAME rpz-passthru.\n"),
        std::string("\nwww.google.co.uk CNAME forcesafesearch.google.com.\n"),
        std::string("; Locked categories (no exception opens them, LAW-8): adult.\n"),
        std::string(";   - Blocked during lessons"),
        std::string("The rules name the category 'nosuchcategory'")})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n---\n" << text;
  // Every record line is an owner, CNAME and an absolute target; no line
  // break got into a comment.
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == ';' || line[0] == '$' || line[0] == '@') continue;
    EXPECT_NE(line.find(" CNAME "), std::string::npos) << line;
    EXPECT_EQ(line.back(), '.') << line;
  }
}

TEST_F(RpzZoneTest, ASafeSearchNameThatIsAlsoAnExceptionKeepsItsCname) {
  exceptions_ = {{"pupils", "", "www.google.co.uk", kNow + 60}};
  rules_.groups["pupils"].blocked_categories.push_back("engines");
  CompiledLists lists;
  lists.categories.push_back({"engines", {"bing.com", "google.co.uk"}, {}, {}});
  std::string path = (dir_.path() / "engines.snap").string();
  ASSERT_TRUE(write_snapshot(lists, path).ok());
  auto engines = Snapshot::open(path);
  ASSERT_TRUE(engines.ok());
  snapshot_ = std::move(engines).value();
  RpzZone z = zone("pupils");
  EXPECT_TRUE(has(z.blocked, "google.co.uk"));
  EXPECT_EQ(z.passthru, std::vector<std::string>{"www.google.co.uk"});
  ASSERT_NE(safe(z, "www.google.co.uk"), nullptr);
  EXPECT_EQ(safe(z, "google.co.uk"), nullptr);  // blocked outright
  EXPECT_EQ(safe(z, "www.bing.com"), nullptr);  // under a blocked domain
  // The exception unblocks the name; it does not turn SafeSearch off.
  std::string text = rpz_zone_text(z, {}, kNow);
  EXPECT_NE(text.find("\nwww.google.co.uk CNAME forcesafesearch.google.com.\n"), std::string::npos);
  EXPECT_EQ(text.find("\nwww.google.co.uk CNAME rpz-passthru.\n"), std::string::npos);
  EXPECT_NE(text.find("\n*.www.google.co.uk CNAME rpz-passthru.\n"), std::string::npos);

  // With google.com itself blocked, the CNAME's target would be blocked too:
  // no Google SafeSearch names at all.
  lists.categories[0].domains = {"google.com"};
  ASSERT_TRUE(write_snapshot(lists, path).ok());
  engines = Snapshot::open(path);
  ASSERT_TRUE(engines.ok());
  snapshot_ = std::move(engines).value();
  exceptions_ = {{"pupils", "", "www.google.com", kNow + 60}};
  EXPECT_EQ(safe(zone("pupils"), "www.google.com"), nullptr);
  EXPECT_EQ(safe(zone("pupils"), "www.google.de"), nullptr);
}

TEST_F(RpzZoneTest, WritesTheFileWholeOrSaysWhyNot) {
  std::string path = (dir_.path() / "pupils.rpz").string();
  ASSERT_TRUE(write_zone_file(path, "zone text\n").ok());
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  EXPECT_EQ(s.str(), "zone text\n");
  // Nothing but the zone (and the snapshot) in the folder: no temporary left.
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir_.path())) {
    (void)e;
    ++files;
  }
  EXPECT_EQ(files, 2u);
  auto missing = write_zone_file((dir_.path() / "no" / "such" / "z.rpz").string(), "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(missing.error().message.find("check that the folder exists"), std::string::npos);
}

}  // namespace
}  // namespace inloco::filter

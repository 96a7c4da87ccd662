// REQ NET-1: the compiled lists as one immutable snapshot file that loads by
// mmap and refuses a truncated, corrupt or foreign file.
#include "filter/snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <random>
#include <set>

#include "filter/filter_test_support.h"
#include "filter/hashing.h"
#include "filter/snapshot_writer.h"

namespace inloco::filter {
namespace {

using testing::TempDir;

CompiledLists small_lists() {
  CompiledLists l;
  l.categories.push_back({"adult", {"adult.example", "shared.example"}, {}, {"xxx[0-9]+"}});
  l.categories.push_back({"social_networks",
                          {"facebook.com", "shared.example", "x.com"},
                          {"epicurious.com/community"},
                          {}});
  l.aliases.push_back({"porn", "adult"});
  return l;
}

std::string write_file(const TempDir& d, const std::string& name, const std::string& bytes) {
  std::string path = (d.path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(SnapshotTest, RoundTrip) {
  TempDir d;
  std::string path = (d.path() / "lists.snap").string();
  auto stats = write_snapshot(small_lists(), path);
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_EQ(stats->domains, 4u);  // shared.example once
  EXPECT_EQ(stats->categories, 2u);
  auto s = Snapshot::open(path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const Snapshot& snap = **s;
  EXPECT_EQ(snap.category_count(), 2u);
  EXPECT_EQ(snap.category_name(1), "social_networks");
  EXPECT_EQ(snap.find_category("porn"), CategoryId{0});
  EXPECT_EQ(snap.find_category("social_networks"), CategoryId{1});
  EXPECT_FALSE(snap.find_category("nothing").has_value());
  EXPECT_FALSE(snap.expressions_recompiled());

  DomainHit hits[kMaxDomainHits];
  ASSERT_EQ(snap.match_domain("www.facebook.com", hits), 1);
  EXPECT_EQ(hits[0].suffix_length, 12u);
  ASSERT_EQ(snap.categories(hits[0].set).size(), 1u);
  EXPECT_EQ(snap.categories(hits[0].set)[0], 1);
  ASSERT_EQ(snap.match_domain("shared.example", hits), 1);
  EXPECT_EQ(snap.categories(hits[0].set).size(), 2u);
  EXPECT_EQ(snap.match_domain("notfacebook.com", hits), 0);
  EXPECT_EQ(snap.match_domain("", hits), 0);

  std::vector<UrlHit> urls;
  snap.match_url("epicurious.com/community/recipes", 14, urls);
  ASSERT_EQ(urls.size(), 1u);
  std::vector<ExpressionHit> exprs;
  snap.match_expressions("http://a.example/XXX123", exprs);
  ASSERT_EQ(exprs.size(), 1u);
  EXPECT_EQ(exprs[0].expression, "xxx[0-9]+");
}

TEST(SnapshotTest, IsDeterministic) {
  auto a = build_snapshot(small_lists());
  auto b = build_snapshot(small_lists());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(SnapshotTest, EmptyListsMakeAWorkingSnapshot) {
  TempDir d;
  auto bytes = build_snapshot(CompiledLists{});
  ASSERT_TRUE(bytes.ok());
  auto s = Snapshot::open(write_file(d, "empty.snap", *bytes));
  ASSERT_TRUE(s.ok()) << s.error().message;
  DomainHit hits[kMaxDomainHits];
  EXPECT_EQ((*s)->match_domain("facebook.com", hits), 0);
}

TEST(SnapshotTest, TruncatedCorruptAndForeignFilesAreRefused) {
  TempDir d;
  auto bytes = build_snapshot(small_lists());
  ASSERT_TRUE(bytes.ok());
  auto refused = [&](const std::string& content, const std::string& why) {
    auto s = Snapshot::open(write_file(d, "bad.snap", content));
    EXPECT_FALSE(s.ok()) << why;
    if (!s.ok()) {
      EXPECT_NE(s.error().message.find("not a usable inloco filter snapshot"), std::string::npos)
          << s.error().message;
    }
  };
  refused(bytes->substr(0, bytes->size() - 1), "truncated by one byte");
  refused(bytes->substr(0, bytes->size() / 2), "truncated by half");
  refused(bytes->substr(0, 10), "shorter than the header");
  refused("", "empty");
  refused(*bytes + "x", "appended to");
  refused(std::string(bytes->size(), 'Z'), "foreign");
  refused("SQLite format 3" + std::string(200, '\0'), "another format");
  for (size_t at : {size_t{8}, size_t{70}, bytes->size() / 3, bytes->size() - 70}) {
    std::string flipped = *bytes;
    flipped[at] ^= 0x40;
    refused(flipped, "one byte flipped at " + std::to_string(at));
  }
  EXPECT_FALSE(Snapshot::open((d.path() / "missing.snap").string()).ok());
}

// The export the DNS zone is built from: every domain of the categories
// asked for, across block boundaries, and none of the others.
TEST(SnapshotTest, DomainsInListsEachDomainOfTheCategoriesAsked) {
  TempDir d;
  CompiledLists l = small_lists();
  for (int i = 0; i < 23; ++i)  // several front-coded blocks
    l.categories[0].domains.push_back("site" + std::to_string(i) + ".adult.example");
  std::sort(l.categories[0].domains.begin(), l.categories[0].domains.end());
  std::string path = (d.path() / "lists.snap").string();
  ASSERT_TRUE(write_snapshot(l, path).ok());
  auto s = Snapshot::open(path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CategoryId adult = *(*s)->find_category("adult");
  CategoryId social = *(*s)->find_category("social_networks");
  EXPECT_EQ(sorted((*s)->domains_in(std::vector<CategoryId>{adult})), l.categories[0].domains);
  EXPECT_EQ(sorted((*s)->domains_in(std::vector<CategoryId>{social})),
            (std::vector<std::string>{"facebook.com", "shared.example", "x.com"}));
  EXPECT_EQ((*s)->domains_in(std::vector<CategoryId>{adult, social}).size(), 23u + 4u);
  EXPECT_TRUE((*s)->domains_in({}).empty());
}

// The domain table and its pages (snapshot_format.h): thousands of domains,
// some longer than a page and some with many labels, each found with its
// categories, its subdomains found, its look-alikes not, and the one-at-a-
// time, first-hit and batched lookups agreeing.
TEST(SnapshotTest, EveryDomainIsFoundAcrossPagesAndBuckets) {
  std::mt19937 rng(7);
  auto label = [&](size_t n) {
    std::string l;
    for (size_t i = 0; i < n; ++i) l += "abcdefghijklmnopqrstuvwxyz0123456789-"[rng() % 36];
    return l;
  };
  CompiledLists l;
  l.categories.push_back({"one", {}, {}, {}});
  l.categories.push_back({"two", {}, {}, {}});
  std::set<std::string> seen;
  for (int i = 0; i < 6000; ++i) {
    std::string d;
    if (i % 100 == 0) {  // over a page (64 bytes), up to 253
      for (int k = 0; k < 4 + static_cast<int>(rng() % 4); ++k) d += label(40 + rng() % 23) + ".";
      d = d.substr(0, 240) + "example";
    } else if (i % 7 == 0) {  // many short labels
      for (int k = 0; k < 20; ++k) d += label(1) + ".";
      d += "org";
    } else {
      d = label(3 + rng() % 12) + "." + (i % 3 ? "com" : "co.uk");
    }
    if (!seen.insert(d).second) continue;
    l.categories[i % 5 == 0 ? 1 : 0].domains.push_back(d);
    if (i % 11 == 0) l.categories[1 - (i % 5 == 0)].domains.push_back(d);
  }
  for (auto& c : l.categories) std::sort(c.domains.begin(), c.domains.end());
  TempDir dir;
  std::string path = (dir.path() / "many.snap").string();
  ASSERT_TRUE(write_snapshot(l, path).ok());
  auto s = Snapshot::open(path);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const Snapshot& snap = **s;
  EXPECT_EQ(snap.domain_count(), seen.size());

  std::vector<std::string> hosts;
  std::vector<bool> expected;
  DomainHit hits[kMaxDomainHits];
  for (size_t c = 0; c < 2; ++c) {
    for (const auto& d : l.categories[c].domains) {
      ASSERT_EQ(snap.match_domain(d, hits), 1) << d;
      EXPECT_EQ(hits[0].suffix_length, d.size());
      auto cats = snap.categories(hits[0].set);
      EXPECT_TRUE(std::find(cats.begin(), cats.end(), c) != cats.end()) << d;
      hosts.push_back("www." + d);
      expected.push_back(true);
      hosts.push_back("x" + d);  // not at a label boundary
      expected.push_back(false);
      hosts.push_back(d.substr(d.find('.') + 1));  // the parent is not listed
      expected.push_back(seen.count(hosts.back()) > 0);
    }
  }
  std::vector<std::string_view> views(hosts.begin(), hosts.end());
  std::unique_ptr<bool[]> batched(new bool[views.size()]);
  snap.domains_listed(views, std::span<bool>(batched.get(), views.size()));
  for (size_t i = 0; i < hosts.size(); ++i) {
    EXPECT_EQ(snap.match_domain(hosts[i], hits) > 0, expected[i]) << hosts[i];
    EXPECT_EQ(snap.domain_listed(hosts[i]), expected[i]) << hosts[i];
    EXPECT_EQ(batched[i], expected[i]) << hosts[i];
  }
  std::vector<std::string> all = snap.domains_in(std::vector<CategoryId>{0, 1});
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, std::vector<std::string>(seen.begin(), seen.end()));
}

// A file of another format version is refused with a message that says
// which, and what to do.
TEST(SnapshotTest, AnotherVersionIsRefusedWithAClearMessage) {
  TempDir d;
  auto bytes = build_snapshot(small_lists());
  ASSERT_TRUE(bytes.ok());
  std::string old = *bytes;
  format::Header h;
  std::memcpy(&h, old.data(), sizeof h);
  h.version = 1;
  h.header_checksum = checksum64(std::string_view(reinterpret_cast<const char*>(&h), 32));
  std::memcpy(old.data(), &h, sizeof h);
  auto s = Snapshot::open(write_file(d, "v1.snap", old));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("format version 1"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("inloco filter compile"), std::string::npos)
      << s.error().message;
}

}  // namespace
}  // namespace inloco::filter

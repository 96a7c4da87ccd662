// REQ NET-1: the compiled lists as one immutable snapshot file that loads by
// mmap and refuses a truncated, corrupt or foreign file.
#include "filter/snapshot.h"

#include <gtest/gtest.h>

#include <fstream>

#include "filter/filter_test_support.h"
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

}  // namespace
}  // namespace inloco::filter

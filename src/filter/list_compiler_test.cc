// REQ NET-1, NET-4: squidGuard-format category folders, the school's own
// lists merged in, bad lines reported with file and line.
#include "filter/list_compiler.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "filter/filter_test_support.h"

namespace inloco::filter {
namespace {

using testing::TempDir;
namespace fs = std::filesystem;

const Category* find(const CompiledLists& l, const std::string& name) {
  for (const auto& c : l.categories)
    if (c.name == name) return &c;
  return nullptr;
}

TEST(ListCompilerTest, ReadsDomainsUrlsExpressionsAndNormalises) {
  TempDir d;
  d.write("social/domains",
          "# comment\nFaceBook.com\r\ninstagram.com.\n\n.tiktok.com\nbücher.de redirect-ignored\n"
          "+x.com\nfacebook.com\n");
  d.write("social/urls", "www.Epicurious.com:80/Community\nexample.org/a/../b\n");
  d.write("social/expressions", "(/banner/|/sponsor/)\n");
  d.write("social/usage", "black\n");
  auto l = compile_lists(std::vector<fs::path>{d.path()});
  ASSERT_TRUE(l.ok()) << l.error().message;
  EXPECT_TRUE(l->problems.empty());
  const Category* c = find(*l, "social");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->domains, (std::vector<std::string>{"facebook.com", "instagram.com", "tiktok.com",
                                                  "x.com", "xn--bcher-kva.de"}));
  EXPECT_EQ(c->urls, (std::vector<std::string>{"epicurious.com/community", "example.org/b"}));
  EXPECT_EQ(c->expressions, (std::vector<std::string>{"(/banner/|/sponsor/)"}));
}

TEST(ListCompilerTest, MalformedLinesAreReportedWithFileAndLineAndSkipped) {
  TempDir d;
  d.write("cat/domains", "good.com\nb@d.com\nhas/path.com\n-removed.com\na..b.com\nok.org\n");
  d.write("cat/urls", "site.com/#frag\nsite.com:99999/x\nfine.com/x\n");
  d.write("cat/expressions", "(unclosed\nfine[0-9]+\n");
  auto l = compile_lists(std::vector<fs::path>{d.path()});
  ASSERT_TRUE(l.ok());
  const Category* c = find(*l, "cat");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->domains, (std::vector<std::string>{"good.com", "ok.org"}));
  EXPECT_EQ(c->urls, (std::vector<std::string>{"fine.com/x"}));
  EXPECT_EQ(c->expressions, (std::vector<std::string>{"fine[0-9]+"}));
  ASSERT_EQ(l->problems.size(), 7u);
  std::string domains = (d.path() / "cat" / "domains").string();
  EXPECT_EQ(l->problems[0].file, domains);
  EXPECT_EQ(l->problems[0].line, 2);
  EXPECT_EQ(l->problems[1].line, 3);
  EXPECT_NE(l->problems[1].message.find("urls file"), std::string::npos);
  EXPECT_EQ(l->problems[2].line, 4);
  EXPECT_EQ(l->problems[3].line, 5);
  EXPECT_EQ(l->problems[4].file, (d.path() / "cat" / "urls").string());
  EXPECT_EQ(l->problems[4].line, 1);
  EXPECT_EQ(l->problems[5].line, 2);
  EXPECT_EQ(l->problems[6].file, (d.path() / "cat" / "expressions").string());
  EXPECT_EQ(l->problems[6].line, 1);
  EXPECT_EQ(l->problems[0].to_string().rfind(domains + ":2: ", 0), 0u);
}

TEST(ListCompilerTest, SymbolicLinksAndNameFilesAreAliases) {
  TempDir d;
  d.write("adult/domains", "adult.example\n");
  d.write("redirector/domains", "proxy.example\n");
  fs::create_directory_symlink("adult", d.path() / "porn");
  d.write("proxy", "redirector");  // a copy that lost its link
  d.write("README", "");
  auto l = compile_lists(std::vector<fs::path>{d.path()});
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(l->categories.size(), 2u);
  ASSERT_EQ(l->aliases.size(), 2u);
  EXPECT_EQ(l->aliases[0].name, "porn");
  EXPECT_EQ(l->aliases[0].target, "adult");
  EXPECT_EQ(l->aliases[1].name, "proxy");
  EXPECT_EQ(l->aliases[1].target, "redirector");
  EXPECT_TRUE(l->problems.empty());
}

TEST(ListCompilerTest, LaterFoldersAddToCategoriesOfTheSameName) {
  TempDir a, b;
  a.write("social/domains", "facebook.com\n");
  b.write("social/domains", "schoolgossip.example\nfacebook.com\n");
  b.write("school_own/urls", "example.com/games\n");
  std::vector<fs::path> both{a.path(), b.path()};
  int calls = 0;
  auto l = compile_lists(both, [&](uint64_t done, uint64_t total, const std::string&) {
    ++calls;
    EXPECT_LE(done, total);
  });
  ASSERT_TRUE(l.ok());
  EXPECT_EQ(calls, 3);
  ASSERT_EQ(l->categories.size(), 2u);
  EXPECT_EQ(l->categories[1].name, "social");
  EXPECT_EQ(l->categories[1].domains,
            (std::vector<std::string>{"facebook.com", "schoolgossip.example"}));
  EXPECT_EQ(l->categories[0].name, "school_own");
}

TEST(ListCompilerTest, MissingFolderIsAnError) {
  auto l = compile_lists(std::vector<fs::path>{"/nonexistent/inloco/lists"});
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.error().message.find("/nonexistent/inloco/lists"), std::string::npos);
}

}  // namespace
}  // namespace inloco::filter

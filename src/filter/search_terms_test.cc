// REQ NET-5: searches on well-known engines are logged with their words.
#include "filter/search_terms.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

std::optional<std::string> terms(const std::string& raw) {
  auto url = normalise_url(raw);
  EXPECT_TRUE(url.ok()) << raw;
  return url.ok() ? search_terms(*url) : std::nullopt;
}

TEST(FilterSearchTermsTest, ReadsEachEnginesParameter) {
  EXPECT_EQ(terms("https://www.google.co.uk/search?client=x&q=how+to+buy+vapes"),
            "how to buy vapes");
  EXPECT_EQ(terms("https://www.google.com/search?q=caf%C3%A9%20opening"), "caf\xc3\xa9 opening");
  EXPECT_EQ(terms("https://www.bing.com/search?q=self+harm&form=QBLH"), "self harm");
  EXPECT_EQ(terms("https://duckduckgo.com/?q=proxy+sites&ia=web"), "proxy sites");
  EXPECT_EQ(terms("https://www.ecosia.org/search?method=index&q=trees"), "trees");
  EXPECT_EQ(terms("https://uk.search.yahoo.com/search?p=knife+shop&fr=yfp"), "knife shop");
  EXPECT_EQ(terms("https://www.youtube.com/results?search_query=fight+videos"), "fight videos");
  EXPECT_EQ(terms("https://m.youtube.com/results?q=ignored&search_query=a%26b"), "a&b");
}

TEST(FilterSearchTermsTest, IgnoresOtherSitesAndEmptySearches) {
  EXPECT_EQ(terms("https://example.com/search?q=anything"), std::nullopt);
  EXPECT_EQ(terms("https://google.evil.example/search?q=phish"), std::nullopt);
  EXPECT_EQ(terms("https://notgoogle.com/?q=x"), std::nullopt);
  EXPECT_EQ(terms("https://www.google.com/search?q="), std::nullopt);
  EXPECT_EQ(terms("https://www.google.com/search?q=+++"), std::nullopt);
  EXPECT_EQ(terms("https://www.google.com/maps"), std::nullopt);
  EXPECT_EQ(terms("https://www.bing.com/search?p=not+bings"), std::nullopt);
  EXPECT_EQ(terms("http://142.250.180.14/search?q=x"), std::nullopt);
}

TEST(FilterSearchTermsTest, KeepsTheTermsOnOneLine) {
  EXPECT_EQ(terms("https://www.google.com/search?q=a%09b%0A%0Dc++d"), "a b c d");
}

}  // namespace
}  // namespace inloco::filter

// REQ NET-6: requests to VPNs, proxies, encrypted DNS and dynamic DNS hosts,
// to bare IP addresses and to addresses written as numbers are attempts to
// get round the filter; ordinary sites and the school's own addresses are not.
#include "filtering/circumvention.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

std::optional<CircumventionSignal> signal(std::string_view category, std::string_view url) {
  auto u = normalise_url(url);
  return circumvention_signal(category, u.ok() ? &*u : nullptr);
}

TEST(FilterCircumventionTest, TheCategoriesThatExistToGetRoundFilters) {
  for (std::string_view c : {"vpn", "doh", "redirector", "residential-proxies", "dynamic-dns",
                             "proxy", "strict_redirector", "strong_redirector"}) {
    auto s = signal(c, "https://example.net/");
    ASSERT_TRUE(s) << c;
    EXPECT_EQ(s->kind, CircumventionKind::kCategory);
    EXPECT_EQ(s->category, c);
  }
  EXPECT_FALSE(signal("social_networks", "https://www.facebook.com/"));
  EXPECT_FALSE(signal("", "https://www.bbc.co.uk/bitesize"));
  EXPECT_FALSE(signal("-", "https://www.bbc.co.uk/bitesize"));
  // The category counts even when the URL cannot be read.
  EXPECT_TRUE(signal("vpn", "http://exa mple/"));
  EXPECT_FALSE(signal("", "http://exa mple/"));
}

TEST(FilterCircumventionTest, AddressesWrittenAsNumbersAndBareAddresses) {
  // 3232235777 is 192.168.1.1: inside the school's range, but nobody types it by accident.
  EXPECT_EQ(signal("", "http://3232235777/")->kind, CircumventionKind::kNumericAddress);
  EXPECT_EQ(signal("", "http://0xC0A80101/x")->kind, CircumventionKind::kNumericAddress);
  EXPECT_EQ(signal("", "http://0300.0250.1.1/")->kind, CircumventionKind::kNumericAddress);
  EXPECT_EQ(signal("", "203.0.113.9:443")->kind, CircumventionKind::kIpAddress);  // CONNECT
  EXPECT_EQ(signal("", "https://185.199.110.153/page")->kind, CircumventionKind::kIpAddress);
  EXPECT_EQ(signal("", "http://[2001:db8::1]/")->kind, CircumventionKind::kIpAddress);
  // The school's own network: printers, servers.
  for (std::string_view local : {"http://10.20.0.5/", "192.168.1.1:443", "http://172.16.4.1/",
                                 "http://172.31.0.1/", "http://127.0.0.1/", "http://169.254.3.3/",
                                 "http://[::1]/", "http://[fd00::5]/", "http://[fe80::1]/"})
    EXPECT_FALSE(signal("", local)) << local;
  EXPECT_TRUE(signal("", "http://172.32.0.1/")) << "just outside 172.16/12";
  EXPECT_FALSE(signal("", "https://www.example.org/"));
}

TEST(FilterCircumventionTest, KindKeysRoundTrip) {
  for (auto k : {CircumventionKind::kCategory, CircumventionKind::kIpAddress,
                 CircumventionKind::kNumericAddress})
    EXPECT_EQ(parse_circumvention_kind(circumvention_kind_key(k)), k);
  EXPECT_FALSE(parse_circumvention_kind("ip"));
}

}  // namespace
}  // namespace inloco::filter

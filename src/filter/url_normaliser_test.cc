// REQ NET-1, NET-6: URLs are normalised before matching so that another
// spelling of a listed site (case, dots, escapes, numeric addresses, IDN)
// cannot get round the filter.
#include "filter/url_normaliser.h"

#include <gtest/gtest.h>

#include <random>

namespace inloco::filter {
namespace {

std::string canonical(std::string_view raw) {
  auto r = normalise_url(raw);
  return r.ok() ? r->to_string() : "error: " + r.error().message;
}
std::string host_of(std::string_view raw) {
  auto r = normalise_url(raw);
  return r.ok() ? r->host : "error";
}

TEST(UrlNormaliserTest, SchemeCaseAndTrailingDots) {
  EXPECT_EQ(canonical("HTTP://WWW.FaceBook.COM./Path"), "http://www.facebook.com/Path");
  EXPECT_EQ(canonical("https://facebook.com.."), "https://facebook.com/");
  EXPECT_EQ(canonical("  http://example.com/a  \r\n"), "http://example.com/a");
  EXPECT_EQ(canonical("example.com/x"), "example.com/x");
}

TEST(UrlNormaliserTest, PortsUserInfoAndFragment) {
  EXPECT_EQ(canonical("http://example.com:80/"), "http://example.com/");
  EXPECT_EQ(canonical("https://example.com:443/a"), "https://example.com/a");
  EXPECT_EQ(canonical("http://example.com:8080/a"), "http://example.com:8080/a");
  EXPECT_EQ(canonical("http://user:pw@facebook.com/x#frag"), "http://facebook.com/x");
  EXPECT_EQ(canonical("http://facebook.com@evil.example/"), "http://evil.example/");
  EXPECT_FALSE(normalise_url("http://example.com:99999/").ok());
  EXPECT_FALSE(normalise_url("http://example.com:8o/").ok());
}

TEST(UrlNormaliserTest, ConnectHostPort) {
  auto r = normalise_url("FaceBook.com:443");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->host, "facebook.com");
  EXPECT_EQ(r->port, 443);
  EXPECT_EQ(r->scheme, "");
  EXPECT_EQ(r->expression_subject(), "facebook.com:443");
  EXPECT_EQ(r->url_key(), "facebook.com/");
}

TEST(UrlNormaliserTest, PercentEncoding) {
  EXPECT_EQ(canonical("http://%66acebook.com/"), "http://facebook.com/");
  EXPECT_EQ(canonical("http://example.com/%7euser/%41b%2fc%2A"),
            "http://example.com/~user/Ab%2Fc%2A");
  EXPECT_EQ(canonical("http://example.com/100%/a b"), "http://example.com/100%25/a%20b");
  EXPECT_EQ(canonical("http://example.com/x?q=%41%3d&r"), "http://example.com/x?q=A%3D&r");
}

TEST(UrlNormaliserTest, DotSegments) {
  EXPECT_EQ(canonical("http://example.com/a/b/../c/./d"), "http://example.com/a/c/d");
  EXPECT_EQ(canonical("http://example.com/../../etc"), "http://example.com/etc");
  EXPECT_EQ(canonical("http://example.com/a/%2e%2e/b"), "http://example.com/b");
  EXPECT_EQ(canonical("http://example.com/a/.."), "http://example.com/");
  EXPECT_EQ(canonical("http://example.com\\a\\..\\b"), "http://example.com/b");
  EXPECT_EQ(canonical("http://example.com/a/../b?x=/../y"), "http://example.com/b?x=/../y");
}

TEST(UrlNormaliserTest, NumericIpv4Forms) {
  EXPECT_EQ(host_of("http://3232235777/"), "192.168.1.1");       // decimal
  EXPECT_EQ(host_of("http://0xC0A80101/"), "192.168.1.1");       // hexadecimal
  EXPECT_EQ(host_of("http://0300.0250.1.1/"), "192.168.1.1");    // octal
  EXPECT_EQ(host_of("http://0xc0.168.0001.1/"), "192.168.1.1");  // mixed
  EXPECT_EQ(host_of("http://192.168.257/"), "192.168.1.1");      // short form
  EXPECT_EQ(host_of("http://192.11010305/"), "192.168.1.1");     // two parts
  EXPECT_EQ(host_of("http://127.1/"), "127.0.0.1");
  EXPECT_EQ(host_of("http://192.168.1.1./"), "192.168.1.1");
  auto plain = normalise_url("http://192.168.1.1/");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->host_kind, HostKind::kIPv4);
  EXPECT_FALSE(plain->numeric_form);
  auto evasive = normalise_url("http://3232235777/");
  ASSERT_TRUE(evasive.ok());
  EXPECT_TRUE(evasive->numeric_form);
  EXPECT_FALSE(normalise_url("http://256.1.1.1/").ok());
  EXPECT_FALSE(normalise_url("http://1.2.3.4.5/").ok());
  EXPECT_FALSE(normalise_url("http://4294967296/").ok());
  EXPECT_FALSE(normalise_url("http://1.2.3.09/").ok());  // 09 is not octal
  EXPECT_EQ(host_of("http://1.2.3.a9/"), "1.2.3.a9");    // a name, not an address
}

TEST(UrlNormaliserTest, Ipv6Literals) {
  EXPECT_EQ(canonical("http://[2001:DB8:0:0:0:0:0:1]:8080/x"), "http://[2001:db8::1]:8080/x");
  EXPECT_EQ(host_of("http://[::ffff:192.168.1.1]/"), "192.168.1.1");
  auto r = normalise_url("[::1]:443");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->host, "[::1]");
  EXPECT_EQ(r->host_kind, HostKind::kIPv6);
  EXPECT_FALSE(normalise_url("http://[::zz]/").ok());
  EXPECT_FALSE(normalise_url("http://[::1/").ok());
}

TEST(UrlNormaliserTest, InternationalisedNamesBecomePunycode) {
  EXPECT_EQ(host_of("http://bücher.de/"), "xn--bcher-kva.de");
  EXPECT_EQ(host_of("http://B%C3%BCcher.DE/"), "xn--bcher-kva.de");
  EXPECT_EQ(host_of("http://faceboo\xef\xbd\x8b.com/"), "facebook.com");  // full-width k
  EXPECT_EQ(host_of("http://example\xe3\x80\x82"
                    "com/"),
            "example.com");                                     // ideographic dot
  EXPECT_FALSE(normalise_url("http://bad\xff\xfe.com/").ok());  // not UTF-8
}

TEST(UrlNormaliserTest, InvalidHostsAreRefused) {
  EXPECT_FALSE(normalise_url("").ok());
  EXPECT_FALSE(normalise_url("http:///path").ok());
  EXPECT_FALSE(normalise_url("http://a..b.com/").ok());
  EXPECT_FALSE(normalise_url("http://exa mple.com/").ok());
  EXPECT_FALSE(normalise_url("http://exa%00mple.com/").ok());
  EXPECT_FALSE(normalise_url(std::string(kMaxUrlBytes + 1, 'a')).ok());
}

TEST(UrlNormaliserTest, UrlKeyStripsWwwLikeSquidGuard) {
  auto key = [](std::string_view raw) { return normalise_url(raw)->url_key(); };
  EXPECT_EQ(key("http://www.Example.com:8080/Foo?Bar"), "example.com/foo?bar");
  EXPECT_EQ(key("http://web12.example.com/x"), "example.com/x");
  EXPECT_EQ(key("http://www2.example.com/x"), "example.com/x");
  EXPECT_EQ(key("http://ftp.example.com/x"), "example.com/x");
  EXPECT_EQ(key("http://wwwexample.com/x"), "wwwexample.com/x");
  EXPECT_EQ(key("http://www.com/"), "com/");
  EXPECT_EQ(strip_www("www"), "www");
  EXPECT_EQ(strip_www("www."), "www.");
}

// squidGuard 1.6 reads "//" in a path as "/" (and so do web servers), so a
// doubled slash must not get a request past a url entry; the query's "//"
// (?u=http://...) is data and stays.
TEST(UrlNormaliserTest, UrlKeyWritesEachRunOfSlashesInThePathAsOne) {
  auto key = [](std::string_view raw) { return normalise_url(raw)->url_key(); };
  EXPECT_EQ(key("http://example.com//a///b/"), "example.com/a/b/");
  EXPECT_EQ(key("http://example.com//"), "example.com/");
  EXPECT_EQ(key("http://example.com/a/?u=http://x//y"), "example.com/a/?u=http://x//y");
  EXPECT_EQ(key("example.com:443"), "example.com/");
  // The URL itself keeps its slashes.
  EXPECT_EQ(normalise_url("http://example.com//a")->to_string(), "http://example.com//a");
}

TEST(UrlNormaliserTest, ExpressionSubjectIsTheLowerCaseUrl) {
  auto r = normalise_url("HTTPS://www.Google.com/Search?Q=Cache");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->expression_subject(), "https://www.google.com/search?q=cache");
}

TEST(UrlNormaliserTest, RandomBytesNeverCrash) {
  std::mt19937 rng(12345);
  const std::string alphabet = "htps:/[]@%.0123456789abcxX?#\\:-~\xc3\xbc\xff";
  for (int i = 0; i < 20000; ++i) {
    std::string s(rng() % 64, '\0');
    bool structured = i % 2 == 0;
    for (char& c : s)
      c = structured ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() & 0xff);
    auto r = normalise_url(s);
    if (r.ok()) {
      // A normalised URL normalises to itself.
      auto again = normalise_url(r->to_string());
      ASSERT_TRUE(again.ok()) << r->to_string();
      EXPECT_EQ(again->to_string(), r->to_string());
    }
  }
}

}  // namespace
}  // namespace inloco::filter

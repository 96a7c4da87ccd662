// REQ NET-2: filter groups chosen by source address range, IPv4 and IPv6.
#include "profile/address_range.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(AddressRangeTest, ReadsAndWritesBackCidrRanges) {
  for (const char* text : {"10.20.0.0/16", "192.168.1.0/24", "0.0.0.0/0", "10.0.0.5/32",
                           "2001:db8::/32", "fe80::/10", "::1/128"}) {
    auto r = parse_address_range(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.error().message;
    EXPECT_EQ(r->text(), text);
  }
  EXPECT_EQ(parse_address_range("10.0.0.5")->text(), "10.0.0.5/32");  // one address
  EXPECT_EQ(parse_address_range("2001:db8::1")->text(), "2001:db8::1/128");
  EXPECT_FALSE(parse_address_range("10.20.1.0/16").ok());  // bits past the prefix
  EXPECT_FALSE(parse_address_range("10.0.0.0/").ok());
  EXPECT_FALSE(parse_address_range("10.0.0.0/x").ok());
  EXPECT_FALSE(parse_address_range("2001:db8::/129").ok());
  EXPECT_FALSE(parse_address_range("school-network").ok());
  EXPECT_FALSE(parse_address_range("").ok());
}

TEST(AddressRangeTest, ContainsAddressesOfEitherFamily) {
  auto v4 = parse_address_range("10.20.0.0/16");
  ASSERT_TRUE(v4.ok());
  EXPECT_TRUE(v4->contains(*parse_ip_address("10.20.255.7")));
  EXPECT_FALSE(v4->contains(*parse_ip_address("10.21.0.1")));
  // An IPv4 client as a dual-stack proxy reports it.
  EXPECT_TRUE(v4->contains(*parse_ip_address("::ffff:10.20.1.5")));
  EXPECT_FALSE(v4->contains(*parse_ip_address("2001:db8::1")));
  auto v6 = parse_address_range("2001:db8:20::/48");
  ASSERT_TRUE(v6.ok());
  EXPECT_TRUE(v6->contains(*parse_ip_address("2001:db8:20:1::9")));
  EXPECT_TRUE(v6->contains(*parse_ip_address("[2001:db8:20::1]")));
  EXPECT_FALSE(v6->contains(*parse_ip_address("2001:db8:21::1")));
  EXPECT_TRUE(parse_address_range("0.0.0.0/0")->contains(*parse_ip_address("8.8.8.8")));
  EXPECT_FALSE(parse_ip_address("10.0.0.256"));
  EXPECT_FALSE(parse_ip_address("pupil-laptop"));
  EXPECT_FALSE(parse_ip_address(""));
}

}  // namespace
}  // namespace inloco

// REQ NET-1: the helper speaks Squid's line protocol exactly (channel IDs,
// answer quoting), or Squid misreads answers and lets requests through.
#include "filter/squid_protocol.h"

#include <gtest/gtest.h>

namespace inloco::filter {
namespace {

TEST(SquidProtocolTest, ReadsTheChannelIdWhenTheFirstTokenIsAllDigits) {
  HelperLine with = parse_helper_line("7 http://example.com/ 10.0.0.5 pupil1\r");
  ASSERT_TRUE(with.channel.has_value());
  EXPECT_EQ(*with.channel, "7");
  ASSERT_EQ(with.tokens.size(), 3u);
  EXPECT_EQ(with.tokens[0], "http://example.com/");
  EXPECT_EQ(with.tokens[2], "pupil1");

  HelperLine without = parse_helper_line("http://example.com/  -");
  EXPECT_FALSE(without.channel.has_value());
  ASSERT_EQ(without.tokens.size(), 2u);
  EXPECT_EQ(without.tokens[1], "-");

  HelperLine connect = parse_helper_line("0 blocked.test:443");
  EXPECT_EQ(*connect.channel, "0");
  EXPECT_EQ(connect.tokens[0], "blocked.test:443");

  EXPECT_TRUE(parse_helper_line("").tokens.empty());
  HelperLine only_channel = parse_helper_line("12");
  EXPECT_EQ(*only_channel.channel, "12");
  EXPECT_TRUE(only_channel.tokens.empty());
}

TEST(SquidProtocolTest, DecodesValuesButNotTheDash) {
  EXPECT_EQ(decode_token("John%20Smith"), "John Smith");
  EXPECT_EQ(decode_token("SCHOOL%5Cpupil1"), "SCHOOL\\pupil1");
  EXPECT_EQ(decode_token("-"), "");
  EXPECT_EQ(decode_token("100%"), "100%");
  EXPECT_EQ(decode_token("%zz"), "%zz");
}

TEST(SquidProtocolTest, QuotesEveryValueWithSquidsEscapes) {
  EXPECT_EQ(quote_value("social_networks"), "\"social_networks\"");
  EXPECT_EQ(quote_value("J. \"Bob\" Smith"), "\"J. \\\"Bob\\\" Smith\"");
  EXPECT_EQ(quote_value("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(quote_value("two\nlines\r"), "\"two\\nlines\\r\"");
  EXPECT_EQ(quote_value(std::string("tab\there\0", 9)), "\"tab here \"");
  EXPECT_EQ(quote_value(""), "\"\"");
}

TEST(SquidProtocolTest, FormatsAnswersWithAndWithoutAChannel) {
  EXPECT_EQ(format_answer("3", "OK"), "3 OK\n");
  EXPECT_EQ(format_answer(std::nullopt, "OK"), "OK\n");
  EXPECT_EQ(format_answer("0", "ERR", {{"message", "No."}, {"tag", "adult"}}),
            "0 ERR message=\"No.\" tag=\"adult\"\n");
}

TEST(SquidProtocolTest, PercentEncodesQueryComponents) {
  EXPECT_EQ(percent_encode_component("http://a.test/x?y=1&z=2 3"),
            "http%3A%2F%2Fa.test%2Fx%3Fy%3D1%26z%3D2%203");
  EXPECT_EQ(percent_encode_component("social_networks-1.~"), "social_networks-1.~");
  EXPECT_EQ(percent_encode_component("\xc3\xa9"), "%C3%A9");
}

}  // namespace
}  // namespace inloco::filter

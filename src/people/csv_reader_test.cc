// REQ ORG-4: reading the CSV exports of school information systems.
#include "people/csv_reader.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

std::vector<std::string> fields(std::initializer_list<const char*> f) {
  return {f.begin(), f.end()};
}

TEST(CsvReaderTest, PlainRecordsWithLineNumbers) {
  auto r = parse_csv("a,b,c\n1,2,3\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].line, 1u);
  EXPECT_EQ((*r)[0].fields, fields({"a", "b", "c"}));
  EXPECT_EQ((*r)[1].line, 2u);
  EXPECT_EQ((*r)[1].fields, fields({"1", "2", "3"}));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto r = parse_csv(
      "name,note\r\n"
      "\"Smith, Jo\",\"She said \"\"hi\"\"\"\r\n"
      "\"O'Brien\",\"two\r\nlines\"\r\n"
      "last,\"\"\r\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[1].fields, fields({"Smith, Jo", "She said \"hi\""}));
  EXPECT_EQ((*r)[2].line, 3u);
  EXPECT_EQ((*r)[2].fields, fields({"O'Brien", "two\nlines"}));
  EXPECT_EQ((*r)[3].line, 5u);  // the record after a two-line field starts on line 5
  EXPECT_EQ((*r)[3].fields, fields({"last", ""}));
}

TEST(CsvReaderTest, BomEmptyLinesCrAndNoFinalNewline) {
  auto r = parse_csv("\xEF\xBB\xBFid,name\n\n1,Ann\r2,Bob\n\n3,");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].fields, fields({"id", "name"}));
  EXPECT_EQ((*r)[1].line, 3u);
  EXPECT_EQ((*r)[2].line, 4u);
  EXPECT_EQ((*r)[2].fields, fields({"2", "Bob"}));
  EXPECT_EQ((*r)[3].line, 6u);
  EXPECT_EQ((*r)[3].fields, fields({"3", ""}));
}

TEST(CsvReaderTest, EmptyInput) {
  auto r = parse_csv("");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
  auto bom = parse_csv("\xEF\xBB\xBF");
  ASSERT_TRUE(bom.ok());
  EXPECT_TRUE(bom->empty());
}

TEST(CsvReaderTest, UnterminatedQuoteNamesItsLine) {
  auto r = parse_csv("a,b\n1,2\n3,\"open\n4,5\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("line 3"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("never closed"), std::string::npos);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  auto r = parse_csv("a,b\n\"x\"y,2\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("line 2"), std::string::npos) << r.error().message;
}

TEST(CsvReaderTest, QuoteInsideUnquotedFieldIsKept) {
  auto r = parse_csv("5'10\" tall,x\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].fields, fields({"5'10\" tall", "x"}));
}

}  // namespace
}  // namespace inloco

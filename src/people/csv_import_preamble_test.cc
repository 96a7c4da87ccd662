// REQ ORG-4, REQ CON-8: the start every CSV import shares: one set of refusals, each
// saying nothing was changed, and the rows handed on without the blank ones.
#include "people/csv_import_preamble.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

namespace inloco {
namespace {

constexpr std::array<std::string_view, 3> kColumns = {"external_id", "given_name", "note"};
constexpr std::array<size_t, 2> kRequired = {0, 1};

Result<CsvImportRows> read(std::string_view text, size_t max_rows = 3) {
  return read_csv_import(text, {.columns = kColumns,
                                .required = kRequired,
                                .when_empty = "Give it a header row.",
                                .rows_are = "pupils",
                                .max_rows = max_rows});
}

TEST(CsvImportPreambleTest, HandsOnTheHeaderAndTheRowsThatAreNotBlank) {
  auto r = read("Given Name,external_id\nRuth,S1\n , \n\nAmos,S2\n,\n");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->header.width, 2u);
  EXPECT_EQ(r->header.position[0], 1u);
  ASSERT_EQ(r->rows.size(), 2u);
  EXPECT_EQ(r->rows[0].line, 2u);
  EXPECT_EQ(r->header.cell(r->rows[0], 1), "Ruth");
  EXPECT_EQ(r->rows[1].line, 5u);  // its line in the file, blank lines counted
  EXPECT_EQ(r->header.cell(r->rows[1], 0), "S2");
}

TEST(CsvImportPreambleTest, RefusesTextThatIsNotCsvWithTheReadersLine) {
  auto r = read("external_id,given_name\nS1,\"Ruth\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message,
            "The file was not imported: it could not be read as CSV. Nothing was changed.");
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_NE(r.error().details[0].find("line 2"), std::string::npos) << r.error().details[0];
}

TEST(CsvImportPreambleTest, RefusesAnEmptyFileWithTheImportsAdvice) {
  auto r = read("");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "The file was not imported: it is empty. Give it a header row.");
}

TEST(CsvImportPreambleTest, RefusesABadHeaderAsCsvHeaderDoes) {
  auto r = read("external_id,shoe_size\nS1,9\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("'shoe_size' is not recognised"), std::string::npos)
      << r.error().message;
  EXPECT_EQ(r.error().details.size(), 2u);  // the unknown column and the missing given_name
}

TEST(CsvImportPreambleTest, RefusesAHeaderWithNoRowsNamingWhatTheyWouldBe) {
  auto r = read("external_id,given_name\n,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "The file was not imported: it has a header row but no pupils. Nothing was changed.");
}

TEST(CsvImportPreambleTest, RefusesMoreRowsThanTheImportTakes) {
  const std::string text = "external_id,given_name\nS1,A\nS2,B\nS3,C\n";
  EXPECT_TRUE(read(text, 3).ok());
  auto r = read(text, 2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "The file was not imported: it has 3 rows, more than the 2 one import can take. "
            "Split it into smaller files.");
}

}  // namespace
}  // namespace inloco

// The header row of an import's CSV file (ORG-4, CON-8): names matched loosely,
// every problem listed with its line.
#include "people/csv_header.h"

#include <gtest/gtest.h>

#include <array>

namespace inloco {
namespace {

constexpr std::array<std::string_view, 3> kNames = {"external_id", "given_name", "note"};
constexpr std::array<size_t, 2> kRequired = {0, 1};

Result<CsvHeader> read(std::vector<std::string> fields) {
  return read_csv_header(CsvRecord{1, std::move(fields)}, kNames, kRequired);
}

std::string all_details(const Error& e) {
  std::string out;
  for (const auto& d : e.details) out += d + "\n";
  return out;
}

TEST(CsvHeaderTest, NamesMatchIgnoringCaseSpacesAndHyphensInAnyOrder) {
  auto h = read({" Given Name ", "EXTERNAL-ID"});
  ASSERT_TRUE(h.ok()) << all_details(h.error());
  EXPECT_EQ(h->width, 2u);
  EXPECT_EQ(h->position[0], 1u);
  EXPECT_EQ(h->position[1], 0u);
  EXPECT_FALSE(h->has(2));  // optional and left out

  CsvRecord row{2, {" Ruth ", "S1"}};
  EXPECT_EQ(h->cell(row, 0), "S1");
  EXPECT_EQ(h->cell(row, 1), "Ruth");
  EXPECT_EQ(h->cell(row, 2), "");                     // absent column
  EXPECT_EQ(h->cell(CsvRecord{3, {"Ruth"}}, 0), "");  // short record
}

TEST(CsvHeaderTest, UnknownColumnsAreNamedInTheMessageAndListedWithTheKnownOnes) {
  auto h = read({"external_id", "given_name", "shoe_size", " Hat "});
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(h.error().message,
            "The file was not imported: the columns 'shoe_size', 'Hat' are not recognised. "
            "Nothing was changed.");
  ASSERT_EQ(h.error().details.size(), 2u);
  EXPECT_EQ(h.error().details[0],
            "line 1: the column 'shoe_size' is not recognised; remove it or rename it to one "
            "of: external_id, given_name, note");
}

TEST(CsvHeaderTest, MissingRepeatedAndUnnamedColumnsAreEachAProblem) {
  auto h = read({"external_id", "", "External ID"});
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().message,
            "The file was not imported: its first row must name the columns. Nothing was "
            "changed.");
  std::string d = all_details(h.error());
  EXPECT_NE(d.find("line 1: column 2 has no name; name it or remove it"), std::string::npos) << d;
  EXPECT_NE(d.find("line 1: the column 'external_id' appears twice; keep one"), std::string::npos)
      << d;
  EXPECT_NE(d.find("line 1: the required column 'given_name' is missing"), std::string::npos) << d;
}

}  // namespace
}  // namespace inloco

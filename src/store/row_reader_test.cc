// No requirement ID: the storage contract. RowReader takes columns in order.
#include "store/row_reader.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace inloco {
namespace {

TEST(RowReaderTest, TakesColumnsLeftToRight) {
  Row row({SqlValue(int64_t{7}), SqlValue(std::string("Oakfield")), SqlValue(), SqlValue(2.5),
           SqlValue(int64_t{1}), SqlValue(std::string("2026-09-01"))});
  RowReader in(row);
  EXPECT_EQ(in.integer(), 7);
  EXPECT_EQ(in.text(), "Oakfield");
  EXPECT_TRUE(in.is_null());
  EXPECT_EQ(in.optional_integer(), std::nullopt);
  EXPECT_DOUBLE_EQ(in.real(), 2.5);
  EXPECT_TRUE(in.flag());
  EXPECT_EQ(in.optional_text(), std::optional<std::string>("2026-09-01"));
  EXPECT_EQ(in.position(), 6u);
  EXPECT_THROW(in.integer(), std::out_of_range);
}

TEST(RowReaderTest, StartsWhereAnotherReaderStopped) {
  Row row({SqlValue(int64_t{1}), SqlValue(int64_t{2}), SqlValue(std::string("three"))});
  RowReader in(row, 1);
  EXPECT_EQ(in.integer(), 2);
  in.skip(0);
  EXPECT_EQ(in.text(), "three");
}

}  // namespace
}  // namespace inloco

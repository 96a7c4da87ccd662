#include "filter/mapped_file.h"

#include <gtest/gtest.h>

#include "filter/filter_test_support.h"

namespace inloco::filter {
namespace {

TEST(FilterMappedFileTest, MapsAndMovesAndRefusesMissing) {
  testing::TempDir dir;
  dir.write("a.bin", "hello snapshot");
  auto m = MappedFile::open((dir.path() / "a.bin").string());
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->bytes(), "hello snapshot");
  MappedFile moved = std::move(m).value();
  EXPECT_EQ(moved.bytes(), "hello snapshot");
  MappedFile other;
  other = std::move(moved);
  EXPECT_EQ(other.bytes(), "hello snapshot");
  EXPECT_TRUE(moved.bytes().empty());  // NOLINT(bugprone-use-after-move): moved-from is empty

  dir.write("empty.bin", "");
  auto e = MappedFile::open((dir.path() / "empty.bin").string());
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->bytes().empty());

  EXPECT_FALSE(MappedFile::open((dir.path() / "none.bin").string()).ok());
  EXPECT_FALSE(MappedFile::open(dir.path().string()).ok());  // a folder
}

}  // namespace
}  // namespace inloco::filter

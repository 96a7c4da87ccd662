#include "people/import_refusal.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(ImportRefusal, NoneWhenNoRowHasAProblem) {
  EXPECT_FALSE(import_refusal({}).has_value());
  EXPECT_FALSE(import_refusal({{3, {}}}).has_value());
}

TEST(ImportRefusal, CountsRowsAndListsEveryProblemInLineOrder) {
  auto e = import_refusal(
      {{7, {"Line 7: no year group"}}, {2, {"Line 2: no name", "Line 2: bad date"}}, {5, {}}});
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->code, ErrorCode::kInvalid);
  EXPECT_EQ(e->message, "The file was not imported: 2 rows have problems. Nothing was changed.");
  EXPECT_EQ(e->details, (std::vector<std::string>{"Line 2: no name", "Line 2: bad date",
                                                  "Line 7: no year group"}));
  EXPECT_EQ(import_refusal({{1, {"x"}}})->message,
            "The file was not imported: 1 row has problems. Nothing was changed.");
}

}  // namespace
}  // namespace inloco

// Reads a row's columns from left to right, in the order of its SELECT list,
// so a reader sits beside the columns it reads instead of numbering them: a
// column added in the middle of a SELECT is one new line in the reader, not
// every later index renumbered by hand. Reading past the last column is a
// bug (std::out_of_range, as Row::operator[]).
//
//   Rows rows = TRY(conn.query("SELECT id, name, ends_on FROM things WHERE ..."));
//   for (const Row& row : rows) {
//     RowReader in(row);
//     Thing t;
//     t.id = in.integer();
//     t.name = in.text();
//     t.ends_on = in.optional_text();
//   }
//
// Conversions are SqlValue's: lenient (text digits read as integers, NULL as
// 0 or ""), so use the optional_ reads for columns that may be NULL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace inloco {

class RowReader {
 public:
  // Starts at column `first` (for a row whose leading columns another reader takes).
  explicit RowReader(const Row& row, size_t first = 0) : row_(row), next_(first) {}

  int64_t integer() { return take().as_int(); }
  double real() { return take().as_double(); }
  std::string text() { return take().as_text(); }
  bool flag() { return take().as_bool(); }
  std::optional<int64_t> optional_integer() { return take().as_optional_int(); }
  std::optional<std::string> optional_text() { return take().as_optional_text(); }
  bool is_null() const { return row_[next_].is_null(); }  // the next column, without taking it
  const SqlValue& value() { return take(); }
  void skip(size_t columns = 1) { next_ += columns; }
  size_t position() const { return next_; }  // the index of the next column

 private:
  const SqlValue& take() { return row_[next_++]; }
  const Row& row_;
  size_t next_;
};

}  // namespace inloco

// The header row of an import's CSV file: which of the columns the import
// knows are present, and where. Shared by the imports (people_import.h,
// consent/consent_import.h) so that they read headers, and word their
// problems, alike.
//
// A name matches ignoring surrounding spaces and the case of A-Z, with
// spaces and hyphens read as underscores: "Given Name", "given-name" and
// "GIVEN_NAME" all name given_name. Columns may come in any order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "people/csv_reader.h"

namespace inloco {

struct CsvHeader {
  // By known column (an index into the names given to read_csv_header): its
  // field in each record, or empty when the file leaves the column out.
  std::vector<std::optional<size_t>> position;
  size_t width = 0;  // fields in the header row; every record should have as many

  bool has(size_t column) const { return position[column].has_value(); }
  // The trimmed text of `column` in `record`; empty when the column is absent.
  std::string cell(const CsvRecord& record, size_t column) const;
};

// Reads `header_row` against the import's column `names`, of which those at
// the indexes `required` must be present. kInvalid, with one "line N: ..."
// entry in `details` per problem, when a column has no name, is not one of
// `names` (the entry lists them all), appears twice, or a required column is
// missing; the message names the unrecognised columns.
Result<CsvHeader> read_csv_header(const CsvRecord& header_row,
                                  std::span<const std::string_view> names,
                                  std::span<const size_t> required);

}  // namespace inloco

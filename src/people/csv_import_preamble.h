// The start every all-or-nothing CSV import shares (people_import.h,
// consent/consent_import.h), so that they refuse a file in the same words: the
// text read as CSV, the header row read against the import's columns
// (csv_header.h), rows blank in every field dropped (spreadsheets leave them at
// the end), and the rows left counted against the import's limit. The rows
// themselves (their width, UTF-8 and values) are the import's own to check; it
// refuses them with import_refusal.h.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "people/csv_header.h"
#include "people/csv_reader.h"

namespace inloco {

// What one import reads and how it names what it imports.
struct CsvImportSpec {
  std::span<const std::string_view> columns;  // the names read_csv_header knows
  std::span<const size_t> required;           // indexes into `columns`
  // After "The file was not imported: it is empty. ": what the file should hold.
  std::string_view when_empty;
  std::string_view rows_are;  // "people": "it has a header row but no people."
  size_t max_rows = 0;
};

struct CsvImportRows {
  CsvHeader header;
  std::vector<CsvRecord> rows;  // the records after the header that are not blank, in file order
};

// kInvalid, saying nothing was changed, when the text is not CSV (the reader's
// "line N: ..." as a detail), is empty, has a bad header row (csv_header.h),
// has no rows that are not blank, or more than spec.max_rows of them.
Result<CsvImportRows> read_csv_import(std::string_view csv_text, const CsvImportSpec& spec);

}  // namespace inloco

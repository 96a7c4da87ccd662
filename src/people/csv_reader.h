// An RFC 4180 CSV reader for the exports of school information systems.
//
// Reads quoted fields with doubled quotes ("say ""hi"""), commas and line
// breaks inside quotes, CRLF, LF or CR line endings, and drops a UTF-8 byte
// order mark (Excel writes one with "CSV UTF-8"). Each record carries the
// 1-based line of the file where it starts, so that an import can say
// "line 12: ..." about a record whose fields span several lines. Completely
// empty lines are skipped; a last line without a line break is read.
//
// Strict where leniency would hide a broken file: a quote that is never closed,
// or text straight after a closing quote, is an error naming the line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco {

struct CsvRecord {
  size_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// kInvalid with "line N: ..." when the text is not CSV.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text);

}  // namespace inloco

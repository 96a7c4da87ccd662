#include "people/csv_header.h"

#include <algorithm>

#include "core/text.h"
#include "people/person_fields.h"

namespace inloco {
namespace {

std::string header_key(std::string_view text) {
  std::string out = ascii_lower(trim(text));
  for (char& c : out)
    if (c == ' ' || c == '-') c = '_';
  return out;
}

std::string in_quotes(std::string_view v) { return "'" + std::string(v) + "'"; }

// "The file was not imported: the columns 'a', 'b' are not recognised. ..."
std::string summary(const std::vector<std::string>& unknown) {
  std::string message = "The file was not imported: ";
  if (unknown.empty()) return message + "its first row must name the columns. Nothing was changed.";
  message += "the column" + std::string(unknown.size() == 1 ? " " : "s ") + in_quotes(unknown[0]);
  for (size_t i = 1; i < unknown.size(); ++i) message += ", " + in_quotes(unknown[i]);
  message += std::string(unknown.size() == 1 ? " is" : " are") + " not recognised. ";
  return message + "Nothing was changed.";
}

}  // namespace

std::string CsvHeader::cell(const CsvRecord& record, size_t column) const {
  const std::optional<size_t>& at = position[column];
  if (!at || *at >= record.fields.size()) return {};
  return std::string(trim(record.fields[*at]));
}

Result<CsvHeader> read_csv_header(const CsvRecord& header_row,
                                  std::span<const std::string_view> names,
                                  std::span<const size_t> required) {
  CsvHeader h;
  h.position.resize(names.size());
  h.width = header_row.fields.size();
  const std::string line = "line " + std::to_string(header_row.line) + ": ";
  std::vector<std::string> problems;
  std::vector<std::string> unknown;
  for (size_t i = 0; i < header_row.fields.size(); ++i) {
    std::string key = header_key(header_row.fields[i]);
    if (key.empty()) {
      problems.push_back(line + "column " + std::to_string(i + 1) +
                         " has no name; name it or remove it");
      continue;
    }
    auto it = std::find(names.begin(), names.end(), key);
    if (it == names.end()) {
      std::string as_written(trim(header_row.fields[i]));
      problems.push_back(line + "the column " + in_quotes(as_written) +
                         " is not recognised; remove it or rename it to one of: " +
                         join(std::vector<std::string>(names.begin(), names.end()), ", "));
      unknown.push_back(std::move(as_written));
      continue;
    }
    auto column = static_cast<size_t>(it - names.begin());
    if (h.position[column]) {
      problems.push_back(line + "the column " + in_quotes(key) + " appears twice; keep one");
      continue;
    }
    h.position[column] = i;
  }
  for (size_t column : required)
    if (!h.position[column])
      problems.push_back(line + "the required column " + in_quotes(names[column]) + " is missing");
  if (problems.empty()) return h;
  Error e = Error::invalid(summary(unknown));
  e.details = std::move(problems);
  return e;
}

}  // namespace inloco

#include "people/csv_import_preamble.h"

#include <algorithm>
#include <string>

#include "core/text.h"

namespace inloco {

Result<CsvImportRows> read_csv_import(std::string_view csv_text, const CsvImportSpec& spec) {
  auto parsed = parse_csv(csv_text);
  if (!parsed.ok()) {
    Error e = Error::invalid(
        "The file was not imported: it could not be read as CSV. Nothing was changed.");
    e.details.push_back(parsed.error().message);
    return e;
  }
  std::vector<CsvRecord> records = std::move(parsed).value();
  if (records.empty())
    return Error::invalid("The file was not imported: it is empty. " +
                          std::string(spec.when_empty));
  CsvImportRows out{TRY(read_csv_header(records[0], spec.columns, spec.required)), {}};
  out.rows.reserve(records.size() - 1);
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& fields = records[i].fields;
    bool blank = std::all_of(fields.begin(), fields.end(),
                             [](const std::string& f) { return trim(f).empty(); });
    if (!blank) out.rows.push_back(std::move(records[i]));
  }
  if (out.rows.empty())
    return Error::invalid("The file was not imported: it has a header row but no " +
                          std::string(spec.rows_are) + ". Nothing was changed.");
  if (out.rows.size() > spec.max_rows)
    return Error::invalid("The file was not imported: it has " + std::to_string(out.rows.size()) +
                          " rows, more than the " + std::to_string(spec.max_rows) +
                          " one import can take. Split it into smaller files.");
  return out;
}

}  // namespace inloco

#include "people/csv_reader.h"

namespace inloco {

Result<std::vector<CsvRecord>> parse_csv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<CsvRecord> records;
  size_t line = 1;
  size_t i = 0;
  const size_t n = text.size();

  // Consumes one line ending at i (CRLF, LF or CR), if there is one.
  auto end_of_line = [&]() -> bool {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      return true;
    }
    if (i < n && text[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };

  while (i < n) {
    if (end_of_line()) continue;  // an empty line
    CsvRecord record;
    record.line = line;
    for (;;) {  // one field per pass
      std::string field;
      if (i < n && text[i] == '"') {
        size_t quote_line = line;
        ++i;
        for (;;) {
          if (i >= n)
            return Error::invalid("line " + std::to_string(quote_line) +
                                  ": a quoted field is never closed; add the missing closing "
                                  "quote (\") or double any quote inside the field (\"\")");
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field.push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\r' || c == '\n') {
            // A line break inside quotes is part of the field; keep it as LF.
            end_of_line();
            field.push_back('\n');
            continue;
          }
          field.push_back(c);
          ++i;
        }
        if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
          return Error::invalid("line " + std::to_string(line) +
                                ": there is text straight after a closing quote in field " +
                                std::to_string(record.fields.size() + 1) +
                                "; put the whole field in quotes and double any quote inside "
                                "it (\"\")");
      } else {
        while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
          field.push_back(text[i++]);
      }
      record.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      end_of_line();
      break;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace inloco

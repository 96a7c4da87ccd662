// Days as the schema keeps them ('YYYY-MM-DD' text, portable to SQLite and
// PostgreSQL) read into CalendarDate once, when a row is read, so records hold
// dates and compare them as dates; and written back with .iso().
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.h"
#include "core/result.h"
#include "store/database.h"

namespace inloco {

// kInternal when the text is not such a day (a damaged row), with the column and
// the text for the log only: a record is never shown or judged with a guessed day.
Result<CalendarDate> stored_day(const SqlValue& value, std::string_view column);
// The same for a column that may be NULL (none).
Result<std::optional<CalendarDate>> stored_optional_day(const SqlValue& value,
                                                        std::string_view column);

// The 'YYYY-MM-DD' text of an optional day, for binding, audit details, JSON and
// pages: none stays none.
std::optional<std::string> optional_iso(const std::optional<CalendarDate>& day);

}  // namespace inloco

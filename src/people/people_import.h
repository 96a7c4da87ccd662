// ORG-4: importing people and parent-child links from the CSV export of a
// school information system. docs/import.md is the guide for office staff;
// keep the two in step.
//
// The import is all or nothing. Every row is checked first, against the file
// and against what is stored for the school; if any row has a problem nothing
// is written and the error's `details` hold one "line N: ..." entry per
// problem, for every bad row, so that the whole file can be fixed at once.
// Otherwise the file is written in one transaction with one audit entry
// ("people.import") for the whole import.
//
// People are matched by (school, external_id): a re-import updates the stored
// person rather than adding another. A column left out of the file leaves that
// field of stored people alone; an empty cell in a column that is present
// clears it, except competent_to_consent, where an empty cell keeps the
// school's decision. People are never removed by an import, and neither are
// parent-child links missing from the file.
//
// Thread-safety: as Database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

inline constexpr size_t kMaxImportRows = 50000;

struct ImportReport {
  int created = 0;    // people added
  int updated = 0;    // people already stored whose details changed
  int unchanged = 0;  // people already stored exactly as in the file
  int links = 0;      // parent-child links added or changed
};

// Called with done = 0 .. total: the first half of total is checking the rows,
// the second half writing them. May be called from the importing thread only.
using ImportProgress = std::function<void(size_t done, size_t total)>;

// The column names the import accepts, in the order of the guide.
std::span<const std::string_view> people_import_columns();

// kNotFound for an unknown school; kInvalid (with details) for a file that is
// not CSV, has a bad header row, or has rows with problems.
Result<ImportReport> import_people_csv(Database& db, const Clock& clock, const Actor& actor,
                                       int64_t school_id, std::string_view csv_text,
                                       const ImportProgress& progress = {});

}  // namespace inloco

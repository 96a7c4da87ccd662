// CSV import of consent decisions from a pile of paper forms (or another
// system's export), for one school.
//
// Columns (header row required, any order, "Given On" and "given-on" both
// name given_on): pupil_external_id, use, decision (granted | refused),
// given_by_external_id (a parent or carer's external id, or "pupil" when the
// pupil decided), given_on (YYYY-MM-DD or DD/MM/YYYY), form_reference; and
// optionally effective_from, academic_year ("2026/27"; default: the year
// passed in) and note. Pupils and parents are found by the school
// information system's external id at this school only.
//
// The import is all or nothing, like the people import: every row is checked
// first, with the same rules as record_consent; if any row has a problem
// nothing is written and the error's details hold one "line N: ..." per
// problem, for every bad row. Otherwise it is written with one audit entry
// ("consent.import"). Call inside Database::transaction: the caller's
// transaction holds the whole file, so a failure part way writes nothing. A
// row that repeats the standing decision exactly is counted as unchanged, so
// importing a file twice records it once. A refusal that ends granted consent is a withdrawal and
// opens removal tasks (CON-5) through `find_posts`.
//
// Thread-safety: as Connection (one thread at a time).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "consent/published_posts.h"
#include "core/academic_year.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxConsentImportRows = 20000;

struct ConsentImportReport {
  int rows = 0;
  int recorded = 0;
  int unchanged = 0;
  int withdrawals = 0;
  int removal_tasks = 0;
};

std::span<const std::string_view> consent_import_columns();

// kNotFound for an unknown school; kInvalid (with details) for a file that is
// not CSV, has a bad header row, or has rows with problems.
Result<ConsentImportReport> import_consent_csv(const SchoolScope& at, const ConsentRules& rules,
                                               const AcademicYear& year, std::string_view csv_text,
                                               const PublishedPostsFinder& find_posts);

}  // namespace inloco

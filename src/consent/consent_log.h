// The consent log (CON-6, CON-7): every decision recorded, listed with
// filters, and exported as CSV; and the renewal list as CSV.
//
// Listing and exporting show consent records, so both are audited (IAM-3):
// "consent.view" for a page of the log, "consent.export" for the CSV. Call
// inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "consent/consent_decision.h"
#include "consent/consent_register.h"
#include "core/clock.h"
#include "core/result.h"
#include "core/text.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

inline constexpr int64_t kMaxConsentLogPageSize = 500;

struct ConsentLogQuery {
  int64_t school_id = 0;
  std::optional<AcademicYear> year;
  std::optional<std::string> use;
  std::optional<std::string> class_name;
  std::optional<ConsentState> decision;  // kGranted or kRefused (kNone matches nothing)
  std::optional<DecisionKind> kind;
  std::optional<int64_t> pupil_id;  // one pupil's history
  bool standing_only = false;       // only each pupil's standing decision per year and use
  int64_t limit = 100;              // 1..kMaxConsentLogPageSize
  int64_t offset = 0;
};

struct ConsentLogPage {
  // Newest year first, then by pupil name, use, and the order they took effect.
  std::vector<ConsentDecision> decisions;
  int64_t total = 0;  // all matches, ignoring limit and offset
};

// kInvalid for a limit out of range. Audited "consent.view".
Result<ConsentLogPage> list_consent_log(Connection& conn, const Clock& clock, const Actor& actor,
                                        const ConsentLogQuery& query);

// Every match (limit and offset ignored) as RFC 4180 CSV with a header row
// and CRLF line ends; cells a spreadsheet would run as a formula (starting
// = + - @, tab or carriage return) get an apostrophe first. Audited
// "consent.export".
Result<std::string> consent_log_csv(Connection& conn, const Clock& clock, const Actor& actor,
                                    const ConsentRules& rules, const ConsentLogQuery& query);

// The renewal list (pupils_without_decision) as CSV, formula-safe likewise:
// class, year group, pupil, external id, and the uses still missing.
std::string renewals_csv(const std::vector<RenewalRow>& rows, const ConsentRules& rules);

// One formula-safe CSV cell.
inline std::string consent_csv_cell(std::string_view value) { return csv_cell(value); }

}  // namespace inloco

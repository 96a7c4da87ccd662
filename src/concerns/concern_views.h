// What the concern pages and the JSON API show, each gathered by one call in
// one transaction with the audit entry the view needs, so a page and the API
// route that shows the same thing agree, and refuse alike: someone who may not
// see a case or a report hears the same as for one that does not exist
// (IAM-2 §3).
#pragma once

#include <cstdint>
#include <vector>

#include "auth/permissions.h"
#include "concerns/case_access.h"
#include "concerns/concern.h"
#include "concerns/concern_evidence.h"
#include "concerns/concern_reports.h"
#include "concerns/pupil_chronology.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/person.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

// require_may_view_case (case_access.h) in a read of its own: the check a
// page or an API route makes before a change to a case, ahead of reading what
// was sent, so an outsider hears only that there is no such concern.
Status require_may_view_case(Database& db, int64_t person_id, int64_t concern_id);

// One case (open_case): its page, its CSV and GET .../concerns/{concern}.
// no_such_case_among_yours() for anyone who may not open it. Audited
// "concern.view"; the person's notices of it are marked read.
Result<ConcernCase> view_case(Database& db, const Clock& clock, const Actor& actor,
                              const ConcernRules& rules, const Grants& grants, int64_t school_id,
                              int64_t concern_id);

// An item's stored file (read_evidence_file), for download from the case page.
// no_such_case_among_yours() for anyone who may not open the case, and for an
// item without a file or of another case. Audited "concern.evidence_view".
Result<EvidenceFile> view_evidence_file(Database& db, const Clock& clock, const Actor& actor,
                                        int64_t school_id, int64_t concern_id, int64_t evidence_id,
                                        const EvidenceVault& vault);

// The cases a person may open at the school (cases_for), with how many are
// new and overdue, for the list page and GET .../concerns.
struct CaseList {
  std::vector<CaseSummary> cases;
  int64_t new_count = 0;      // CaseSummary::is_new
  int64_t overdue_count = 0;  // CaseSummary::overdue
};

// Audited "concern.list".
Result<CaseList> view_case_list(Database& db, const Clock& clock, const Actor& actor,
                                int64_t school_id);

// A pupil's chronology (LAW-1) with the pupil it is about: the page, its CSV
// and GET .../concerns/pupils/{pupil}.
struct PupilChronology {
  Person pupil;
  std::vector<ChronologyEntry> entries;  // only the cases the viewer may open
};

// kNotFound unless the pupil is a pupil of the school. Audited
// "concern.chronology_view".
Result<PupilChronology> view_pupil_chronology(Database& db, const Clock& clock, const Actor& actor,
                                              int64_t school_id, int64_t pupil_id);

// The one answer for a report that is not the person's own, or not there:
// kNotFound "There is no such report among yours."
Error no_such_report_among_yours();

// `e` as no_such_report_among_yours() when it is a refusal (kForbidden) or
// kNotFound; any other error as it is.
Error as_report_refusal(Error e);

// The reporter's own report as they sent it (submitted_report): "your report"
// and GET .../concerns/mine/{concern}. no_such_report_among_yours() for one
// they did not report or of another school. Audited "concern.view_report".
Result<SubmittedReport> view_own_report(Database& db, const Clock& clock, const Actor& actor,
                                        int64_t school_id, int64_t concern_id);

}  // namespace inloco

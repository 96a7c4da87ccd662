// A pupil's child protection chronology (LAW-1): every concern about the
// pupil, as its subject or as someone involved, in the order things happened,
// each with its actions and decisions. Kept apart from the pupil's ordinary
// record: it is reached only through this function, and shows only the
// concerns the viewer may open (case_access.h); the others are left out
// without a trace, so the list never reveals a case to someone outside it.
//
// Call inside Database::transaction: the view is audited there.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "concerns/concern.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct ChronologyEntry {
  Concern concern;
  std::string pupil_is;  // "subject", or the involvement key: "affected", "witness", ...
  std::vector<ConcernAction> actions;  // in the order they were taken
};

// kNotFound unless the pupil is a pupil of the school. Ordered by when each
// concern happened, then when it was reported. Audited
// "concern.chronology_view" (one entry naming the concerns shown).
Result<std::vector<ChronologyEntry>> pupil_chronology(const SchoolScope& at, int64_t pupil_id);

}  // namespace inloco

// The concern tables at the level of rows, shared by the files of
// src/concerns/: reading a concern and its parts, who may open it, and the
// text checks every input passes. Nothing here audits or checks access:
// callers do both.
//
// Internal to src/concerns/. Call inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "concerns/concern.h"
#include "core/result.h"
#include "store/database.h"

namespace inloco {

inline constexpr size_t kMaxConcernTextLength = 10000;  // what happened, a description
inline constexpr size_t kMaxReasonTextLength = 4000;    // a reason, an outcome, a debrief field
inline constexpr size_t kMaxShortConcernText = 200;     // a platform, a counterpart, a name
inline constexpr size_t kMaxAddressLength = 2000;

// kNotFound unless the concern exists and belongs to the school.
Result<Concern> load_concern(Connection& conn, int64_t school_id, int64_t concern_id);
Result<std::vector<ConcernParty>> load_parties(Connection& conn, int64_t concern_id);
Result<std::vector<CaseViewer>> load_viewers(Connection& conn, int64_t concern_id);
// Addresses as stored (live); the caller decides what the viewer sees.
Result<std::vector<EvidenceItem>> load_evidence(Connection& conn, int64_t concern_id);
Result<std::vector<ConcernAction>> load_actions(Connection& conn, int64_t concern_id);

// The viewer row of an active person, if they may open the case.
Result<std::optional<CaseViewer>> find_viewer(Connection& conn, int64_t concern_id,
                                              int64_t person_id);

// Appends one entry to the chronology; returns its id.
Result<int64_t> insert_action(Connection& conn, int64_t concern_id, const ConcernAction& action);

// Trimmed `text` when it is valid UTF-8 of at most `max` bytes (one line
// when `one_line`); otherwise kInvalid naming `what`. Empty is allowed here:
// callers say when a field is required.
Result<std::string> checked_text(std::string_view text, std::string_view what, size_t max,
                                 bool one_line);

// kForbidden unless the actor is a person (the command line without --as is not).
Result<int64_t> acting_person(const std::optional<int64_t>& person_id, std::string_view doing);

}  // namespace inloco

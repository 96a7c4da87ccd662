// Who may open a concern's case (IAM-2 §3, IAM-3): the people it was routed
// to when it was reported, and those they add with a reason. Nobody else —
// not the reporter, not other staff, not another school's headteacher —
// whatever their role: the permission table decides who reaches the concern
// pages at all, and this decides which cases they may open. A person who is
// no longer active loses access. Every view of a case is audited.
//
// Call inside Database::transaction (views are audited there).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "concerns/concern.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// True when the person may open the case (routed or added, and active).
Result<bool> may_view_case(Connection& conn, int64_t person_id, int64_t concern_id);

// IAM-2 §3: the one answer for a case someone may not open (not theirs, of
// another school, or not there at all), so they learn nothing of it, not even
// that it exists: kNotFound "There is no such concern among yours."
Error no_such_case_among_yours();

// `e` as no_such_case_among_yours() when it is a refusal (kForbidden) or
// kNotFound; any other error (bad input, the database) as it is.
Error as_case_refusal(Error e);

// Before a change to a case asked for from a page or the API: ok when the
// person may open it, no_such_case_among_yours() otherwise, so an outsider is
// refused before what they sent is even read. The change checks again.
Status require_may_view_case(Connection& conn, int64_t person_id, int64_t concern_id);

// Their viewer row, or kForbidden in words a headteacher understands.
Result<CaseViewer> require_case_viewer(Connection& conn, int64_t concern_id, int64_t person_id);

// Adds a person to the case, with the reason (required). Only someone who may
// open the case can add; kNotFound for a person not of the school or its
// trust; kInvalid for a pupil or parent, for the person the concern is about
// or someone involved in it or a parent or carer of a pupil it names
// (the conflicts routing avoids), or a missing reason; kConflict when they can
// already open it. Audited "concern.access_grant".
Status grant_case_access(const SchoolScope& at, int64_t concern_id, int64_t person_id,
                         std::string_view reason);

// The whole case for someone who may open it (kForbidden otherwise; kNotFound
// for a concern of another school). Web addresses are live or inert by
// sees_live_addresses (concern_evidence.h) for `grants`. Audited "concern.view".
Result<ConcernCase> open_case(const SchoolScope& at, const ConcernRules& rules,
                              const Grants& grants, int64_t concern_id);

// One line of the list of cases a person may open (their dashboard).
struct CaseSummary {
  int64_t concern_id = 0;
  int64_t reported_at = 0;
  int64_t happened_at = 0;
  std::string type;
  SubjectKind subject_kind = SubjectKind::kPupil;
  std::string subject_name;
  ConcernStatus status = ConcernStatus::kOpen;
  int64_t actions = 0;  // none yet: new
  std::optional<int64_t> ico_decision_due;
  bool ico_decided = false;
  bool ico_decision_overdue = false;
  std::optional<int64_t> lado_decision_due;  // LAW-3: when needed and not yet recorded
  bool lado_decision_overdue = false;

  bool is_new() const { return status == ConcernStatus::kOpen && actions == 0; }
  bool overdue() const { return ico_decision_overdue || lado_decision_overdue; }
};

// Every case of the school the person may open, open ones first, newest
// first. Audited "concern.list" (one entry naming the cases shown).
Result<std::vector<CaseSummary>> cases_for(const SchoolScope& at);

// How many of those cases are open, new (nothing done yet) and overdue (a
// decision's clock has run out): for the dashboard (INC-3). Only numbers, so
// not audited.
struct CaseCounts {
  int64_t open = 0;
  int64_t new_cases = 0;
  int64_t overdue = 0;
};
Result<CaseCounts> count_cases_for(Connection& conn, const Clock& clock, int64_t person_id,
                                   int64_t school_id);

}  // namespace inloco

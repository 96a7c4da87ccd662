// A case's chronology of actions and decisions, the DPO's decision on telling
// the ICO, and closing with a debrief (INC-6, INC-7, LAW-1, LAW-3, LAW-4,
// LAW-5). Every decision carries its reason; nothing in the chronology is
// ever changed or removed.
//
// Who may do what: anyone who may open the case records actions; the
// profile's ceop_deciders decide on CEOP and its police_contact on the
// police; only someone the case was routed to for personal data (the DPO, or
// whoever it fell back to) records the ICO decision; only someone it was
// routed to (not someone added later) closes or reopens it.
//
// A closed case refuses new actions and evidence: reopen it first (with the
// reason, kept in the chronology), then record, then close it again with a
// new debrief. The earlier debrief stays in the chronology.
//
// Call inside Database::transaction; each change is audited there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/permissions.h"
#include "concerns/concern.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// What each kind needs (kInvalid says which is missing):
//   note                detail
//   platform_contacted  counterpart (the platform or host), detail (the outcome so far)
//   ceop, police        decision (made / involved or not), reason
//   lado_referral       decision (referred or not), reason; concerns about staff only
//   low_level_concern   reason; concerns about staff only
//   parents_informed    counterpart (who was told), detail optional
//   sanction            detail
//   support_offered     detail; counterpart (to whom) optional
//   information_shared  detail (what), counterpart (with whom), reason (why)  (LAW-5)
struct ActionInput {
  ActionKind kind = ActionKind::kNote;
  std::optional<int64_t> taken_at;  // when it was done; now when empty; never in the future
  std::optional<bool> decision;
  std::string counterpart;
  std::string detail;
  std::string reason;
};

// Appends an action and returns its id. kForbidden for someone who may not
// open the case, or who does not hold the role the profile names for a CEOP
// or police decision; kConflict when the case is closed; kInvalid for
// ico_decision, closed and reopened (use the functions below) and for
// missing fields. `grants` are the actor's roles, for the profile's narrower
// rules. Audited "concern.action".
Result<int64_t> add_action(const SchoolScope& at, const Grants& grants, const ConcernRules& rules,
                           int64_t concern_id, const ActionInput& input);

// LAW-4: the decision on reporting to the ICO, with its reason, recorded
// against the clock (late decisions are recorded too, and say so). kInvalid
// when the concern involves no personal data or the reason is missing;
// kConflict when it has been decided. Audited "concern.ico_decision".
Status record_ico_decision(const SchoolScope& at, int64_t concern_id, bool report_to_ico,
                           std::string_view reason);

struct Debrief {
  std::string lessons_learnt;  // INC-7
  std::string policy_change;   // the policy or curriculum change, or "none"
};

// Closes the case. Refused (kInvalid, every problem listed) when the profile
// requires a debrief and it is incomplete; when personal data is involved and
// the ICO decision is not recorded; when the type is one of the profile's
// criminal types and no police decision is recorded; when the concern is
// about staff, the profile refers to the LADO, and neither a LADO decision
// nor a low-level-concern record exists (LAW-3). kConflict when already
// closed. Audited "concern.close".
Status close_concern(const SchoolScope& at, const ConcernRules& rules, int64_t concern_id,
                     const Debrief& debrief);

// Reopens a closed case with the reason. kConflict when it is open. Audited
// "concern.reopen".
Status reopen_concern(const SchoolScope& at, int64_t concern_id, std::string_view reason);

}  // namespace inloco

// What the consent register shows about one pupil (CON-1..4, IAM-3), gathered
// in one place so the pupil's consent page and the consent API answer alike:
// what counts today for each use, who may sign a form for them, and every
// decision ever recorded. Showing the history is a view of consent records,
// audited "consent.view" (consent_history).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "consent/consent_decision.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/people_store.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// What counts today for one use (consent_for).
struct UseConsent {
  std::string use;  // a key of consent_uses(rules)
  ConsentStatus status;
};

struct PupilConsentView {
  Person pupil;
  std::vector<UseConsent> current;        // one per consent_uses(rules), in that order
  std::vector<GuardianLink> responsible;  // parents and carers with parental responsibility
  std::vector<ConsentDecision> history;   // as consent_history orders it
};

// kNotFound unless the person is a pupil of the school (get_person's message
// for no one there; "There is no such pupil." for someone who is not a pupil).
// Call inside Database::transaction: the view is audited.
Result<PupilConsentView> view_pupil_consent(const SchoolScope& at, const ConsentRules& rules,
                                            int64_t pupil_id, const CalendarDate& today);

}  // namespace inloco

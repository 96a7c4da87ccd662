#include "consent/pupil_consent_view.h"

#include <utility>

#include "consent/consent_register.h"

namespace inloco {

Result<PupilConsentView> view_pupil_consent(Connection& conn, const Clock& clock,
                                            const Actor& actor, const ConsentRules& rules,
                                            int64_t school_id, int64_t pupil_id,
                                            const CalendarDate& today) {
  PupilConsentView view;
  view.pupil = TRY(get_person(conn, school_id, pupil_id));
  if (view.pupil.kind != PersonKind::kPupil) return Error::not_found("There is no such pupil.");
  for (const auto& use : consent_uses(rules)) {
    ConsentStatus status = TRY(consent_for(conn, pupil_id, use, today));
    view.current.push_back(UseConsent{use, std::move(status)});
  }
  for (GuardianLink& g : TRY(guardians_of(conn, pupil_id)))
    if (g.parental_responsibility) view.responsible.push_back(std::move(g));
  view.history = TRY(consent_history(conn, clock, actor, school_id, pupil_id));
  return view;
}

}  // namespace inloco

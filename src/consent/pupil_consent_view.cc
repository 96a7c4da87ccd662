#include "consent/pupil_consent_view.h"

#include <utility>

#include "consent/consent_register.h"

namespace inloco {

Result<PupilConsentView> view_pupil_consent(const SchoolScope& at, const ConsentRules& rules,
                                            int64_t pupil_id, const CalendarDate& today) {
  PupilConsentView view;
  view.pupil = TRY(get_person(at.conn, at.school_id, pupil_id));
  if (view.pupil.kind != PersonKind::kPupil) return Error::not_found("There is no such pupil.");
  for (const auto& use : consent_uses(rules)) {
    ConsentStatus status = TRY(consent_for(at.conn, pupil_id, use, today));
    view.current.push_back(UseConsent{use, std::move(status)});
  }
  for (GuardianLink& g : TRY(guardians_of(at.conn, pupil_id)))
    if (g.parental_responsibility) view.responsible.push_back(std::move(g));
  view.history = TRY(consent_history(at, pupil_id));
  return view;
}

}  // namespace inloco

// What a person's page shows, gathered in one place, with the audit entry a
// view of a sensitive record needs (IAM-3): viewing a pupil's or parent's
// details with their dates of birth, contacts and family links is recorded.
#pragma once

#include <vector>

#include "core/clock.h"
#include "people/people_store.h"
#include "store/audit_log.h"

namespace inloco {

struct PersonView {
  Person person;
  std::vector<GuardianLink> guardians;  // for a pupil (empty unless sensitive)
  std::vector<GuardianLink> children;   // for a parent (empty unless sensitive)
  std::vector<RoleHeld> roles;
  bool sensitive_included = false;
};

// kNotFound when the person is not at this school (ORG-1).
Result<PersonView> view_person(Database& db, const Clock& clock, const Actor& actor,
                               int64_t school_id, int64_t person_id, bool include_sensitive);

}  // namespace inloco

// People and their links (ORG-1, ORG-2, ORG-3, ORG-5): the queries and
// audited changes that pages and commands use.
//
// Isolation (ORG-1): every lookup that a page reaches with a school in hand
// takes that school_id and answers kNotFound for a person of any other school,
// exactly as for an id that does not exist, so ids of other schools cannot be
// probed. Functions that take only a person id (guardians_of, children_of,
// roles_of, get_person_by_id) are for callers that already hold a person of
// the right school.
//
// Functions take a Connection so that callers compose them in one
// transaction; those that change data must be called inside
// Database::transaction and append their audit entry there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "people/person.h"
#include "people/role.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr int64_t kMaxPeoplePageSize = 500;
inline constexpr size_t kMaxSearchWords = 6;

struct PeopleQuery {
  int64_t school_id = 0;
  std::optional<PersonKind> kind;
  // Matches given, preferred and family name, email and external id,
  // ignoring the case of A-Z (the same on both databases); several words must
  // all match, each anywhere in one of those fields. % and _ are literal.
  std::string search;
  int64_t limit = 50;  // 1..kMaxPeoplePageSize
  int64_t offset = 0;
};

struct PeoplePage {
  std::vector<Person>
      people;         // ordered by family name, then given name (A-Z case ignored), then id
  int64_t total = 0;  // all matches, ignoring limit and offset
};

Result<PeoplePage> list_people(Connection& conn, const PeopleQuery& query);

// kNotFound unless the person exists and belongs to this school.
Result<Person> get_person(Connection& conn, int64_t school_id, int64_t person_id);
// Not scoped to a school: for trust-level people and for sign-in, where the
// caller has already established who may see the person.
Result<Person> get_person_by_id(Connection& conn, int64_t person_id);

// The person with this external id (the school information system's id) at
// this school; kNotFound, naming the id, when there is none. Surrounding
// spaces are ignored; the id is otherwise matched exactly.
Result<Person> find_person_by_external_id(Connection& conn, int64_t school_id,
                                          std::string_view external_id);

// Stores a new person and returns the id. person.id, times and the
// competence fields are ignored (see set_competent_to_consent). When
// school_id is set, trust_id is taken from the school; otherwise it must name
// a trust. kInvalid lists every problem in `details`; kConflict when the
// external id is already used at the school.
Result<int64_t> create_person(Connection& conn, const Clock& clock, const Actor& actor,
                              const Person& person);

// Stores the editable fields of an existing person, found by person.id within
// person.school_id. Kind, school, trust and competence cannot be changed here.
// The audit entry names the fields that changed, never their values; nothing
// is written when nothing changed.
Status update_person(Connection& conn, const Clock& clock, const Actor& actor,
                     const Person& person);

struct GuardianLink {
  Person other;              // the parent (guardians_of) or the pupil (children_of)
  std::string relationship;  // "mother", "step-father", "carer", ...
  bool parental_responsibility = true;
};

// By family name, then given name.
Result<std::vector<GuardianLink>> guardians_of(Connection& conn, int64_t pupil_id);
Result<std::vector<GuardianLink>> children_of(Connection& conn, int64_t parent_id);

// Links a parent/carer to a pupil, or updates the link. Both must be of the
// same school, the first of kind parent and the second of kind pupil.
Status link_guardian(Connection& conn, const Clock& clock, const Actor& actor, int64_t parent_id,
                     int64_t pupil_id, const std::string& relationship,
                     bool parental_responsibility);
// Removes the link if there is one.
Status unlink_guardian(Connection& conn, const Clock& clock, const Actor& actor, int64_t parent_id,
                       int64_t pupil_id);

// ORG-5: records the school's decision that a pupil can (or no longer can)
// give their own consent, with who decided (at.actor.person_id) and when.
Status set_competent_to_consent(const SchoolScope& at, int64_t pupil_id, bool competent);

struct RoleHeld {
  Role role;
  std::optional<int64_t> school_id;  // empty: held across the trust
  std::string school_name;           // empty when held across the trust
};

// Trust-wide roles first, then by school name and role.
Result<std::vector<RoleHeld>> roles_of(Connection& conn, int64_t person_id);

// Everyone who holds `role` at this school itself (not those holding it
// across the trust), active or not, in the order they were added (by id).
Result<std::vector<Person>> people_with_role(Connection& conn, int64_t school_id, Role role);

// Someone who holds a role for a school: at the school itself or across its
// trust (school_id empty), as Grants::holds_any counts them.
struct RoleHolder {
  Role role;
  Person person;
  bool trust_wide = false;
};

// Every active person holding any role at this school or across its trust:
// by role key, then the school's own holders before trust-wide ones, then id.
// For services that route work to role holders (concern routing).
Result<std::vector<RoleHolder>> role_holders_at(Connection& conn, int64_t school_id);

// Gives a person a role at a school of their trust, or across the trust
// (school_id empty). A member of staff of one school may hold a role at
// another school of the trust or across it (a shared DPO, an executive head).
// Idempotent: holding it already is not an error and adds no audit entry.
// Refused: pupils; parents except as governor, chair of governors, PTA chair
// or volunteer; trust board member at one school; a school of another trust.
Status assign_role(Connection& conn, const Clock& clock, const Actor& actor, int64_t person_id,
                   Role role, std::optional<int64_t> school_id);
// Idempotent likewise: removing a role not held is not an error.
Status remove_role(Connection& conn, const Clock& clock, const Actor& actor, int64_t person_id,
                   Role role, std::optional<int64_t> school_id);

struct KindCount {
  PersonKind kind;
  int64_t count = 0;
};

// One entry per kind, in the order of all_person_kinds(), zeros included.
Result<std::vector<KindCount>> count_people(Connection& conn, int64_t school_id);

// Changes whenever a pupil of the school is added or changed: the pupil count
// and the latest update. Cheap enough to read on every request (it keeps the
// text checker's compiled roster fresh).
Result<std::string> pupils_fingerprint(Connection& conn, int64_t school_id);

}  // namespace inloco

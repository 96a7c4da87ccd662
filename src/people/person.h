// Person (ORG-2): anyone the school holds a record of — staff, governors,
// trustees, volunteers, contractors, pupils and parents/carers — one row of
// the `people` table.
//
// A person belongs to one school (school_id), or to the trust itself when
// school_id is empty (trustees, central staff). Pupils and parents always
// belong to a school: a family with children at two schools of a trust has a
// record at each, as the schools' information systems do.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace inloco {

enum class PersonKind { kStaff, kGovernor, kTrustee, kVolunteer, kContractor, kPupil, kParent };

std::span<const PersonKind> all_person_kinds();
std::string_view person_kind_key(
    PersonKind kind);  // "staff", "parent", ... (stored; the schema's CHECK)
std::string_view person_kind_label(PersonKind kind);  // "Staff", "Parent or carer", ... (shown)
std::optional<PersonKind> parse_person_kind(std::string_view key);  // exact key only

struct Person {
  int64_t id = 0;
  int64_t trust_id = 0;
  std::optional<int64_t> school_id;        // empty: a person of the trust itself
  std::optional<std::string> external_id;  // the school information system's id
  PersonKind kind = PersonKind::kStaff;
  std::string given_name;
  std::string family_name;
  std::optional<std::string> preferred_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> job_title;
  std::optional<std::string> date_of_birth;  // 'YYYY-MM-DD'
  std::optional<std::string> year_group;     // "Nursery", "Reception", "Year 1" .. "Year 13"
  std::optional<std::string> class_name;
  bool competent_to_consent = false;  // ORG-5: pupils only, decided by the school
  std::optional<int64_t> competence_decided_by;
  std::optional<int64_t> competence_decided_at;
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;

  // The name to show: the preferred name (or the given name) and the family name.
  std::string display_name() const;
};

}  // namespace inloco

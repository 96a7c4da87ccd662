#include "people/person.h"

#include <array>

namespace inloco {
namespace {

struct KindInfo {
  PersonKind kind;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<KindInfo, 7> kKinds = {{
    {PersonKind::kStaff, "staff", "Staff"},
    {PersonKind::kGovernor, "governor", "Governor"},
    {PersonKind::kTrustee, "trustee", "Trustee"},
    {PersonKind::kVolunteer, "volunteer", "Volunteer"},
    {PersonKind::kContractor, "contractor", "Contractor"},
    {PersonKind::kPupil, "pupil", "Pupil"},
    {PersonKind::kParent, "parent", "Parent or carer"},
}};

constexpr std::array<PersonKind, kKinds.size()> kAll = [] {
  std::array<PersonKind, kKinds.size()> out{};
  for (size_t i = 0; i < kKinds.size(); ++i) out[i] = kKinds[i].kind;
  return out;
}();

}  // namespace

std::span<const PersonKind> all_person_kinds() { return kAll; }

std::string_view person_kind_key(PersonKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.key;
  return "staff";
}

std::string_view person_kind_label(PersonKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label;
  return "Staff";
}

std::optional<PersonKind> parse_person_kind(std::string_view key) {
  for (const auto& k : kKinds)
    if (k.key == key) return k.kind;
  return std::nullopt;
}

std::string Person::display_name() const {
  std::string first = preferred_name && !preferred_name->empty() ? *preferred_name : given_name;
  if (first.empty()) return family_name;
  if (family_name.empty()) return first;
  return first + " " + family_name;
}

}  // namespace inloco

#include "people/role.h"

#include <array>

namespace inloco {
namespace {

struct RoleInfo {
  Role role;
  std::string_view key;
  std::string_view label;
};

constexpr std::array<RoleInfo, 16> kRoles = {{
    {Role::kHeadteacher, "headteacher", "Headteacher"},
    {Role::kDeputyHeadteacher, "deputy_headteacher", "Deputy headteacher"},
    {Role::kDsl, "dsl", "Designated safeguarding lead"},
    {Role::kDeputyDsl, "deputy_dsl", "Deputy safeguarding lead"},
    {Role::kSocialMediaLead, "social_media_lead", "Social media lead"},
    {Role::kOnlineSafetyOfficer, "online_safety_officer", "Online safety officer"},
    {Role::kIctTechnician, "ict_technician", "ICT technician"},
    {Role::kDpo, "dpo", "Data protection officer"},
    {Role::kYearGroupLeader, "year_group_leader", "Year group leader"},
    {Role::kGovernor, "governor", "Governor"},
    {Role::kChairOfGovernors, "chair_of_governors", "Chair of governors"},
    {Role::kTrustBoardMember, "trust_board_member", "Trust board member"},
    {Role::kPtaChair, "pta_chair", "PTA chair"},
    {Role::kStaff, "staff", "Staff"},
    {Role::kVolunteer, "volunteer", "Volunteer"},
    {Role::kOfficeManager, "office_manager", "Office manager"},
}};

constexpr std::array<Role, kRoles.size()> kAll = [] {
  std::array<Role, kRoles.size()> out{};
  for (size_t i = 0; i < kRoles.size(); ++i) out[i] = kRoles[i].role;
  return out;
}();

}  // namespace

std::span<const Role> all_roles() { return kAll; }

std::string_view role_key(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.key;
  return "staff";
}

std::string_view role_label(Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.label;
  return "Staff";
}

std::optional<Role> parse_role(std::string_view key) {
  for (const auto& r : kRoles)
    if (r.key == key) return r.role;
  return std::nullopt;
}

}  // namespace inloco

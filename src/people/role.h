// The roles of ORG-3, each held by named people per school (or across a trust
// when the assignment has no school). What a role may do is in
// auth/permissions.cc, the one table of capabilities.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace inloco {

enum class Role {
  kHeadteacher,  // or principal
  kDeputyHeadteacher,
  kDsl,  // designated safeguarding lead
  kDeputyDsl,
  kSocialMediaLead,  // the person responsible for social media / marketing officer
  kOnlineSafetyOfficer,
  kIctTechnician,
  kDpo,  // data protection officer
  kYearGroupLeader,
  kGovernor,
  kChairOfGovernors,
  kTrustBoardMember,
  kPtaChair,
  kStaff,
  kVolunteer,
  kOfficeManager,  // runs the school information system: imports, sign-ins
};

std::span<const Role> all_roles();
std::string_view role_key(Role role);  // "headteacher", "deputy_dsl", ... (stored in the database)
std::string_view role_label(Role role);  // "Headteacher", "Deputy DSL", ... (shown to people)
std::optional<Role> parse_role(std::string_view key);

}  // namespace inloco

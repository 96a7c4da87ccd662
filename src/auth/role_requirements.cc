#include "auth/role_requirements.h"

namespace inloco {

std::string roles_phrase(const std::vector<Role>& roles) {
  if (roles.empty()) return "nobody (the policy names no one)";
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += i + 1 == roles.size() ? " or " : ", ";
    out += "the " + std::string(role_label(roles[i]));
  }
  return out;
}

bool holds_any_role(const Grants& grants, const std::vector<Role>& roles, const School& school) {
  return grants.holds_any(roles, school.id, school.trust_id);
}

Status require_one_of(const Grants& grants, const std::vector<Role>& roles, const School& school,
                      std::string_view what) {
  if (holds_any_role(grants, roles, school)) return {};
  return Error::forbidden("Only " + roles_phrase(roles) + " can " + std::string(what) +
                          ", as your school's policy says; ask them to do it.");
}

}  // namespace inloco

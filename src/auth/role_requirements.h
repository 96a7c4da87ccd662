// The profile's "who may do this" rules as one set for every capability: the
// phrase that names the roles in a refusal, and the test itself. The permission
// table (permissions.h) decides who reaches a page at all; these decide the
// narrower rule a school's profile sets (who approves accounts, who reviews a
// relationship, who lifts a ban).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/result.h"
#include "people/role.h"
#include "people/school_store.h"

namespace inloco {

// "the Headteacher", "the DSL or the Headteacher"; "nobody (the policy names no one)".
std::string roles_phrase(const std::vector<Role>& roles);

// Does the person hold one of `roles` at the school (or across its trust)?
bool holds_any_role(const Grants& grants, const std::vector<Role>& roles, const School& school);

// kForbidden unless they do: "Only <roles> can <what>, as your school's policy says; ...".
Status require_one_of(const Grants& grants, const std::vector<Role>& roles, const School& school,
                      std::string_view what);

}  // namespace inloco

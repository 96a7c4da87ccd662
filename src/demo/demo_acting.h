// Acting as the demo's people. The demo writes its records through the same
// library calls the pages make, as the person who would have made them, so
// the audit log and every check read as they would at a real school.
#pragma once

#include <cstdint>
#include <string_view>

#include "auth/permissions.h"
#include "demo/demo_trust.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct DemoActor {
  int64_t id = 0;
  Actor actor;  // "Ruth Okafor (head.oakfield)"
  Grants grants;
};

// The demo school with this code ("oakfield"); kNotFound, saying to create
// the demo people first.
Result<School> demo_school(const DemoTrust& demo, std::string_view code);

// The demo sign-in `username` ("dsl.oakfield") as an actor with their grants.
Result<DemoActor> demo_actor(Connection& conn, const DemoTrust& demo, std::string_view username);

// Any person of the demo, named by `label` in their actor.
Result<DemoActor> demo_person(Connection& conn, int64_t person_id, std::string_view label);

}  // namespace inloco

// A person's role grants as stored (role_assignments), loaded once per request
// by the web layer and by services that act for someone. Kept apart from the
// permission table (permissions.h) so that the table needs no database.
#pragma once

#include <cstdint>

#include "auth/permissions.h"
#include "core/result.h"
#include "store/database.h"

namespace inloco {

// Every role the person holds, at a school or across a trust. A role this
// version does not know grants nothing.
Result<Grants> load_grants(Connection& conn, int64_t person_id);

}  // namespace inloco

// Who is looking at a record: the signed-in person and their role grants
// (grants_store.h). What a capability shows depends on it (account_visibility,
// post_visibility); one type, so the web layer builds it once (Request::viewer).
#pragma once

#include <cstdint>

#include "auth/permissions.h"

namespace inloco {

struct Viewer {
  int64_t person_id = 0;
  const Grants& grants;
};

}  // namespace inloco

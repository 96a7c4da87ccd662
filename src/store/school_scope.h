// Where a service acts: inside which transaction, at what time, by whom, at
// which school. The four arguments every service that reads or changes a
// school's records takes first, gathered so that they travel together and
// cannot be passed in the wrong order (two int64_t ids side by side are easily
// swapped). It refers to what the caller owns for the length of one call and
// is never kept.
//
//   auto done = db.transaction([&](Connection& conn) -> Status {
//     return decide_unblock(SchoolScope{conn, clock, actor, school_id}, grants, rules, id, ...);
//   });
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct SchoolScope {
  Connection& conn;
  const Clock& clock;
  const Actor& actor;  // who is acting, for the audit entry
  int64_t school_id;   // the school whose records are read or changed (ORG-1)

  int64_t now() const { return clock.now(); }
};

}  // namespace inloco

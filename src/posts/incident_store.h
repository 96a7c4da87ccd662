// Critical incidents (PST-9): declared by the headteacher or deputy, and while
// open, only the people the profile designates post about them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct CriticalIncident {
  int64_t id = 0;
  std::string title;
  int64_t declared_at = 0;
  std::optional<int64_t> closed_at;
  bool open() const { return !closed_at.has_value(); }
};

Result<int64_t> declare_incident(const SchoolScope& at, const std::string& title);
Status close_incident(const SchoolScope& at, int64_t incident_id);
// Empty when the incident does not exist at this school.
Result<std::optional<CriticalIncident>> find_incident(Connection& conn, int64_t school_id,
                                                      int64_t incident_id);
Result<std::vector<CriticalIncident>> open_incidents(Connection& conn, int64_t school_id);

}  // namespace inloco

// Trusts and their schools (ORG-1): the boundary of every school's data.
//
// A school's `code` is its short, stable name on the command line and in
// demo sign-ins ("oakfield"); its `urn` is the DfE's unique reference number.
// Creating a trust or a school is audited in the same transaction.
//
// Functions take a Connection so that callers compose them inside one
// transaction; those that write must be called inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct Trust {
  int64_t id = 0;
  std::string name;
};

struct School {
  int64_t id = 0;
  int64_t trust_id = 0;
  std::string code;  // 2-32 characters: a-z, 0-9 and '-'
  std::string name;
  std::optional<std::string> urn;  // six digits when given
  std::string phase = "primary";   // one of school_phases()
};

// "nursery", "primary", "middle", "secondary", "all-through", "special",
// "post-16", "alternative-provision".
const std::vector<std::string>& school_phases();

// kInvalid for an empty or over-long name, kConflict if a trust has that name.
Result<int64_t> create_trust(Connection& conn, const Clock& clock, const Actor& actor,
                             const std::string& name);
Result<Trust> get_trust(Connection& conn, int64_t trust_id);

// school.id is ignored. kInvalid for a bad code, name, URN or phase; kNotFound
// for an unknown trust; kConflict for a code already in use.
Result<int64_t> create_school(Connection& conn, const Clock& clock, const Actor& actor,
                              const School& school);
Result<School> get_school(Connection& conn, int64_t school_id);
// Case-insensitive. kNotFound names the codes that do exist.
Result<School> find_school_by_code(Connection& conn, std::string_view code);
// The trust's schools by name.
Result<std::vector<School>> list_schools(Connection& conn, int64_t trust_id);

}  // namespace inloco

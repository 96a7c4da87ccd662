#include "auth/grants_store.h"

#include <optional>
#include <vector>

#include "store/row_reader.h"

namespace inloco {

Result<Grants> load_grants(Connection& conn, int64_t person_id) {
  Rows rows = TRY(conn.query(
      "SELECT role, trust_id, school_id FROM role_assignments WHERE person_id = ?", {person_id}));
  std::vector<RoleGrant> grants;
  for (const Row& r : rows) {
    RowReader in(r);
    auto role = parse_role(in.text());
    if (!role) continue;  // a role this version does not know grants nothing
    const int64_t trust_id = in.integer();
    const std::optional<int64_t> school_id = in.optional_integer();
    grants.push_back({*role, trust_id, school_id});
  }
  return Grants(std::move(grants));
}

}  // namespace inloco

// Whose use of the school network may be looked up (NET-5): the people who
// use it — pupils and those who work, volunteer or govern there. Parents and
// trustees are never offered, though they are people of the school.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "people/person.h"
#include "store/database.h"

namespace inloco::filter {

// True for the kinds of people who use the school network.
bool uses_school_network(PersonKind kind);

// The school's people matching `search` (people_store.h's search) among the
// first `limit` matches, keeping only those who use the network, in the
// people list's order. Nothing is audited: names only, no activity.
Result<std::vector<Person>> find_network_users(Connection& conn, int64_t school_id,
                                               std::string_view search, int64_t limit);

}  // namespace inloco::filter

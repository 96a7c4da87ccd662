// What the school's records add to the filter: its own block list (NET-4,
// every blocked reported site) written as a squidGuard-format category
// folder, "school_blocked/domains", that `inloco filter compile --lists`
// reads beside the category lists; and the exceptions in force (NET-3) as a
// tab-separated file, one per line:
//   DOMAIN <TAB> GROUP <TAB> USERNAME <TAB> ENDS_AT
// where GROUP is a profile filter group or empty, USERNAME the person's
// sign-in name or empty, ENDS_AT Unix seconds. The filter reads it again on
// reload; it never lets an exception open a locked category (LAW-8).
//
// Files are written whole to a temporary name and renamed into place, so a
// reader never sees half a list.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace inloco::filter {

inline constexpr const char* kSchoolBlockedCategory = "school_blocked";

struct SchoolListsWritten {
  int64_t blocked_domains = 0;
  int64_t exceptions = 0;
};

// Writes DIR/school_blocked/domains and DIR/exceptions for the school as it
// stands at `now`. kUnavailable when the folder cannot be written.
Result<SchoolListsWritten> write_school_lists(Connection& conn, int64_t school_id, int64_t now,
                                              const std::string& dir);

}  // namespace inloco::filter

// The bans in force as the file inloco-squid-helper reads (NET-6), written
// by `inloco filter lists` beside the school's other lists as DIR/bans, one
// line per ban:
//   USERNAME <TAB> BANNED_SINCE <TAB> SUPERVISED_UNTIL
// USERNAME is the person's network name (network_names.h), BANNED_SINCE and
// SUPERVISED_UNTIL Unix seconds; SUPERVISED_UNTIL is 0 unless a supervised
// session is running at the time the file is written. The helper refuses a
// banned user unless the time is before SUPERVISED_UNTIL. A ban whose person
// has no network name cannot be enforced and is left out.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "store/database.h"

namespace inloco::filter {

// The file's text for the school at `now`, sorted by user name.
Result<std::string> ban_list_text(Connection& conn, int64_t school_id, int64_t now);

}  // namespace inloco::filter

// Storing and reading notices (notice.h). Telling someone is part of the change
// that needs them: call notify inside the same transaction, so a concern is
// never routed without its notices, nor a notice left for a concern not saved.
// Reading one's own notices is not audited: they hold nothing but references.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "notices/notice.h"
#include "people/role.h"
#include "store/database.h"

namespace inloco {

// Tells the person; returns the notice's id.
Result<int64_t> notify(Connection& conn, const Clock& clock, int64_t school_id, int64_t person_id,
                       NoticeKind kind, const NoticeAbout& about);
inline Result<int64_t> notify(Connection& conn, const Clock& clock, int64_t school_id,
                              int64_t person_id, NoticeKind kind,
                              std::optional<int64_t> concern_id) {
  return notify(conn, clock, school_id, person_id, kind, NoticeAbout{concern_id, {}, {}});
}

// Tells every active holder of one of `roles` at the school (or across its
// trust), each once, except `except` (the person who caused it).
Status notify_roles(Connection& conn, const Clock& clock, int64_t school_id,
                    const std::vector<Role>& roles, std::optional<int64_t> except, NoticeKind kind,
                    const NoticeAbout& about);

// The person's notices, unread first, then newest first; at most `limit`.
Result<std::vector<Notice>> notices_for(Connection& conn, int64_t person_id, int limit);

// How many of the person's notices are unread (at one school, when given).
Result<int64_t> unread_notices(Connection& conn, int64_t person_id,
                               std::optional<int64_t> school_id = std::nullopt);

// Marks read every notice of the person's that points at the concern (they
// have opened its case).
Status mark_concern_notices_read(Connection& conn, const Clock& clock, int64_t person_id,
                                 int64_t concern_id);

// Marks read every notice of the person's about this unblock request,
// reported site or ban (they have opened it).
Status mark_notices_read(Connection& conn, const Clock& clock, int64_t person_id,
                         const NoticeAbout& about);

// Marks one notice read; kNotFound unless it is the person's own.
Status mark_notice_read(Connection& conn, const Clock& clock, int64_t person_id, int64_t notice_id);

}  // namespace inloco

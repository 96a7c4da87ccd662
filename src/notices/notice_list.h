// What the notices page and GET /api/v1/notices show (INC-3): one's own
// notices, unread first, and how many of them are unread, read in one go so
// the two answers always agree. Not audited: notices hold only references.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "notices/notice.h"
#include "store/database.h"

namespace inloco {

// As many notices as one page lists; older ones stay stored.
inline constexpr int kNoticeListLimit = 100;

struct NoticeList {
  std::vector<Notice> notices;  // unread first, then newest first (notices_for)
  int64_t unread = 0;           // among `notices`
};

Result<NoticeList> list_own_notices(Database& db, int64_t person_id);

}  // namespace inloco

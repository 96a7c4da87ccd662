#include "notices/notice_list.h"

#include "notices/notice_store.h"

namespace inloco {

Result<NoticeList> list_own_notices(Database& db, int64_t person_id) {
  return db.read([&](Connection& conn) -> Result<NoticeList> {
    NoticeList list{TRY(notices_for(conn, person_id, kNoticeListLimit)), 0};
    for (const Notice& n : list.notices) list.unread += n.unread();
    return list;
  });
}

}  // namespace inloco

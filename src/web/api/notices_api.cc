// JSON API for one's own notices (INC-3): GET lists them, unread first;
// POST .../{notice}/read marks one read. Only ever the caller's own: anyone
// else's notice is 404, as if there were none.
#include "notices/notice_list.h"
#include "notices/notice_store.h"
#include "web/page.h"
#include "web/pages/notice_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

void add_notices_api_routes(Router& router, AppContext& app) {
  using nlohmann::json;
  router.add({http::verb::get, "/api/v1/notices", Access::kSignedIn, Capability::kDashboardView},
             [&app](Request& req) -> Result<HttpResponse> {
               NoticeList list = TRY(list_own_notices(app.db, req.user->person_id));
               json out = json::array();
               for (const Notice& n : list.notices)
                 out.push_back({{"id", n.id},
                                {"kind", notice_kind_key(n.kind)},
                                {"text", notice_text(n.kind)},
                                {"school_id", n.school_id},
                                {"school", n.school_name},
                                {"concern_id", n.concern_id ? json(*n.concern_id) : json(nullptr)},
                                {"href", notice_href(n)},
                                {"created_at", n.created_at},
                                {"read_at", n.read_at ? json(*n.read_at) : json(nullptr)}});
               return json_response(200, {{"unread", list.unread}, {"notices", out}});
             });
  router.add({http::verb::post, "/api/v1/notices/{notice}/read", Access::kSignedIn,
              Capability::kDashboardView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("notice");
               if (!id) return Error::not_found("There is no such notice among yours.");
               TRY(app.db.transaction([&](Connection& c) {
                 return mark_notice_read(c, app.clock, req.user->person_id, *id);
               }));
               return json_response(200, {{"id", *id}, {"read", true}});
             });
}

}  // namespace inloco::web

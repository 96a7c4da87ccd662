// The person's notices (INC-3): what was routed to them or shared with them,
// unread first. Opening the case a notice points to marks it read.
#include "notices/notice_list.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/pages/notice_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

mstch::array notice_rows(const std::vector<Notice>& notices) {
  mstch::array out;
  for (const Notice& n : notices)
    out.push_back(
        mstch::map{{"text", std::string(notice_text(n.kind))},
                   {"href", notice_href(n)},
                   {"reference", std::to_string(n.concern_id.value_or(n.unblock_request_id.value_or(
                                     n.site_report_id.value_or(n.filter_ban_id.value_or(0)))))},
                   {"school", n.school_name},
                   {"when", when_text(n.created_at)},
                   {"unread", n.unread()}});
  return out;
}

void add_notice_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/notices", Access::kSignedIn, Capability::kDashboardView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               NoticeList list = TRY(list_own_notices(ctx.db, req.user->person_id));
               mstch::map c{{"notices", notice_rows(list.notices)},
                            {"unread", std::to_string(list.unread)}};
               return render_page(ctx, req, "Notices", "notices", std::move(c));
             });
}

}  // namespace inloco::web

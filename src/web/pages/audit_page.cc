// The audit log of one school, for the headteacher and the DPO (IAM-3).
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

void add_audit_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/schools/{school}/audit", Access::kSchool, Capability::kAuditView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               AuditQuery q;
               q.school_id = req.school->id;
               q.limit = 200;
               const auto entries =
                   TRY(ctx.db.read([&](Connection& c) { return list_audit(c, q); }));
               mstch::array rows;
               for (const auto& e : entries)
                 rows.push_back(mstch::map{{"at", format_utc(e.at)},
                                           {"actor", e.actor},
                                           {"action", e.action},
                                           {"record", e.record_type + " " + e.record_id},
                                           {"source", e.source}});
               mstch::map c{{"entries", rows},
                            {"count", std::to_string(entries.size())},
                            {"school", req.school->name}};
               return render_page(ctx, req, "Audit log", "audit_list", std::move(c));
             });
}

}  // namespace inloco::web

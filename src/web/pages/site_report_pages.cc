// A reported site (NET-4): what was found, and for the roles the profile
// names (filter.content_reports_to) the form to block it or say why not.
// The reporter sees their own report; others need filter.unblocks_view.
#include "filtering/filter_record_access.h"
#include "filtering/site_reports.h"
#include "notices/notice_store.h"
#include "web/form_data.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

std::string report_href(const Request& req, int64_t id) {
  return "/schools/" + std::to_string(req.school->id) + "/filtering/reports/" + std::to_string(id);
}
filter::FilterViewer viewer(const Request& req) {
  return {req.user->person_id, req.grants, *req.school};
}

Result<HttpResponse> report_page(AppContext& app, Request& req, const Error* error = nullptr,
                                 unsigned status = 200, const Fields* values = nullptr) {
  // Someone else's report is for those who see them all (filter_record_access.h).
  const filter::SiteReport r = TRY(app.db.read([&](Connection& c) {
    return filter::visible_site_report(c, viewer(req), req.int_param("report"));
  }));
  // Opening the report is reading the notices about it.
  (void)app.db.transaction([&](Connection& c) {
    return mark_notices_read(c, app.clock, req.user->person_id, NoticeAbout{{}, {}, r.id});
  });
  mstch::map c{{"back_href", "/schools/" + std::to_string(req.school->id) + "/filtering"},
               {"reference", std::to_string(r.id)},
               {"domain", r.domain},
               {"address", r.address},
               {"what", r.what},
               {"by", r.reported_by_name},
               {"when", when_text(r.reported_at)},
               {"status", capitalised(std::string(filter::site_report_status_key(r.status)))},
               {"handled_by", r.handled_by_name},
               {"outcome", r.outcome},
               {"handled_at", r.handled_at ? when_text(*r.handled_at) : std::string()},
               {"csrf", csrf_token(req)}};
  if (r.status == filter::SiteReportStatus::kOpen && req.can(Capability::kFilterUnblocksDecide)) {
    c.emplace("handle_action", report_href(req, r.id) + "/handle");
    c.emplace("outcome_value", values ? field(*values, "outcome") : std::string());
  }
  if (error) c.emplace("errors", error_list(*error, "handle"));
  return render_page(app, req, "Reported site " + r.domain, "site_report", std::move(c), status);
}

}  // namespace

void add_site_report_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/filtering/reports/{report}";
  router.add({V::get, root, Access::kSchool, Capability::kFilterUnblockRequest},
             [&app](Request& req) { return report_page(app, req); });
  router.add({V::post, root + "/handle", Access::kSchool, Capability::kFilterUnblocksDecide},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               auto id = req.int_param("report");
               if (!id) return Error::not_found("There is no such report of a site.");
               Status s = [&]() -> Status {
                 std::string action = field(f, "action");
                 if (action != "block" && action != "dismiss")
                   return Error::invalid("Choose whether to block the site or not.");
                 const FilterRules rules = TRY(school_filter_rules(app, req));
                 return app.db.transaction([&](Connection& c) {
                   return filter::handle_site_report(
                       SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants, rules,
                       *id, action == "block", field(f, "outcome"));
                 });
               }();
               if (!s.ok()) {
                 if (s.error().code == ErrorCode::kNotFound) return std::move(s).error();
                 return report_page(app, req, &s.error(), http_status(s.error().code), &f);
               }
               return redirect_response(report_href(req, *id));
             });
}

}  // namespace inloco::web

// Importing consent forms from a CSV upload (CON-1..4): all or nothing, with
// every bad row listed by its line; a withdrawal among the rows opens its
// removal tasks as it would when recorded by hand (CON-5).
#include "consent/consent_import.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "posts/post_context.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string consent_base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/consent";
}

Result<HttpResponse> import_page(AppContext& app, Request& req, mstch::map extra = {},
                                 unsigned status = 200) {
  mstch::array columns;
  for (std::string_view c : consent_import_columns()) columns.push_back(std::string(c));
  AcademicYear year = academic_year_of(date_of(app.clock.now()));
  mstch::map c{{"back_href", consent_base(req)},
               {"action", consent_base(req) + "/import"},
               {"columns", columns},
               {"year", year.label()}};
  for (auto& [k, v] : extra) c[k] = v;
  return render_page(app, req, "Import consent forms", "consent_import", std::move(c), status);
}

Result<HttpResponse> run_import(AppContext& app, Request& req) {
  auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
  if (!form.ok()) return import_page(app, req, {{"file_error", form.error().message}}, 422);
  auto file = form->files.find("file");
  if (file == form->files.end() || file->second.data.empty())
    return import_page(
        app, req, {{"file_error", std::string("Choose a CSV file of consent forms to import.")}},
        422);
  ConsentRules rules = TRY(school_profile(app, req)).consent;
  AcademicYear year = academic_year_of(date_of(app.clock.now()));
  auto report = app.db.transaction([&](Connection& c) {
    return import_consent_csv(SchoolScope{c, app.clock, req.actor(), req.school->id}, rules, year,
                              file->second.data, published_posts_finder());
  });
  if (!report.ok())
    return import_page(app, req, {{"errors", error_list(report.error(), "file")}},
                       http_status(report.error().code));
  return import_page(
      app, req,
      {{"report", mstch::map{{"rows", std::to_string(report->rows)},
                             {"recorded", std::to_string(report->recorded)},
                             {"unchanged", std::to_string(report->unchanged)},
                             {"withdrawals", std::to_string(report->withdrawals)},
                             {"removal_tasks", std::to_string(report->removal_tasks)}}}});
}

}  // namespace

void add_consent_import_routes(Router& router, AppContext& app) {
  const std::string path = "/schools/{school}/consent/import";
  router.add({http::verb::get, path, Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) { return import_page(app, req); });
  router.add({http::verb::post, path, Access::kSchool, Capability::kConsentRecord},
             [&app](Request& req) { return run_import(app, req); });
}

}  // namespace inloco::web

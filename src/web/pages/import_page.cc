// Importing people from a CSV upload (ORG-4): all or nothing, every bad row listed.
#include "people/people_import.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

Result<HttpResponse> import_form(AppContext& ctx, Request& req, mstch::map extra,
                                 unsigned status = 200) {
  std::string base = "/schools/" + std::to_string(req.school->id);
  mstch::map c{{"back_href", base + "/people"}, {"action", base + "/import"}};
  for (auto& [k, v] : extra) c[k] = v;
  return render_page(ctx, req, "Import people", "import", std::move(c), status);
}

}  // namespace

void add_import_routes(Router& router, AppContext& ctx) {
  router.add(
      {http::verb::get, "/schools/{school}/import", Access::kSchool, Capability::kPeopleImport},
      [&ctx](Request& req) { return import_form(ctx, req, {}); });

  router.add(
      {http::verb::post, "/schools/{school}/import", Access::kSchool, Capability::kPeopleImport},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
        if (!form.ok()) return import_form(ctx, req, {{"file_error", form.error().message}}, 422);
        auto file = form->files.find("file");
        if (file == form->files.end() || file->second.data.empty())
          return import_form(ctx, req,
                             {{"file_error", std::string("Choose a CSV file to import.")}}, 422);
        // Every bad row is listed beside the form, not on an error page.
        auto report =
            import_people_csv(ctx.db, ctx.clock, req.actor(), req.school->id, file->second.data);
        if (!report.ok())
          return import_form(ctx, req, {{"errors", error_list(report.error(), "file")}},
                             http_status(report.error().code));
        return import_form(ctx, req,
                           {{"report", mstch::map{{"created", std::to_string(report->created)},
                                                  {"updated", std::to_string(report->updated)},
                                                  {"unchanged", std::to_string(report->unchanged)},
                                                  {"links", std::to_string(report->links)}}}});
      });
}

}  // namespace inloco::web

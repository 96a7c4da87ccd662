// The register of devices approved for taking pictures (PST-10). Everyone who
// uses the media library can see it; adding and retiring a device is for the
// roles the school's policy names (media/device_approvers.h).
#include "media/device_approvers.h"
#include "media/device_register.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/devices";
}

Result<HttpResponse> register_page(AppContext& app, Request& req,
                                   const DeviceDetails* form = nullptr,
                                   const Error* error = nullptr, unsigned status = 200) {
  auto devices =
      TRY(app.db.read([&](Connection& c) { return list_devices(c, req.school->id, true); }));
  PolicyProfile profile = TRY(school_profile(app, req));
  bool decide = may_approve_devices(profile, req.grants, *req.school);
  mstch::array rows;
  for (const auto& d : devices) {
    mstch::map row{{"label", d.details.label},
                   {"make", d.details.make},
                   {"model", d.details.model},
                   {"serial", d.details.serial.value_or("")},
                   {"retired", d.retired()},
                   {"approved_on", format_utc(d.approved_at).substr(0, 10)},
                   {"retired_on", d.retired_at ? format_utc(*d.retired_at).substr(0, 10) : ""}};
    if (decide && !d.retired())
      row.emplace("retire_action", base(req) + "/" + std::to_string(d.id) + "/retire");
    rows.push_back(std::move(row));
  }
  mstch::map c{{"devices", rows},
               {"deciders", device_approvers_phrase(profile)},
               {"media_href", "/schools/" + std::to_string(req.school->id) + "/media"}};
  if (decide) {
    DeviceDetails shown = form ? *form : DeviceDetails{};
    c.emplace("add", mstch::map{{"action", base(req)},
                                {"label", shown.label},
                                {"make", shown.make},
                                {"model", shown.model},
                                {"serial", shown.serial.value_or("")}});
  }
  if (error) c.emplace("errors", error_list(*error, "label"));
  return render_page(app, req, "Approved devices", "devices", std::move(c), status);
}

// kForbidden, naming who decides, unless this person may approve devices here.
Status require_decider(AppContext& app, const Request& req) {
  PolicyProfile profile = TRY(school_profile(app, req));
  return require_device_approver(profile, req.grants, *req.school);
}

Result<HttpResponse> add(AppContext& app, Request& req) {
  const Fields& f = req.form();
  DeviceDetails d{field(f, "label"), field(f, "make"), field(f, "model"), std::nullopt};
  if (std::string serial = field(f, "serial"); !serial.empty()) d.serial = serial;
  if (auto bad = check_device_details(d); !bad.ok())
    return register_page(app, req, &d, &bad.error(), 422);
  TRY(require_decider(app, req));
  auto id = app.db.transaction([&](Connection& c) {
    return add_device(SchoolScope{c, app.clock, req.actor(), req.school->id}, d);
  });
  if (!id.ok()) return register_page(app, req, &d, &id.error(), http_status(id.error().code));
  return redirect_response(base(req));
}

Result<HttpResponse> retire(AppContext& app, Request& req) {
  auto id = req.int_param("device");
  if (!id) return Error::not_found("There is no such device.");
  TRY(require_decider(app, req));
  auto s = app.db.transaction([&](Connection& c) {
    return retire_device(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id);
  });
  if (!s.ok()) return register_page(app, req, nullptr, &s.error(), http_status(s.error().code));
  return redirect_response(base(req));
}

}  // namespace

void add_device_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/devices";
  router.add({V::get, root, Access::kSchool, Capability::kMediaView},
             [&app](Request& req) { return register_page(app, req); });
  router.add({V::post, root, Access::kSchool, Capability::kDevicesManage},
             [&app](Request& req) { return add(app, req); });
  router.add({V::post, root + "/{device}/retire", Access::kSchool, Capability::kDevicesManage},
             [&app](Request& req) { return retire(app, req); });
}

}  // namespace inloco::web

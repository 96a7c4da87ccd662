// A ban from the school network (NET-6): why it began, the supervised
// sessions, and for the profile's monitoring_reports_to the forms to record
// supervised use (under supervised_use_only) and to lift the ban with the
// reason. Opening the ban reads the notices about it.
#include "filtering/filter_bans.h"
#include "notices/notice_store.h"
#include "people/person.h"
#include "web/form_data.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/filtering";
}
std::string ban_href(const Request& req, int64_t id) {
  return base(req) + "/bans/" + std::to_string(id);
}

std::string sanction_label(CircumventionSanction s) {
  return s == CircumventionSanction::kSupervisedUseOnly ? "Network use only under supervision"
                                                        : "No internet access at school";
}

Result<HttpResponse> ban_page(AppContext& app, Request& req, const Error* error = nullptr,
                              unsigned status = 200, const std::string& form = "",
                              const Fields* values = nullptr) {
  auto id = req.int_param("ban");
  if (!id) return Error::not_found("There is no such ban at this school.");
  const filter::FilterBan b = TRY(app.db.read(
      [&](Connection& c) { return filter::get_ban(c, req.school->id, *id, app.clock.now()); }));
  (void)app.db.transaction([&](Connection& c) {
    return mark_notices_read(c, app.clock, req.user->person_id, NoticeAbout{{}, {}, {}, b.id});
  });
  auto val = [&](const std::string& which, const std::string& name) {
    return values && form == which ? field(*values, name) : std::string();
  };
  mstch::array sessions;
  for (const auto& s : b.sessions)
    sessions.push_back(mstch::map{{"supervisor", s.supervisor_name},
                                  {"from", when_text(s.starts_at)},
                                  {"until", when_text(s.ends_at)},
                                  {"by", s.recorded_by_name}});
  mstch::map c{
      {"back_href", base(req) + "/circumvention"},
      {"reference", std::to_string(b.id)},
      {"name", b.person_name},
      {"activity_href", base(req) + "/people/" + std::to_string(b.person_id)},
      {"network_name", b.network_name},
      {"since", when_text(b.started_at)},
      {"why", b.why},
      {"sanction", sanction_label(b.sanction)},
      {"in_force", b.in_force()},
      {"lifted", b.lifted_at ? when_text(*b.lifted_at) : std::string()},
      {"lifted_by", b.lifted_by_name},
      {"lift_reason", b.lift_reason},
      {"supervised_until", b.supervised_until ? when_text(*b.supervised_until) : std::string()},
      {"sessions", sessions},
      {"csrf", csrf_token(req)}};
  if (b.in_force() && req.can(Capability::kFilterBansManage)) {
    c.emplace("lift_action", ban_href(req, b.id) + "/lift");
    c.emplace("reason_value", val("lift", "reason"));
    if (b.sanction == CircumventionSanction::kSupervisedUseOnly) {
      // Exactly whom record_supervision accepts (filter_bans.h).
      const auto staff = TRY(app.db.read(
          [&](Connection& conn) { return filter::possible_supervisors(conn, req.school->id); }));
      const std::string chosen = values && form == "supervise"
                                     ? field(*values, "supervisor")
                                     : std::to_string(req.user->person_id);
      mstch::array options;
      for (const Person& p : staff)
        options.push_back(mstch::map{{"id", std::to_string(p.id)},
                                     {"name", p.display_name()},
                                     {"selected", std::to_string(p.id) == chosen}});
      c.emplace("supervise_action", ban_href(req, b.id) + "/supervise");
      c.emplace("staff", options);
      c.emplace("minutes_value",
                values && form == "supervise" ? field(*values, "minutes") : std::string("60"));
      c.emplace("max_minutes", std::to_string(filter::kMaxSupervisedMinutes));
    }
  }
  if (error)
    c.emplace("errors", error_list(*error, form == "supervise" ? "minutes"
                                           : form == "lift"    ? "reason"
                                                               : ""));
  return render_page(app, req, "Ban from the network: " + b.person_name, "filter_ban", std::move(c),
                     status);
}

// Lifting or supervising: the library decides who may; a refusal or a
// problem shows the page again with what was typed.
template <class Change>
Result<HttpResponse> change(AppContext& app, Request& req, const std::string& form,
                            Change&& apply) {
  const Fields& f = req.form();
  auto id = req.int_param("ban");
  if (!id) return Error::not_found("There is no such ban at this school.");
  Status s = [&]() -> Status {
    const FilterRules rules = TRY(school_filter_rules(app, req));
    return app.db.transaction([&](Connection& c) { return apply(c, rules, *id, f); });
  }();
  if (!s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) return std::move(s).error();
    return ban_page(app, req, &s.error(), http_status(s.error().code), form, &f);
  }
  return redirect_response(ban_href(req, *id));
}

}  // namespace

void add_filter_ban_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/schools/{school}/filtering/bans/{ban}";
  router.add({V::get, root, Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) { return ban_page(app, req); });
  router.add({V::post, root + "/lift", Access::kSchool, C::kFilterBansManage},
             [&app](Request& req) -> Result<HttpResponse> {
               return change(
                   app, req, "lift",
                   [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) {
                     return filter::lift_ban(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                             req.grants, rules, id, field(f, "reason"));
                   });
             });
  router.add(
      {V::post, root + "/supervise", Access::kSchool, C::kFilterBansManage},
      [&app](Request& req) -> Result<HttpResponse> {
        return change(
            app, req, "supervise",
            [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) -> Status {
              const int64_t supervisor = std::atoll(field(f, "supervisor").c_str());
              const std::string minutes = field(f, "minutes");
              if (supervisor <= 0)
                return Error::invalid("Choose the member of staff who supervises.");
              if (minutes.empty() || minutes.find_first_not_of("0123456789") != std::string::npos ||
                  minutes.size() > 4)
                return Error::invalid(
                    "Enter how many minutes the supervision lasts, as a whole number.");
              TRY(filter::record_supervision(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                             req.grants, rules, id, supervisor,
                                             std::atoi(minutes.c_str())));
              return {};
            });
      });
}

}  // namespace inloco::web

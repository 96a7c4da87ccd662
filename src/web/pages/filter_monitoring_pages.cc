// Monitoring pages (NET-5, NET-6) for those who hold filter.monitoring_view:
// the monitoring report of the profile's monitoring_report_days per person
// and per device, finding a person, a person's web activity (with the form
// that sets their network user name), and the attempts to get round the
// filter with the bans in force. Every view is audited by the library.
// The ban pages are in filter_ban_pages.cc.
#include <algorithm>

#include "filtering/circumvention.h"
#include "filtering/filter_bans.h"
#include "filtering/monitoring_reports.h"
#include "filtering/network_names.h"
#include "filtering/network_users.h"
#include "people/person.h"
#include "web/form_data.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

constexpr int kActivityRows = 300;
constexpr int kEventRows = 500;
constexpr int64_t kFoundRows = 50;

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/filtering";
}
std::string person_href(const Request& req, int64_t id) {
  return base(req) + "/people/" + std::to_string(id);
}

// "ICT technician and DSL"
std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i)
    out += (i == 0                  ? ""
            : i + 1 == roles.size() ? " and "
                                    : ", ") +
           std::string(role_label(roles[i]));
  return out;
}

std::string count_text(int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

mstch::array search_rows(const std::vector<filter::SearchSeen>& searches) {
  mstch::array out;
  for (const auto& s : searches)
    out.push_back(mstch::map{{"terms", s.terms},
                             {"when", when_text(s.at)},
                             {"blocked", s.blocked},
                             {"flag", s.flag},
                             {"who", s.who}});
  return out;
}

mstch::array category_text(const std::vector<filter::CategoryCount>& categories) {
  mstch::array out;
  for (const auto& c : categories)
    out.push_back(mstch::map{{"name", c.category}, {"requests", std::to_string(c.requests)}});
  return out;
}

mstch::array line_rows(const Request& req, const std::vector<filter::ActivityLine>& lines) {
  mstch::array out;
  for (const auto& l : lines) {
    mstch::map m{{"name", l.name},
                 {"detail", l.detail},
                 {"requests", std::to_string(l.requests)},
                 {"blocked", std::to_string(l.blocked)},
                 {"attempts", std::to_string(l.attempts)},
                 {"any_attempts", l.attempts > 0},
                 {"categories", category_text(l.categories)},
                 {"searches", search_rows(l.searches)}};
    if (l.person_id) m.emplace("href", person_href(req, *l.person_id));
    out.push_back(std::move(m));
  }
  return out;
}

std::string sanction_text(const FilterRules& rules) {
  switch (rules.circumvention) {
    case CircumventionSanction::kRecordOnly:
      return "The school's policy records attempts to get round the filter; nobody is banned for "
             "them.";
    case CircumventionSanction::kSupervisedUseOnly:
      return "The school's policy: after " + std::to_string(rules.circumvention_threshold) +
             " attempts within " + std::to_string(rules.circumvention_window_days) +
             " days a person uses the network only while a member of staff is recorded as "
             "supervising them, "
             "until the ban is lifted.";
    case CircumventionSanction::kRemoveInternetAccess:
      return "The school's policy: after " + std::to_string(rules.circumvention_threshold) +
             " attempts within " + std::to_string(rules.circumvention_window_days) +
             " days a person loses internet access at school until the ban is lifted.";
  }
  return "";
}

mstch::array ban_rows(const Request& req, const std::vector<filter::FilterBan>& bans) {
  mstch::array out;
  for (const auto& b : bans)
    out.push_back(mstch::map{
        {"href", base(req) + "/bans/" + std::to_string(b.id)},
        {"name", b.person_name},
        {"since", when_text(b.started_at)},
        {"why", b.why},
        {"in_force", b.in_force()},
        {"supervised_until", b.supervised_until ? when_text(*b.supervised_until) : std::string()},
        {"lifted", b.lifted_at ? when_text(*b.lifted_at) : std::string()},
        {"lifted_by", b.lifted_by_name}});
  return out;
}

mstch::array event_rows(const Request& req, const std::vector<filter::CircumventionEvent>& events) {
  mstch::array out;
  for (const auto& e : events) {
    mstch::map m{{"when", when_text(e.at)},
                 {"who", e.person_name.empty() ? e.username : e.person_name},
                 {"device", e.source_address},
                 {"what", filter::circumvention_description(e)},
                 {"url", e.url},
                 {"blocked", e.blocked}};
    if (e.person_id) m.emplace("href", person_href(req, *e.person_id));
    out.push_back(std::move(m));
  }
  return out;
}

Result<HttpResponse> report_page(AppContext& app, Request& req) {
  const FilterRules rules = TRY(school_filter_rules(app, req));
  const int days = monitoring_days_asked(req, rules);
  const filter::MonitoringReport report = TRY(app.db.transaction([&](Connection& c) {
    return filter::monitoring_report(SchoolScope{c, app.clock, req.actor(), req.school->id}, days);
  }));
  const auto bans = TRY(app.db.read(
      [&](Connection& c) { return filter::bans_in_force(c, req.school->id, app.clock.now()); }));
  mstch::map c{{"days", std::to_string(report.days)},
               {"from", when_text(report.from)},
               {"to", when_text(report.to)},
               {"requests", count_text(report.requests, "request", "requests")},
               {"blocked", count_text(report.blocked, "blocked", "blocked")},
               {"attempts", count_text(report.attempts, "attempt", "attempts")},
               {"bans", count_text(static_cast<int64_t>(bans.size()), "person", "people")},
               {"people", line_rows(req, report.people)},
               {"unknown_names", line_rows(req, report.unknown_names)},
               {"devices", line_rows(req, report.devices)},
               {"cut", report.cut},
               {"action", base(req) + "/monitoring"},
               {"find_action", base(req) + "/people"},
               {"circumvention_href", base(req) + "/circumvention"},
               {"back_href", base(req)},
               {"reports_to", roles_text(rules.monitoring_reports_to)}};
  return render_page(app, req, "Monitoring report", "filter_monitoring", std::move(c));
}

Result<HttpResponse> find_page(AppContext& app, Request& req) {
  const std::string search = req.query_value("q");
  mstch::array found;
  if (!search.empty()) {
    // Only those who use the network are offered (filtering/network_users.h).
    const auto people = TRY(app.db.read([&](Connection& c) {
      return filter::find_network_users(c, req.school->id, search, kFoundRows);
    }));
    for (const Person& p : people)
      found.push_back(mstch::map{{"name", p.display_name()},
                                 {"href", person_href(req, p.id)},
                                 {"kind", std::string(person_kind_label(p.kind))}});
  }
  mstch::map c{{"q", search},
               {"action", base(req) + "/people"},
               {"found", found},
               {"searched", !search.empty()},
               {"back_href", base(req) + "/monitoring"}};
  return render_page(app, req, "Find a person's web activity", "filter_find", std::move(c));
}

Result<HttpResponse> activity_page(AppContext& app, Request& req, const Error* error = nullptr,
                                   unsigned status = 200, const std::string& typed = "") {
  auto id = req.int_param("person");
  if (!id) return Error::not_found("There is no such person.");
  const FilterRules rules = TRY(school_filter_rules(app, req));
  const int days = monitoring_days_asked(req, rules);
  const filter::PersonActivity a = TRY(app.db.transaction([&](Connection& c) {
    return filter::person_activity(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id,
                                   days, kActivityRows);
  }));
  mstch::array decisions;
  for (const auto& d : a.decisions)
    decisions.push_back(mstch::map{{"when", when_text(d.at)},
                                   {"device", d.source_address},
                                   {"url", d.url},
                                   {"blocked", d.blocked},
                                   {"category", d.category},
                                   {"terms", d.search_terms},
                                   {"flag", d.search_flag}});
  const filter::ActivityLine& t = a.totals;
  mstch::map c{{"name", a.person.display_name()},
               {"detail", t.detail},
               {"network_name", a.network_name},
               {"days", std::to_string(days)},
               {"requests", std::to_string(t.requests)},
               {"blocked", std::to_string(t.blocked)},
               {"attempts", std::to_string(t.attempts)},
               {"categories", category_text(t.categories)},
               {"searches", search_rows(t.searches)},
               {"events", event_rows(req, a.events)},
               {"bans", ban_rows(req, a.bans)},
               {"decisions", decisions},
               {"shown", std::to_string(a.decisions.size())},
               {"back_href", base(req) + "/monitoring"},
               {"csrf", csrf_token(req)}};
  if (req.can(Capability::kFilterBansManage)) {
    c.emplace("name_action", person_href(req, *id) + "/network-name");
    c.emplace("name_value", error ? typed : a.network_name);
  }
  if (error) c.emplace("errors", error_list(*error, "network_username"));
  return render_page(app, req, "Web activity: " + a.person.display_name(), "filter_activity",
                     std::move(c), status);
}

Result<HttpResponse> circumvention_page(AppContext& app, Request& req) {
  const FilterRules rules = TRY(school_filter_rules(app, req));
  const int days = monitoring_days_asked(req, rules);
  const auto events = TRY(app.db.transaction([&](Connection& c) {
    return filter::circumvention_events(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                        days, kEventRows);
  }));
  const auto bans = TRY(app.db.read(
      [&](Connection& c) { return filter::bans_in_force(c, req.school->id, app.clock.now()); }));
  mstch::map c{{"days", std::to_string(days)},
               {"policy", sanction_text(rules)},
               {"bans", ban_rows(req, bans)},
               {"events", event_rows(req, events)},
               {"action", base(req) + "/circumvention"},
               {"back_href", base(req) + "/monitoring"}};
  return render_page(app, req, "Attempts to get round the filter", "filter_circumvention",
                     std::move(c));
}

}  // namespace

void add_filter_monitoring_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/schools/{school}/filtering";
  router.add({V::get, root + "/monitoring", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) { return report_page(app, req); });
  router.add({V::get, root + "/people", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) { return find_page(app, req); });
  router.add({V::get, root + "/people/{person}", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) { return activity_page(app, req); });
  router.add(
      {V::post, root + "/people/{person}/network-name", Access::kSchool, C::kFilterBansManage},
      [&app](Request& req) -> Result<HttpResponse> {
        const Fields& f = req.form();
        auto id = req.int_param("person");
        if (!id) return Error::not_found("There is no such person.");
        const std::string typed = field(f, "network_username");
        Status s = [&]() -> Status {
          // An empty field clears the name; a form without it says nothing.
          if (!f.count("network_username"))
            return Error::invalid(
                "Enter the network user name, or leave it empty to use their inloco user name.");
          const FilterRules rules = TRY(school_filter_rules(app, req));
          return app.db.transaction([&](Connection& c) {
            return filter::set_network_username(
                SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants, rules, *id,
                typed);
          });
        }();
        if (!s.ok()) {
          if (s.error().code == ErrorCode::kNotFound) return std::move(s).error();
          return activity_page(app, req, &s.error(), http_status(s.error().code), typed);
        }
        return redirect_response(person_href(req, *id));
      });
  router.add({V::get, root + "/circumvention", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) { return circumvention_page(app, req); });
}

}  // namespace inloco::web

// JSON API for monitoring (NET-5) and attempts to get round the filter
// (NET-6), the same library calls as the pages: the monitoring report, a
// person's activity (audited), their network user name, the attempts, and
// the bans with lifting and supervised use.
#include <algorithm>

#include "filtering/filter_bans.h"
#include "filtering/monitoring_reports.h"
#include "filtering/network_names.h"
#include "web/api/json_fields.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

using nlohmann::json;

constexpr int kActivityRows = 1000;
constexpr int kEventRows = 1000;

json searches_json(const std::vector<filter::SearchSeen>& searches) {
  json out = json::array();
  for (const auto& s : searches)
    out.push_back({{"at", s.at},
                   {"terms", s.terms},
                   {"flag", s.flag},
                   {"blocked", s.blocked},
                   {"who", s.who},
                   {"source_address", s.source_address}});
  return out;
}

json line_json(const filter::ActivityLine& l) {
  json categories = json::array();
  for (const auto& c : l.categories)
    categories.push_back({{"category", c.category}, {"requests", c.requests}});
  return {{"person_id", or_null(l.person_id)},
          {"name", l.name},
          {"detail", l.detail},
          {"requests", l.requests},
          {"blocked", l.blocked},
          {"attempts", l.attempts},
          {"flagged_searches", l.flagged},
          {"categories", categories},
          {"searches", searches_json(l.searches)}};
}

json lines_json(const std::vector<filter::ActivityLine>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back(line_json(l));
  return out;
}

json event_json(const filter::CircumventionEvent& e) {
  return {{"id", e.id},
          {"at", e.at},
          {"person_id", or_null(e.person_id)},
          {"person", e.person_name},
          {"username", e.username},
          {"source_address", e.source_address},
          {"url", e.url},
          {"host", e.host},
          {"kind", filter::circumvention_kind_key(e.kind)},
          {"category", e.category},
          {"blocked", e.blocked},
          {"what", filter::circumvention_description(e)}};
}

json ban_json(const filter::FilterBan& b) {
  json sessions = json::array();
  for (const auto& s : b.sessions)
    sessions.push_back({{"id", s.id},
                        {"supervisor_id", s.supervisor_id},
                        {"supervisor", s.supervisor_name},
                        {"recorded_by", s.recorded_by_name},
                        {"starts_at", s.starts_at},
                        {"ends_at", s.ends_at}});
  return {{"id", b.id},
          {"person_id", b.person_id},
          {"person", b.person_name},
          {"network_name", b.network_name},
          {"sanction", filter::sanction_key(b.sanction)},
          {"started_at", b.started_at},
          {"why", b.why},
          {"attempts", b.events_count},
          {"window_days", b.window_days},
          {"in_force", b.in_force()},
          {"lifted_at", or_null(b.lifted_at)},
          {"lifted_by", b.lifted_by_name},
          {"lift_reason", b.lift_reason},
          {"supervised_until", or_null(b.supervised_until)},
          {"sessions", sessions}};
}

}  // namespace

void add_filter_monitoring_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/api/v1/schools/{school}/filtering";
  router.add({V::get, root + "/monitoring", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) -> Result<HttpResponse> {
               const FilterRules rules = TRY(school_filter_rules(app, req));
               const int days = monitoring_days_asked(req, rules);
               const filter::MonitoringReport r = TRY(app.db.transaction([&](Connection& c) {
                 return filter::monitoring_report(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, days);
               }));
               return json_response(200, {{"days", r.days},
                                          {"from", r.from},
                                          {"to", r.to},
                                          {"requests", r.requests},
                                          {"blocked", r.blocked},
                                          {"attempts", r.attempts},
                                          {"people", lines_json(r.people)},
                                          {"unknown_names", lines_json(r.unknown_names)},
                                          {"devices", lines_json(r.devices)},
                                          {"cut", r.cut}});
             });
  router.add(
      {V::get, root + "/people/{person}/activity", Access::kSchool, C::kFilterMonitoringView},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("person");
        if (!id) return Error::not_found("There is no such person.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        const int days = monitoring_days_asked(req, rules);
        const filter::PersonActivity a = TRY(app.db.transaction([&](Connection& c) {
          return filter::person_activity(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                         *id, days, kActivityRows);
        }));
        json decisions = json::array();
        for (const auto& d : a.decisions)
          decisions.push_back({{"at", d.at},
                               {"username", d.username},
                               {"source_address", d.source_address},
                               {"url", d.url},
                               {"host", d.host},
                               {"search_terms", d.search_terms},
                               {"search_flag", d.search_flag},
                               {"blocked", d.blocked},
                               {"category", d.category},
                               {"rule", d.rule}});
        json events = json::array(), bans = json::array();
        for (const auto& e : a.events) events.push_back(event_json(e));
        for (const auto& b : a.bans) bans.push_back(ban_json(b));
        return json_response(200, {{"person_id", *id},
                                   {"name", a.person.display_name()},
                                   {"network_name", a.network_name},
                                   {"days", days},
                                   {"totals", line_json(a.totals)},
                                   {"decisions", decisions},
                                   {"events", events},
                                   {"bans", bans}});
      });
  router.add(
      {V::post, root + "/people/{person}/network-name", Access::kSchool, C::kFilterBansManage},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("person");
        json b = json_body(req);
        if (!id || !is_json_object(b) || !b.contains("network_username") ||
            !b["network_username"].is_string())
          return Error::invalid(
              "Send {\"network_username\": the name the network shows, or \"\" to use their inloco "
              "user name} as JSON.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        const std::string name = TRY(app.db.transaction([&](Connection& c) -> Result<std::string> {
          TRY(filter::set_network_username(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                           req.grants, rules, *id,
                                           text_field(b, "network_username")));
          return filter::network_name_of(c, *id);
        }));
        return json_response(200, {{"person_id", *id}, {"network_name", name}});
      });
  router.add({V::get, root + "/circumvention", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) -> Result<HttpResponse> {
               const FilterRules rules = TRY(school_filter_rules(app, req));
               const int days = monitoring_days_asked(req, rules);
               const auto events = TRY(app.db.transaction([&](Connection& c) {
                 return filter::circumvention_events(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, days, kEventRows);
               }));
               json out = json::array();
               for (const auto& e : events) out.push_back(event_json(e));
               return json_response(200, {{"days", days}, {"events", out}});
             });
  router.add({V::get, root + "/bans", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) -> Result<HttpResponse> {
               const auto bans = TRY(app.db.read([&](Connection& c) {
                 return filter::bans_in_force(c, req.school->id, app.clock.now());
               }));
               json out = json::array();
               for (const auto& b : bans) out.push_back(ban_json(b));
               return json_response(200, {{"bans", out}});
             });
  router.add({V::get, root + "/bans/{ban}", Access::kSchool, C::kFilterMonitoringView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("ban");
               if (!id) return Error::not_found("There is no such ban at this school.");
               const filter::FilterBan b = TRY(app.db.read([&](Connection& c) {
                 return filter::get_ban(c, req.school->id, *id, app.clock.now());
               }));
               return json_response(200, ban_json(b));
             });
  router.add({V::post, root + "/bans/{ban}/lift", Access::kSchool, C::kFilterBansManage},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("ban");
               json b = json_body(req);
               if (!id || !is_json_object(b))
                 return Error::invalid("Send {\"reason\": why it is lifted} as JSON.");
               const FilterRules rules = TRY(school_filter_rules(app, req));
               TRY(app.db.transaction([&](Connection& c) {
                 return filter::lift_ban(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                         req.grants, rules, *id, text_field(b, "reason"));
               }));
               return json_response(200, {{"id", *id}, {"lifted", true}});
             });
  router.add({V::post, root + "/bans/{ban}/supervise", Access::kSchool, C::kFilterBansManage},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("ban");
               json b = json_body(req);
               auto supervisor = int_field(b, "supervisor_id");
               auto minutes = int_field(b, "minutes");
               if (!id || !is_json_object(b) || !supervisor || !minutes)
                 return Error::invalid(
                     "Send {\"supervisor_id\": the member of staff, \"minutes\": how long from "
                     "now} as JSON.");
               const FilterRules rules = TRY(school_filter_rules(app, req));
               const int64_t session = TRY(app.db.transaction([&](Connection& c) {
                 return filter::record_supervision(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants, rules, *id,
                     *supervisor, static_cast<int>(std::clamp<int64_t>(*minutes, -1, 100000)));
               }));
               return json_response(201, {{"id", session}, {"ban_id", *id}});
             });
}

}  // namespace inloco::web

// JSON API for web filtering, the same library calls as the pages: unblock
// requests (NET-3: ask, list one's own, and for ICT and the headteacher every
// request, the check, the decision in writing and the exceptions in force)
// and reported sites (NET-4: report, and block or dismiss; the school's own
// block list).
#include "filtering/filter_record_access.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "web/api/json_fields.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

using filter::UnblockRequest;
using nlohmann::json;

json request_json(const UnblockRequest& r) {
  return {{"id", r.id},
          {"address", r.address},
          {"domain", r.domain},
          {"reason", r.reason},
          {"for_group", r.for_group},
          {"days", r.days},
          {"status", filter::unblock_status_key(r.status)},
          {"requested_by", r.requested_by_name},
          {"requested_at", r.requested_at},
          {"check_note", r.check_note},
          {"checked_by", r.checked_by_name},
          {"checked_at", or_null(r.checked_at)},
          {"decision_reason", r.decision_reason},
          {"decided_by", r.decided_by_name},
          {"decided_at", or_null(r.decided_at)},
          {"exception_ends_at", or_null(r.exception_ends_at)}};
}

json report_json(const filter::SiteReport& r) {
  return {{"id", r.id},
          {"address", r.address},
          {"domain", r.domain},
          {"what", r.what},
          {"status", filter::site_report_status_key(r.status)},
          {"reported_by", r.reported_by_name},
          {"reported_at", r.reported_at},
          {"handled_by", r.handled_by_name},
          {"handled_at", or_null(r.handled_at)},
          {"outcome", r.outcome}};
}

filter::FilterViewer viewer(const Request& req) {
  return {req.user->person_id, req.grants, *req.school};
}

json requests_json(const std::vector<UnblockRequest>& rows) {
  json out = json::array();
  for (const auto& r : rows) out.push_back(request_json(r));
  return out;
}

json reports_json(const std::vector<filter::SiteReport>& rows) {
  json out = json::array();
  for (const auto& r : rows) out.push_back(report_json(r));
  return out;
}

}  // namespace

void add_filter_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/api/v1/schools/{school}/filtering";
  router.add(
      {V::post, root + "/unblocks", Access::kSchool, C::kFilterUnblockRequest},
      [&app](Request& req) -> Result<HttpResponse> {
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid("Send {\"address\", \"reason\", \"for_group\", \"days\"} as JSON.");
        filter::UnblockInput in{text_field(b, "address"), text_field(b, "reason"),
                                text_field(b, "for_group"),
                                static_cast<int>(int_field(b, "days").value_or(7))};
        const FilterRules rules = TRY(school_filter_rules(app, req));
        int64_t id = TRY(app.db.transaction([&](Connection& c) {
          return filter::request_unblock(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                         rules, in);
        }));
        return json_response(201, {{"id", id}});
      });
  router.add({V::get, root + "/unblocks/mine", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return filter::own_unblock_requests(c, req.school->id, req.user->person_id);
               }));
               return json_response(200, {{"requests", requests_json(rows)}});
             });
  router.add({V::get, root + "/unblocks", Access::kSchool, C::kFilterUnblocksView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return filter::unblock_requests(c, req.school->id, 500);
               }));
               return json_response(200, {{"requests", requests_json(rows)}});
             });
  router.add({V::get, root + "/unblocks/{request}", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               // Someone else's request is for those who see them all (filter_record_access.h).
               UnblockRequest r = TRY(app.db.read([&](Connection& c) {
                 return filter::visible_unblock_request(c, viewer(req), req.int_param("request"));
               }));
               return json_response(200, request_json(r));
             });
  router.add(
      {V::post, root + "/unblocks/{request}/check", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("request");
        json b = json_body(req);
        if (!id || !is_json_object(b))
          return Error::invalid("Send {\"note\": what you found} as JSON.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        TRY(app.db.transaction([&](Connection& c) {
          return filter::check_unblock(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       req.grants, rules, *id, text_field(b, "note"));
        }));
        return json_response(200, {{"id", *id}, {"checked", true}});
      });
  router.add(
      {V::post, root + "/unblocks/{request}/decide", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("request");
        json b = json_body(req);
        if (!id || !is_json_object(b) || !b.contains("approve") || !b["approve"].is_boolean())
          return Error::invalid(
              "Send {\"approve\": true or false, \"reason\": the decision in writing} as JSON.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        bool approve = b["approve"].get<bool>();
        TRY(app.db.transaction([&](Connection& c) {
          return filter::decide_unblock(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                        req.grants, rules, *id, approve, text_field(b, "reason"));
        }));
        return json_response(200, {{"id", *id}, {"status", approve ? "approved" : "refused"}});
      });
  router.add({V::get, root + "/exceptions", Access::kSchool, C::kFilterUnblocksView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return filter::exceptions_in_force(c, req.school->id, app.clock.now());
               }));
               json out = json::array();
               for (const auto& e : rows)
                 out.push_back({{"id", e.id},
                                {"request_id", e.request_id},
                                {"domain", e.domain},
                                {"for_group", e.for_group},
                                {"for_person_id", or_null(e.for_person_id)},
                                {"for_username", e.for_username},
                                {"starts_at", e.starts_at},
                                {"ends_at", e.ends_at}});
               return json_response(200, {{"exceptions", out}});
             });
  router.add(
      {V::post, root + "/exceptions/{exception}/end", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("exception");
        json b = json_body(req);
        if (!id || !is_json_object(b))
          return Error::invalid("Send {\"reason\": why it ends early} as JSON.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        TRY(app.db.transaction([&](Connection& c) {
          return filter::end_exception(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       req.grants, rules, *id, text_field(b, "reason"));
        }));
        return json_response(200, {{"id", *id}, {"ended", true}});
      });
  // NET-4: the profile's content_reports_to are told of a report.
  router.add({V::post, root + "/reports", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               json b = json_body(req);
               if (!is_json_object(b))
                 return Error::invalid("Send {\"address\", \"what\"} as JSON.");
               const FilterRules rules = TRY(school_filter_rules(app, req));
               int64_t id = TRY(app.db.transaction([&](Connection& c) {
                 return filter::report_site(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            rules, text_field(b, "address"), text_field(b, "what"));
               }));
               return json_response(201, {{"id", id}});
             });
  router.add({V::get, root + "/reports/mine", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read([&](Connection& c) {
                 return filter::own_site_reports(c, req.school->id, req.user->person_id);
               }));
               return json_response(200, {{"reports", reports_json(rows)}});
             });
  router.add({V::get, root + "/reports", Access::kSchool, C::kFilterUnblocksView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read(
                   [&](Connection& c) { return filter::site_reports(c, req.school->id, 500); }));
               return json_response(200, {{"reports", reports_json(rows)}});
             });
  router.add({V::get, root + "/reports/{report}", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               // Someone else's report is for those who see them all (filter_record_access.h).
               filter::SiteReport r = TRY(app.db.read([&](Connection& c) {
                 return filter::visible_site_report(c, viewer(req), req.int_param("report"));
               }));
               return json_response(200, report_json(r));
             });
  router.add(
      {V::post, root + "/reports/{report}/handle", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("report");
        json b = json_body(req);
        if (!id || !is_json_object(b) || !b.contains("block") || !b["block"].is_boolean())
          return Error::invalid("Send {\"block\": true or false, \"outcome\": why} as JSON.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        bool block = b["block"].get<bool>();
        TRY(app.db.transaction([&](Connection& c) {
          return filter::handle_site_report(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            req.grants, rules, *id, block,
                                            text_field(b, "outcome"));
        }));
        return json_response(200, {{"id", *id}, {"status", block ? "blocked" : "dismissed"}});
      });
  router.add({V::get, root + "/blocklist", Access::kSchool, C::kFilterUnblocksView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto rows = TRY(app.db.read(
                   [&](Connection& c) { return filter::school_block_list(c, req.school->id); }));
               return json_response(200, {{"domains", rows}});
             });
}

}  // namespace inloco::web

// JSON API for web filtering, the same library calls as the pages: unblock
// requests (NET-3: ask, list one's own, and for ICT and the headteacher every
// request, the check, the decision in writing and the exceptions in force)
// and reported sites (NET-4: report, and block or dismiss; the school's own
// block list).
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "web/school_profile.h"
#include "web/api/json_fields.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {
namespace {

using nlohmann::json;
using filter::UnblockRequest;

json request_json(const UnblockRequest& r) {
  return {{"id", r.id}, {"address", r.address}, {"domain", r.domain}, {"reason", r.reason},
          {"for_group", r.for_group}, {"days", r.days}, {"status", filter::unblock_status_key(r.status)},
          {"requested_by", r.requested_by_name}, {"requested_at", r.requested_at},
          {"check_note", r.check_note}, {"checked_by", r.checked_by_name}, {"checked_at", or_null(r.checked_at)},
          {"decision_reason", r.decision_reason}, {"decided_by", r.decided_by_name},
          {"decided_at", or_null(r.decided_at)}, {"exception_ends_at", or_null(r.exception_ends_at)}};
}

json report_json(const filter::SiteReport& r) {
  return {{"id", r.id}, {"address", r.address}, {"domain", r.domain}, {"what", r.what},
          {"status", filter::site_report_status_key(r.status)}, {"reported_by", r.reported_by_name},
          {"reported_at", r.reported_at}, {"handled_by", r.handled_by_name}, {"handled_at", or_null(r.handled_at)},
          {"outcome", r.outcome}};
}

bool can(const Request& req, Capability c) { return req.grants.can(c, req.school->id, req.school->trust_id); }

}  // namespace

void add_filter_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/api/v1/schools/{school}/filtering";
  router.add({V::post, root + "/unblocks", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b))
      return error_response(app, req, Error::invalid("Send {\"address\", \"reason\", \"for_group\", \"days\"} as JSON."));
    filter::UnblockInput in{text_field(b, "address"), text_field(b, "reason"), text_field(b, "for_group"),
                            static_cast<int>(int_field(b, "days").value_or(7))};
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    auto id = app.db.transaction([&](Connection& c) {
      return filter::request_unblock(c, app.clock, req.actor(), *rules, req.school->id, in);
    });
    if (!id.ok()) return error_response(app, req, id.error());
    return json_response(201, {{"id", *id}});
  });
  router.add({V::get, root + "/unblocks/mine", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) {
      return filter::own_unblock_requests(c, req.school->id, req.user->person_id);
    });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& r : *rows) out.push_back(request_json(r));
    return json_response(200, {{"requests", out}});
  });
  router.add({V::get, root + "/unblocks", Access::kSchool, C::kFilterUnblocksView}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) { return filter::unblock_requests(c, req.school->id, 500); });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& r : *rows) out.push_back(request_json(r));
    return json_response(200, {{"requests", out}});
  });
  router.add({V::get, root + "/unblocks/{request}", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    const Error none = Error::not_found("There is no such request to unblock a site among yours.");
    auto id = req.int_param("request");
    if (!id) return error_response(app, req, none);
    auto r = app.db.read([&](Connection& c) { return filter::get_unblock_request(c, req.school->id, *id); });
    if (!r.ok() || (r->requested_by != req.user->person_id && !can(req, C::kFilterUnblocksView)))
      return error_response(app, req, r.ok() || r.error().code == ErrorCode::kNotFound ? none : r.error());
    return json_response(200, request_json(*r));
  });
  router.add({V::post, root + "/unblocks/{request}/check", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    auto id = req.int_param("request");
    json b = json_body(req);
    if (!id || !is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"note\": what you found} as JSON."));
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    auto s = app.db.transaction([&](Connection& c) {
      return filter::check_unblock(c, app.clock, req.actor(), req.grants, *rules, req.school->id, *id,
                                   text_field(b, "note"));
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"checked", true}});
  });
  router.add({V::post, root + "/unblocks/{request}/decide", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    auto id = req.int_param("request");
    json b = json_body(req);
    if (!id || !is_json_object(b) || !b.contains("approve") || !b["approve"].is_boolean())
      return error_response(app, req, Error::invalid("Send {\"approve\": true or false, \"reason\": the decision in writing} as JSON."));
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    bool approve = b["approve"].get<bool>();
    auto s = app.db.transaction([&](Connection& c) {
      return filter::decide_unblock(c, app.clock, req.actor(), req.grants, *rules, req.school->id, *id, approve,
                                    text_field(b, "reason"));
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"status", approve ? "approved" : "refused"}});
  });
  router.add({V::get, root + "/exceptions", Access::kSchool, C::kFilterUnblocksView}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) {
      return filter::exceptions_in_force(c, req.school->id, app.clock.now());
    });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& e : *rows)
      out.push_back({{"id", e.id}, {"request_id", e.request_id}, {"domain", e.domain}, {"for_group", e.for_group},
                     {"for_person_id", or_null(e.for_person_id)}, {"for_username", e.for_username},
                     {"starts_at", e.starts_at}, {"ends_at", e.ends_at}});
    return json_response(200, {{"exceptions", out}});
  });
  router.add({V::post, root + "/exceptions/{exception}/end", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    auto id = req.int_param("exception");
    json b = json_body(req);
    if (!id || !is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"reason\": why it ends early} as JSON."));
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    auto s = app.db.transaction([&](Connection& c) {
      return filter::end_exception(c, app.clock, req.actor(), req.grants, *rules, req.school->id, *id,
                                   text_field(b, "reason"));
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"ended", true}});
  });
  router.add({V::post, root + "/reports", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"address\", \"what\"} as JSON."));
    auto id = app.db.transaction([&](Connection& c) {
      return filter::report_site(c, app.clock, req.actor(), req.school->id, text_field(b, "address"),
                                 text_field(b, "what"));
    });
    if (!id.ok()) return error_response(app, req, id.error());
    return json_response(201, {{"id", *id}});
  });
  router.add({V::get, root + "/reports/mine", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) {
      return filter::own_site_reports(c, req.school->id, req.user->person_id);
    });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& r : *rows) out.push_back(report_json(r));
    return json_response(200, {{"reports", out}});
  });
  router.add({V::get, root + "/reports", Access::kSchool, C::kFilterUnblocksView}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) { return filter::site_reports(c, req.school->id, 500); });
    if (!rows.ok()) return error_response(app, req, rows.error());
    json out = json::array();
    for (const auto& r : *rows) out.push_back(report_json(r));
    return json_response(200, {{"reports", out}});
  });
  router.add({V::get, root + "/reports/{report}", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    const Error none = Error::not_found("There is no such report of a site among yours.");
    auto id = req.int_param("report");
    if (!id) return error_response(app, req, none);
    auto r = app.db.read([&](Connection& c) { return filter::get_site_report(c, req.school->id, *id); });
    if (!r.ok() || (r->reported_by != req.user->person_id && !can(req, C::kFilterUnblocksView)))
      return error_response(app, req, r.ok() || r.error().code == ErrorCode::kNotFound ? none : r.error());
    return json_response(200, report_json(*r));
  });
  router.add({V::post, root + "/reports/{report}/handle", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    auto id = req.int_param("report");
    json b = json_body(req);
    if (!id || !is_json_object(b) || !b.contains("block") || !b["block"].is_boolean())
      return error_response(app, req, Error::invalid("Send {\"block\": true or false, \"outcome\": why} as JSON."));
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    bool block = b["block"].get<bool>();
    auto s = app.db.transaction([&](Connection& c) {
      return filter::handle_site_report(c, app.clock, req.actor(), req.grants, *rules, req.school->id, *id, block,
                                        text_field(b, "outcome"));
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"status", block ? "blocked" : "dismissed"}});
  });
  router.add({V::get, root + "/blocklist", Access::kSchool, C::kFilterUnblocksView}, [&app](Request& req) {
    auto rows = app.db.read([&](Connection& c) { return filter::school_block_list(c, req.school->id); });
    if (!rows.ok()) return error_response(app, req, rows.error());
    return json_response(200, {{"domains", *rows}});
  });
}

}  // namespace inloco::web

// Web filtering pages (NET-3, NET-4): ask for a wrongly blocked site to be
// unblocked, report one that should be blocked, see one's own requests and
// reports; for ICT and the headteacher, every request and report, ICT's check,
// the decision in writing, and the exceptions in force. Who checks and who
// decides is the profile's (FilterRules); the library refuses anyone else.
// The report pages are in site_report_pages.cc.
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "notices/notice_store.h"
#include "web/school_profile.h"
#include "web/form_data.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {
namespace {

using filter::UnblockRequest;
using filter::UnblockStatus;

std::string base(const Request& req) { return "/schools/" + std::to_string(req.school->id) + "/filtering"; }
std::string request_href(const Request& req, int64_t id) { return base(req) + "/unblocks/" + std::to_string(id); }
bool can(const Request& req, Capability c) { return req.grants.can(c, req.school->id, req.school->trust_id); }

std::string group_label(const FilterRules& rules, const std::string& key) {
  if (key.empty()) return "The person who asked";
  auto it = rules.groups.find(key);
  return it == rules.groups.end() ? key : it->second.label;
}

std::string status_label(UnblockStatus s) {
  switch (s) {
    case UnblockStatus::kWaiting: return "Waiting";
    case UnblockStatus::kApproved: return "Approved";
    case UnblockStatus::kRefused: return "Refused";
  }
  return "Waiting";
}

mstch::array request_rows(const Request& req, const FilterRules& rules, const std::vector<UnblockRequest>& rows) {
  mstch::array out;
  for (const auto& r : rows)
    out.push_back(mstch::map{{"href", request_href(req, r.id)}, {"domain", r.domain},
                             {"by", r.requested_by_name}, {"when", when_text(r.requested_at)},
                             {"for", group_label(rules, r.for_group)}, {"days", std::to_string(r.days)},
                             {"status", status_label(r.status)}, {"waiting", r.status == UnblockStatus::kWaiting},
                             {"approved", r.status == UnblockStatus::kApproved}});
  return out;
}

mstch::array site_report_rows(const Request& req, const std::vector<filter::SiteReport>& rows) {
  mstch::array out;
  for (const auto& r : rows)
    out.push_back(mstch::map{{"href", base(req) + "/reports/" + std::to_string(r.id)}, {"domain", r.domain},
                             {"by", r.reported_by_name}, {"when", when_text(r.reported_at)},
                             {"status", capitalised(std::string(filter::site_report_status_key(r.status)))},
                             {"open", r.status == filter::SiteReportStatus::kOpen},
                             {"blocked", r.status == filter::SiteReportStatus::kBlocked}});
  return out;
}

struct FormValues {
  std::string address, reason, for_group, days = "7";
  std::string report_address, report_what;
};

HttpResponse home_page(AppContext& app, Request& req, const FormValues& v = {}, const Error* error = nullptr,
                       unsigned status = 200, const std::string& error_field = "") {
  auto rules = school_filter_rules(app, req);
  if (!rules.ok()) return error_response(app, req, rules.error());
  auto own = app.db.read([&](Connection& c) {
    return filter::own_unblock_requests(c, req.school->id, req.user->person_id);
  });
  if (!own.ok()) return error_response(app, req, own.error());
  auto own_reports = app.db.read([&](Connection& c) {
    return filter::own_site_reports(c, req.school->id, req.user->person_id);
  });
  if (!own_reports.ok()) return error_response(app, req, own_reports.error());
  mstch::array groups{mstch::map{{"key", std::string()}, {"label", std::string("Only me")},
                                 {"selected", v.for_group.empty()}}};
  for (const auto& [key, g] : rules->groups)
    groups.push_back(mstch::map{{"key", key}, {"label", g.label}, {"selected", key == v.for_group}});
  mstch::map c{{"action", base(req) + "/unblocks"}, {"groups", groups}, {"address", v.address},
               {"reason", v.reason}, {"days", v.days}, {"own", request_rows(req, *rules, *own)},
               {"max_days", std::to_string(filter::kMaxUnblockDays)}, {"csrf", csrf_token(req)},
               {"report_action", base(req) + "/reports"}, {"report_address", v.report_address},
               {"report_what", v.report_what}, {"own_reports", site_report_rows(req, *own_reports)}};
  if (can(req, Capability::kFilterUnblocksView)) {
    auto all = app.db.read([&](Connection& conn) { return filter::unblock_requests(conn, req.school->id, 200); });
    auto ex = app.db.read([&](Connection& conn) {
      return filter::exceptions_in_force(conn, req.school->id, app.clock.now());
    });
    if (!all.ok()) return error_response(app, req, all.error());
    if (!ex.ok()) return error_response(app, req, ex.error());
    mstch::array exceptions;
    bool may_end = can(req, Capability::kFilterUnblocksDecide);
    for (const auto& e : *ex) {
      mstch::map m{{"id", std::to_string(e.id)}, {"domain", e.domain},
                   {"for", e.for_group.empty() ? (e.for_username.empty() ? std::string("One person")
                                                                         : e.for_username)
                                               : group_label(*rules, e.for_group)},
                   {"until", when_text(e.ends_at)}, {"request_href", request_href(req, e.request_id)}};
      if (may_end) m.emplace("end_action", base(req) + "/exceptions/" + std::to_string(e.id) + "/end");
      exceptions.push_back(std::move(m));
    }
    auto reports = app.db.read([&](Connection& conn) { return filter::site_reports(conn, req.school->id, 200); });
    if (!reports.ok()) return error_response(app, req, reports.error());
    c.emplace("school", mstch::map{{"requests", request_rows(req, *rules, *all)}, {"exceptions", exceptions},
                                   {"reports", site_report_rows(req, *reports)}});
  }
  // NET-5, NET-6: the monitoring pages (filter_monitoring_pages.cc).
  if (can(req, Capability::kFilterMonitoringView))
    c.emplace("monitoring", mstch::map{{"report_href", base(req) + "/monitoring"},
                                       {"circumvention_href", base(req) + "/circumvention"}});
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Web filtering", "filtering", std::move(c), status);
}

HttpResponse request_page(AppContext& app, Request& req, const Error* error = nullptr, unsigned status = 200,
                          const std::string& form = "", const Fields* values = nullptr) {
  auto id = req.int_param("request");
  const Error none = Error::not_found("There is no such request to unblock a site among yours.");
  if (!id) return error_response(app, req, none);
  auto rules = school_filter_rules(app, req);
  if (!rules.ok()) return error_response(app, req, rules.error());
  auto r = app.db.read([&](Connection& c) { return filter::get_unblock_request(c, req.school->id, *id); });
  // Someone else's request is for ICT and the headteacher only.
  if (!r.ok() || (r->requested_by != req.user->person_id && !can(req, Capability::kFilterUnblocksView)))
    return error_response(app, req, r.ok() || r.error().code == ErrorCode::kNotFound ? none : r.error());
  // Opening the request is reading the notices about it.
  (void)app.db.transaction([&](Connection& c) {
    return mark_notices_read(c, app.clock, req.user->person_id, NoticeAbout{{}, r->id, {}});
  });
  // What was typed into a refused form, to show it again.
  auto val = [&](const std::string& which, const std::string& name) {
    return values && form == which ? field(*values, name) : std::string();
  };
  mstch::map c{{"back_href", base(req)}, {"reference", std::to_string(r->id)}, {"address", r->address},
               {"domain", r->domain}, {"reason", r->reason}, {"by", r->requested_by_name},
               {"when", when_text(r->requested_at)}, {"for", group_label(*rules, r->for_group)},
               {"days", std::to_string(r->days)}, {"status", status_label(r->status)},
               {"check_note", r->check_note}, {"checked_by", r->checked_by_name},
               {"checked_at", r->checked_at ? when_text(*r->checked_at) : std::string()},
               {"decision_reason", r->decision_reason}, {"decided_by", r->decided_by_name},
               {"decided_at", r->decided_at ? when_text(*r->decided_at) : std::string()},
               {"until", r->exception_ends_at ? when_text(*r->exception_ends_at) : std::string()},
               {"csrf", csrf_token(req)}};
  if (r->status == UnblockStatus::kWaiting && can(req, Capability::kFilterUnblocksDecide)) {
    c.emplace("check_action", request_href(req, r->id) + "/check");
    c.emplace("decide_action", request_href(req, r->id) + "/decide");
    c.emplace("note_value", val("check", "note"));
    c.emplace("reason_value", val("decide", "reason"));
  }
  if (error) c.emplace("errors", error_list(*error, form));
  return render_page(app, req, "Request to unblock " + r->domain, "unblock_request", std::move(c), status);
}

// A check, a decision or the end of an exception: the library decides who
// may; a refusal or a problem shows the page again with what was typed.
template <class Change>
HttpResponse change(AppContext& app, Request& req, const std::string& form, Change&& apply) {
  const Fields& f = req.form();
  auto rules = school_filter_rules(app, req);
  if (!rules.ok()) return error_response(app, req, rules.error());
  auto id = req.int_param("request");
  if (!id) return error_response(app, req, Error::not_found("There is no such request to unblock a site."));
  Status s = app.db.transaction([&](Connection& c) { return apply(c, *rules, *id, f); });
  if (!s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) return error_response(app, req, s.error());
    return request_page(app, req, &s.error(), http_status(s.error().code), form, &f);
  }
  return redirect_response(request_href(req, *id));
}

}  // namespace

void add_filter_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/schools/{school}/filtering";
  router.add({V::get, root, Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) { return home_page(app, req); });
  router.add({V::post, root + "/unblocks", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    const Fields& f = req.form();
    FormValues v{field(f, "address"), field(f, "reason"), field(f, "for_group"), field(f, "days"), "", ""};
    filter::UnblockInput in{v.address, v.reason, v.for_group, std::atoi(v.days.c_str())};
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    auto id = app.db.transaction([&](Connection& c) {
      return filter::request_unblock(c, app.clock, req.actor(), *rules, req.school->id, in);
    });
    if (!id.ok()) return home_page(app, req, v, &id.error(), http_status(id.error().code));
    return redirect_response(request_href(req, *id));
  });
  router.add({V::get, root + "/unblocks/{request}", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) { return request_page(app, req); });
  router.add({V::post, root + "/unblocks/{request}/check", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    return change(app, req, "check", [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) {
      return filter::check_unblock(c, app.clock, req.actor(), req.grants, rules, req.school->id, id, field(f, "note"));
    });
  });
  router.add({V::post, root + "/unblocks/{request}/decide", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    return change(app, req, "decide", [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) -> Status {
      std::string d = field(f, "decision");
      if (d != "approve" && d != "refuse") return Error::invalid("Choose whether to approve or refuse the request.");
      return filter::decide_unblock(c, app.clock, req.actor(), req.grants, rules, req.school->id, id, d == "approve",
                                    field(f, "reason"));
    });
  });
  router.add({V::post, root + "/exceptions/{exception}/end", Access::kSchool, C::kFilterUnblocksDecide}, [&app](Request& req) {
    auto id = req.int_param("exception");
    if (!id) return error_response(app, req, Error::not_found("There is no such exception."));
    auto rules = school_filter_rules(app, req);
    if (!rules.ok()) return error_response(app, req, rules.error());
    Status s = app.db.transaction([&](Connection& c) {
      return filter::end_exception(c, app.clock, req.actor(), req.grants, *rules, req.school->id, *id,
                                   field(req.form(), "reason"));
    });
    if (!s.ok()) return home_page(app, req, {}, &s.error(), http_status(s.error().code));
    return redirect_response(base(req) + "#exceptions");
  });
  // NET-4: a site that should be blocked.
  router.add({V::post, root + "/reports", Access::kSchool, C::kFilterUnblockRequest}, [&app](Request& req) {
    const Fields& f = req.form();
    FormValues v;
    v.report_address = field(f, "address");
    v.report_what = field(f, "what");
    auto id = app.db.transaction([&](Connection& c) {
      return filter::report_site(c, app.clock, req.actor(), req.school->id, v.report_address, v.report_what);
    });
    if (!id.ok()) return home_page(app, req, v, &id.error(), http_status(id.error().code), "report");
    return redirect_response(base(req) + "/reports/" + std::to_string(*id));
  });
}

}  // namespace inloco::web

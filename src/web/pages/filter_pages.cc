// Web filtering pages (NET-3, NET-4): ask for a wrongly blocked site to be
// unblocked, report one that should be blocked, see one's own requests and
// reports; for ICT and the headteacher, every request and report, ICT's check,
// the decision in writing, and the exceptions in force. Who checks and who
// decides is the profile's (FilterRules); the library refuses anyone else.
// The report pages are in site_report_pages.cc.
#include "filtering/filter_record_access.h"
#include "filtering/filtering_overview.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "notices/notice_store.h"
#include "web/form_data.h"
#include "web/page.h"
#include "web/pages/concern_view.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {
namespace {

using filter::UnblockRequest;
using filter::UnblockStatus;

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/filtering";
}
std::string request_href(const Request& req, int64_t id) {
  return base(req) + "/unblocks/" + std::to_string(id);
}
// At most this many of the school's requests and of its reports on the page.
constexpr int kSchoolRows = 200;

filter::FilterViewer viewer(const Request& req) {
  return {req.user->person_id, req.grants, *req.school};
}

std::string group_label(const FilterRules& rules, const std::string& key) {
  if (key.empty()) return "The person who asked";
  auto it = rules.groups.find(key);
  return it == rules.groups.end() ? key : it->second.label;
}

std::string status_label(UnblockStatus s) {
  switch (s) {
    case UnblockStatus::kWaiting:
      return "Waiting";
    case UnblockStatus::kApproved:
      return "Approved";
    case UnblockStatus::kRefused:
      return "Refused";
  }
  return "Waiting";
}

mstch::array request_rows(const Request& req, const FilterRules& rules,
                          const std::vector<UnblockRequest>& rows) {
  mstch::array out;
  for (const auto& r : rows)
    out.push_back(mstch::map{{"href", request_href(req, r.id)},
                             {"domain", r.domain},
                             {"by", r.requested_by_name},
                             {"when", when_text(r.requested_at)},
                             {"for", group_label(rules, r.for_group)},
                             {"days", std::to_string(r.days)},
                             {"status", status_label(r.status)},
                             {"waiting", r.status == UnblockStatus::kWaiting},
                             {"approved", r.status == UnblockStatus::kApproved}});
  return out;
}

mstch::array site_report_rows(const Request& req, const std::vector<filter::SiteReport>& rows) {
  mstch::array out;
  for (const auto& r : rows)
    out.push_back(
        mstch::map{{"href", base(req) + "/reports/" + std::to_string(r.id)},
                   {"domain", r.domain},
                   {"by", r.reported_by_name},
                   {"when", when_text(r.reported_at)},
                   {"status", capitalised(std::string(filter::site_report_status_key(r.status)))},
                   {"open", r.status == filter::SiteReportStatus::kOpen},
                   {"blocked", r.status == filter::SiteReportStatus::kBlocked}});
  return out;
}

struct FormValues {
  std::string address, reason, for_group, days = "7";
  std::string report_address, report_what;
};

Result<HttpResponse> home_page(AppContext& app, Request& req, const FormValues& v = {},
                               const Error* error = nullptr, unsigned status = 200,
                               const std::string& error_field = "") {
  const FilterRules rules = TRY(school_filter_rules(app, req));
  const filter::FilteringOverview overview = TRY(app.db.read([&](Connection& c) {
    return filter::filtering_overview(c, viewer(req), app.clock.now(), kSchoolRows);
  }));
  mstch::array groups{mstch::map{{"key", std::string()},
                                 {"label", std::string("Only me")},
                                 {"selected", v.for_group.empty()}}};
  for (const auto& [key, g] : rules.groups)
    groups.push_back(
        mstch::map{{"key", key}, {"label", g.label}, {"selected", key == v.for_group}});
  mstch::map c{{"action", base(req) + "/unblocks"},
               {"groups", groups},
               {"address", v.address},
               {"reason", v.reason},
               {"days", v.days},
               {"own", request_rows(req, rules, overview.own_requests)},
               {"max_days", std::to_string(filter::kMaxUnblockDays)},
               {"csrf", csrf_token(req)},
               {"report_action", base(req) + "/reports"},
               {"report_address", v.report_address},
               {"report_what", v.report_what},
               {"own_reports", site_report_rows(req, overview.own_reports)}};
  if (overview.school) {
    mstch::array exceptions;
    bool may_end = req.can(Capability::kFilterUnblocksDecide);
    for (const auto& e : overview.school->exceptions) {
      mstch::map m{{"id", std::to_string(e.id)},
                   {"domain", e.domain},
                   {"for", e.for_group.empty() ? (e.for_username.empty() ? std::string("One person")
                                                                         : e.for_username)
                                               : group_label(rules, e.for_group)},
                   {"until", when_text(e.ends_at)},
                   {"request_href", request_href(req, e.request_id)}};
      if (may_end)
        m.emplace("end_action", base(req) + "/exceptions/" + std::to_string(e.id) + "/end");
      exceptions.push_back(std::move(m));
    }
    c.emplace("school",
              mstch::map{{"requests", request_rows(req, rules, overview.school->requests)},
                         {"exceptions", exceptions},
                         {"reports", site_report_rows(req, overview.school->reports)}});
  }
  // NET-5, NET-6: the monitoring pages (filter_monitoring_pages.cc).
  if (req.can(Capability::kFilterMonitoringView))
    c.emplace("monitoring", mstch::map{{"report_href", base(req) + "/monitoring"},
                                       {"circumvention_href", base(req) + "/circumvention"}});
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Web filtering", "filtering", std::move(c), status);
}

Result<HttpResponse> request_page(AppContext& app, Request& req, const Error* error = nullptr,
                                  unsigned status = 200, const std::string& form = "",
                                  const Fields* values = nullptr) {
  const FilterRules rules = TRY(school_filter_rules(app, req));
  // Someone else's request is for those who see them all (filter_record_access.h).
  const UnblockRequest r = TRY(app.db.read([&](Connection& c) {
    return filter::visible_unblock_request(c, viewer(req), req.int_param("request"));
  }));
  // Opening the request is reading the notices about it.
  (void)app.db.transaction([&](Connection& c) {
    return mark_notices_read(c, app.clock, req.user->person_id, NoticeAbout{{}, r.id, {}});
  });
  // What was typed into a refused form, to show it again.
  auto val = [&](const std::string& which, const std::string& name) {
    return values && form == which ? field(*values, name) : std::string();
  };
  mstch::map c{{"back_href", base(req)},
               {"reference", std::to_string(r.id)},
               {"address", r.address},
               {"domain", r.domain},
               {"reason", r.reason},
               {"by", r.requested_by_name},
               {"when", when_text(r.requested_at)},
               {"for", group_label(rules, r.for_group)},
               {"days", std::to_string(r.days)},
               {"status", status_label(r.status)},
               {"check_note", r.check_note},
               {"checked_by", r.checked_by_name},
               {"checked_at", r.checked_at ? when_text(*r.checked_at) : std::string()},
               {"decision_reason", r.decision_reason},
               {"decided_by", r.decided_by_name},
               {"decided_at", r.decided_at ? when_text(*r.decided_at) : std::string()},
               {"until", r.exception_ends_at ? when_text(*r.exception_ends_at) : std::string()},
               {"csrf", csrf_token(req)}};
  if (r.status == UnblockStatus::kWaiting && req.can(Capability::kFilterUnblocksDecide)) {
    c.emplace("check_action", request_href(req, r.id) + "/check");
    c.emplace("decide_action", request_href(req, r.id) + "/decide");
    c.emplace("note_value", val("check", "note"));
    c.emplace("reason_value", val("decide", "reason"));
  }
  if (error) c.emplace("errors", error_list(*error, form));
  return render_page(app, req, "Request to unblock " + r.domain, "unblock_request", std::move(c),
                     status);
}

// A check, a decision or the end of an exception: the library decides who
// may; a refusal or a problem shows the page again with what was typed.
template <class Change>
Result<HttpResponse> change(AppContext& app, Request& req, const std::string& form,
                            Change&& apply) {
  const Fields& f = req.form();
  const FilterRules rules = TRY(school_filter_rules(app, req));
  auto id = req.int_param("request");
  if (!id) return Error::not_found("There is no such request to unblock a site.");
  Status s = app.db.transaction([&](Connection& c) { return apply(c, rules, *id, f); });
  if (!s.ok()) {
    if (s.error().code == ErrorCode::kNotFound) return std::move(s).error();
    return request_page(app, req, &s.error(), http_status(s.error().code), form, &f);
  }
  return redirect_response(request_href(req, *id));
}

}  // namespace

void add_filter_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string root = "/schools/{school}/filtering";
  router.add({V::get, root, Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) { return home_page(app, req); });
  router.add({V::post, root + "/unblocks", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               FormValues v{field(f, "address"),
                            field(f, "reason"),
                            field(f, "for_group"),
                            field(f, "days"),
                            "",
                            ""};
               filter::UnblockInput in{v.address, v.reason, v.for_group, std::atoi(v.days.c_str())};
               const FilterRules rules = TRY(school_filter_rules(app, req));
               auto id = app.db.transaction([&](Connection& c) {
                 return filter::request_unblock(
                     SchoolScope{c, app.clock, req.actor(), req.school->id}, rules, in);
               });
               if (!id.ok())
                 return home_page(app, req, v, &id.error(), http_status(id.error().code));
               return redirect_response(request_href(req, *id));
             });
  router.add({V::get, root + "/unblocks/{request}", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) { return request_page(app, req); });
  router.add(
      {V::post, root + "/unblocks/{request}/check", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        return change(app, req, "check",
                      [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) {
                        return filter::check_unblock(
                            SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants,
                            rules, id, field(f, "note"));
                      });
      });
  router.add(
      {V::post, root + "/unblocks/{request}/decide", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        return change(
            app, req, "decide",
            [&](Connection& c, const FilterRules& rules, int64_t id, const Fields& f) -> Status {
              std::string d = field(f, "decision");
              if (d != "approve" && d != "refuse")
                return Error::invalid("Choose whether to approve or refuse the request.");
              return filter::decide_unblock(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            req.grants, rules, id, d == "approve",
                                            field(f, "reason"));
            });
      });
  router.add(
      {V::post, root + "/exceptions/{exception}/end", Access::kSchool, C::kFilterUnblocksDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("exception");
        if (!id) return Error::not_found("There is no such exception.");
        const FilterRules rules = TRY(school_filter_rules(app, req));
        Status s = app.db.transaction([&](Connection& c) {
          return filter::end_exception(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       req.grants, rules, *id, field(req.form(), "reason"));
        });
        if (!s.ok()) return home_page(app, req, {}, &s.error(), http_status(s.error().code));
        return redirect_response(base(req) + "#exceptions");
      });
  // NET-4: a site that should be blocked; the profile's content_reports_to are told.
  router.add({V::post, root + "/reports", Access::kSchool, C::kFilterUnblockRequest},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               FormValues v;
               v.report_address = field(f, "address");
               v.report_what = field(f, "what");
               const FilterRules rules = TRY(school_filter_rules(app, req));
               auto id = app.db.transaction([&](Connection& c) {
                 return filter::report_site(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            rules, v.report_address, v.report_what);
               });
               if (!id.ok())
                 return home_page(app, req, v, &id.error(), http_status(id.error().code), "report");
               return redirect_response(base(req) + "/reports/" + std::to_string(*id));
             });
}

}  // namespace inloco::web

// The dashboard: the person's schools, their roles there, and what is coming.
#include "accounts/access_reviews.h"
#include "concerns/case_access.h"
#include "consent/removal_tasks.h"
#include "filtering/monitoring_reports.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "notices/notice_store.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "profile/policy_document.h"
#include "profile/profile_store.h"
#include "web/page.h"
#include "web/pages/notice_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

void add_dashboard_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/", Access::kSignedIn, std::nullopt},
             [](Request&) { return redirect_response("/dashboard"); });

  router.add({http::verb::get, "/dashboard", Access::kSignedIn, Capability::kDashboardView},
             [&ctx](Request& req) {
               auto schools = ctx.db.read([&](Connection& conn) -> Result<mstch::array> {
                 // Every school the person holds a role at, or every school of a trust role.
                 std::vector<School> visible;
                 auto add = [&](const School& s) {
                   for (const auto& v : visible)
                     if (v.id == s.id) return;
                   visible.push_back(s);
                 };
                 for (const auto& g : req.grants.all()) {
                   if (g.school_id) add(TRY(get_school(conn, *g.school_id)));
                   else for (const auto& s : TRY(list_schools(conn, g.trust_id))) add(s);
                 }
                 mstch::array out;
                 for (const auto& s : visible) {
                   std::string roles;
                   for (const auto& g : req.grants.all()) {
                     if (g.school_id && *g.school_id != s.id) continue;
                     if (!g.school_id && g.trust_id != s.trust_id) continue;
                     if (!roles.empty()) roles += ", ";
                     roles += role_label(g.role);
                     if (!g.school_id) roles += " (across the trust)";
                   }
                   mstch::map entry{{"name", s.name}, {"roles", roles}};
                   if (req.grants.can(Capability::kPeopleView, s.id, s.trust_id)) {
                     mstch::array counts;
                     for (const auto& kc : TRY(count_people(conn, s.id)))
                       if (kc.count > 0)
                         counts.push_back(mstch::map{{"label", std::string(person_kind_label(kc.kind))},
                                                   {"count", std::to_string(kc.count)}});
                     entry.emplace("counts", counts);
                     entry.emplace("people_href", "/schools/" + std::to_string(s.id) + "/people");
                   }
                   // Tasks that fall due (ACC-8 access reviews, ACC-9 content checks).
                   if (req.grants.can(Capability::kAccountsView, s.id, s.trust_id)) {
                     PolicyProfile profile = TRY(profile_for_school(conn, s.id));
                     mstch::array due;
                     for (const auto& d : TRY(list_due(conn, s.id, date_of(ctx.clock.now()), profile.accounts)))
                       due.push_back(mstch::map{
                           {"what", std::string(review_kind_label(d.kind)) + " of " + d.account_name},
                           {"href", "/schools/" + std::to_string(s.id) + "/accounts/" + std::to_string(d.account_id)},
                           {"due_on", long_date(d.due_on)},
                           {"overdue", d.overdue}});
                     entry.emplace("due", due);
                   }
                   // Posts to take down after a withdrawal of consent (CON-5).
                   if (req.grants.can(Capability::kConsentView, s.id, s.trust_id) ||
                       req.grants.can(Capability::kRemovalsResolve, s.id, s.trust_id)) {
                     auto removals = TRY(outstanding_removals(conn, s.id));
                     if (!removals.empty())
                       entry.emplace("removals", mstch::map{
                           {"count", std::to_string(removals.size())},
                           {"href", "/schools/" + std::to_string(s.id) + "/consent"}});
                   }
                   // INC-3: the concerns routed to them, what is new and what is overdue.
                   if (req.grants.can(Capability::kConcernsCases, s.id, s.trust_id)) {
                     CaseCounts cc = TRY(count_cases_for(conn, ctx.clock, req.user->person_id, s.id));
                     if (cc.open > 0)
                       entry.emplace("concerns", mstch::map{
                           {"open", std::to_string(cc.open)},
                           {"new_cases", std::to_string(cc.new_cases)},
                           {"overdue", std::to_string(cc.overdue)},
                           {"any_overdue", cc.overdue > 0},
                           {"href", "/schools/" + std::to_string(s.id) + "/concerns"}});
                   }
                   // NET-3, NET-4: unblock requests and reported sites waiting for ICT or the head.
                   if (req.grants.can(Capability::kFilterUnblocksDecide, s.id, s.trust_id)) {
                     int64_t waiting = 0, reports = 0;
                     for (const auto& r : TRY(filter::unblock_requests(conn, s.id, 500)))
                       waiting += r.status == filter::UnblockStatus::kWaiting;
                     for (const auto& r : TRY(filter::site_reports(conn, s.id, 500)))
                       reports += r.status == filter::SiteReportStatus::kOpen;
                     std::string what;
                     if (waiting > 0)
                       what = waiting == 1 ? "1 request to unblock a site is waiting"
                                           : std::to_string(waiting) + " requests to unblock a site are waiting";
                     if (reports > 0)
                       what += (what.empty() ? "" : "; ") +
                               (reports == 1 ? std::string("1 reported site to look at")
                                             : std::to_string(reports) + " reported sites to look at");
                     if (!what.empty())
                       entry.emplace("filtering", mstch::map{{"what", what},
                                                             {"href", "/schools/" + std::to_string(s.id) + "/filtering"}});
                   }
                   // NET-5, NET-6: bans and recent attempts, for the profile's monitoring_reports_to.
                   if (req.grants.can(Capability::kFilterMonitoringView, s.id, s.trust_id)) {
                     const FilterRules rules = TRY(profile_for_school(conn, s.id)).filter;
                     if (req.grants.holds_any(rules.monitoring_reports_to, s.id, s.trust_id)) {
                       auto mc = TRY(filter::monitoring_counts(conn, s.id, ctx.clock.now(), rules.monitoring_report_days));
                       std::string what;
                       if (mc.bans_in_force > 0)
                         what = (mc.bans_in_force == 1 ? std::string("1 person") : std::to_string(mc.bans_in_force) + " people") +
                                " banned from the network after attempts to get round the filter";
                       if (mc.attempts > 0)
                         what += (what.empty() ? "" : "; ") +
                                 (mc.attempts == 1 ? std::string("1 attempt") : std::to_string(mc.attempts) + " attempts") +
                                 " to get round the filter in the last " + std::to_string(rules.monitoring_report_days) +
                                 " days";
                       if (!what.empty())
                         entry.emplace("monitoring", mstch::map{{"what", what},
                                                                {"href", "/schools/" + std::to_string(s.id) + "/filtering/circumvention"}});
                     }
                   }
                   out.push_back(std::move(entry));
                 }
                 return out;
               });
               if (!schools.ok()) return error_response(ctx, req, schools.error());
               auto notices = ctx.db.read([&](Connection& c) { return notices_for(c, req.user->person_id, 5); });
               if (!notices.ok()) return error_response(ctx, req, notices.error());
               std::vector<Notice> unread;
               for (const Notice& n : *notices)
                 if (n.unread()) unread.push_back(n);
               std::string first = req.user->display_name.substr(0, req.user->display_name.find(' '));
               mstch::array coming{std::string("Comment and follower moderation"),
                                   std::string("Web filtering and monitoring"),
                                   std::string("Training, signed agreements and policy reviews")};
               mstch::map c{{"first_name", first},
                            {"schools", std::move(schools).value()},
                            {"coming", coming},
                            {"notices", notice_rows(unread)},
                            {"must_change_password", req.user->must_change_password}};
               return render_page(ctx, req, "Dashboard", "dashboard", std::move(c));
             });
}

}  // namespace inloco::web

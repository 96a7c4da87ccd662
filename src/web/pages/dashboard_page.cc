// The dashboard: the person's schools, their roles there, and what is coming.
// What each line counts, and who sees it, is reports/dashboard.h's.
#include "profile/policy_document.h"
#include "reports/dashboard.h"
#include "web/page.h"
#include "web/pages/notice_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {
namespace {

std::string school_href(const School& s, const std::string& rest) {
  return "/schools/" + std::to_string(s.id) + rest;
}

// "1 thing" or "N things".
std::string count_text(int64_t n, const std::string& one, const std::string& many) {
  return n == 1 ? one : std::to_string(n) + " " + many;
}

std::string roles_text(const std::vector<RoleGrant>& roles) {
  std::string out;
  for (const RoleGrant& g : roles) {
    if (!out.empty()) out += ", ";
    out += role_label(g.role);
    if (!g.school_id) out += " (across the trust)";
  }
  return out;
}

mstch::map school_entry(const reports::SchoolDashboard& d) {
  const School& s = d.school;
  mstch::map entry{{"name", s.name}, {"roles", roles_text(d.roles)}};
  if (d.people) {
    mstch::array counts;
    for (const KindCount& kc : *d.people)
      if (kc.count > 0)
        counts.push_back(mstch::map{{"label", std::string(person_kind_label(kc.kind))},
                                    {"count", std::to_string(kc.count)}});
    entry.emplace("counts", counts);
    entry.emplace("people_href", school_href(s, "/people"));
  }
  // Tasks that fall due (ACC-8 access reviews, ACC-9 content checks).
  if (d.due) {
    mstch::array due;
    for (const DueReview& r : *d.due)
      due.push_back(
          mstch::map{{"what", std::string(review_kind_label(r.kind)) + " of " + r.account_name},
                     {"href", school_href(s, "/accounts/" + std::to_string(r.account_id))},
                     {"due_on", long_date(r.due_on)},
                     {"overdue", r.overdue}});
    entry.emplace("has_due", !due.empty());
    entry.emplace("due", due);
  }
  // Posts to take down after a withdrawal of consent (CON-5).
  if (d.removals && *d.removals > 0)
    entry.emplace("removals", mstch::map{{"count", std::to_string(*d.removals)},
                                         {"href", school_href(s, "/consent")}});
  // INC-3: the concerns routed to them, what is new and what is overdue.
  if (d.concerns && d.concerns->open > 0)
    entry.emplace("concerns", mstch::map{{"open", std::to_string(d.concerns->open)},
                                         {"new_cases", std::to_string(d.concerns->new_cases)},
                                         {"overdue", std::to_string(d.concerns->overdue)},
                                         {"any_overdue", d.concerns->overdue > 0},
                                         {"href", school_href(s, "/concerns")}});
  // NET-3, NET-4: unblock requests and reported sites waiting for ICT or the head.
  if (d.filtering) {
    std::string what;
    if (d.filtering->unblock_requests > 0)
      what = count_text(d.filtering->unblock_requests, "1 request to unblock a site is waiting",
                        "requests to unblock a site are waiting");
    if (d.filtering->site_reports > 0)
      what += (what.empty() ? "" : "; ") + count_text(d.filtering->site_reports,
                                                      "1 reported site to look at",
                                                      "reported sites to look at");
    if (!what.empty())
      entry.emplace("filtering",
                    mstch::map{{"what", what}, {"href", school_href(s, "/filtering")}});
  }
  // NET-5, NET-6: bans and recent attempts, for the profile's monitoring_reports_to.
  if (d.monitoring) {
    std::string what;
    if (d.monitoring->bans_in_force > 0)
      what = count_text(d.monitoring->bans_in_force, "1 person", "people") +
             " banned from the network after attempts to get round the filter";
    if (d.monitoring->attempts > 0)
      what +=
          (what.empty() ? "" : "; ") + count_text(d.monitoring->attempts, "1 attempt", "attempts") +
          " to get round the filter in the last " + std::to_string(d.monitoring->days) + " days";
    if (!what.empty())
      entry.emplace("monitoring", mstch::map{{"what", what},
                                             {"href", school_href(s, "/filtering/circumvention")}});
  }
  return entry;
}

}  // namespace

void add_dashboard_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/", Access::kSignedIn, std::nullopt},
             [](Request&) -> Result<HttpResponse> { return redirect_response("/dashboard"); });

  router.add({http::verb::get, "/dashboard", Access::kSignedIn, Capability::kDashboardView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               const reports::Dashboard dashboard = TRY(ctx.db.read([&](Connection& c) {
                 return reports::dashboard_for(c, ctx.clock, req.grants, req.user->person_id);
               }));
               mstch::array schools;
               for (const reports::SchoolDashboard& d : dashboard.schools)
                 schools.push_back(school_entry(d));
               std::string first =
                   req.user->display_name.substr(0, req.user->display_name.find(' '));
               mstch::array coming{std::string("Comment and follower moderation"),
                                   std::string("Training, signed agreements and policy reviews")};
               mstch::map c{{"first_name", first},
                            {"schools", std::move(schools)},
                            {"coming", coming},
                            {"has_notices", !dashboard.unread_notices.empty()},
                            {"notices", notice_rows(dashboard.unread_notices)},
                            {"must_change_password", req.user->must_change_password}};
               return render_page(ctx, req, "Dashboard", "dashboard", std::move(c));
             });
}

}  // namespace inloco::web

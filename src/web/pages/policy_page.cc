// The school's policy, written from its profile (RPT-3), with the history of
// changes to the profile for those who manage it.
#include "profile/policy_document.h"
#include "profile/profile_store.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

void add_policy_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/schools/{school}/policy", Access::kSchool, Capability::kPolicyView},
             [&ctx](Request& req) {
               auto profile = ctx.db.read([&](Connection& c) { return profile_for_school(c, req.school->id); });
               if (!profile.ok()) return error_response(ctx, req, profile.error());
               PolicyDocument doc = policy_document(*profile, req.school->name);
               mstch::array sections;
               for (const auto& s : doc.sections) {
                 mstch::array paragraphs(s.paragraphs.begin(), s.paragraphs.end());
                 mstch::array bullets(s.bullets.begin(), s.bullets.end());
                 sections.push_back(mstch::map{{"heading", s.heading}, {"paragraphs", paragraphs}, {"bullets", bullets}});
               }
               mstch::map c{{"title", doc.title}, {"version_line", doc.version_line}, {"sections", sections},
                            {"school", req.school->name}};
               if (req.grants.can(Capability::kPolicyManage, req.school->id, req.school->trust_id)) {
                 auto history = ctx.db.read([&](Connection& conn) { return profile_history(conn, req.school->id); });
                 if (history.ok()) {
                   mstch::array rows;
                   for (const auto& v : *history) {
                     std::string changes;
                     for (const auto& ch : v.changes) changes += (changes.empty() ? "" : "; ") + ch;
                     rows.push_back(mstch::map{{"version", std::to_string(v.version)},
                                               {"at", format_utc(v.assigned_at)},
                                               {"profile", v.profile_key},
                                               {"changes", changes.empty() ? std::string("First profile") : changes}});
                   }
                   c.emplace("history", rows);
                 }
               }
               return render_page(ctx, req, "Social media policy", "policy", std::move(c));
             });
}

}  // namespace inloco::web

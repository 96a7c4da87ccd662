// The school's policy, written from its profile (RPT-3), with the history of
// changes to the profile for those who manage it.
#include "profile/policy_document.h"
#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

Result<HttpResponse> policy_page(AppContext& ctx, Request& req, const Error* error = nullptr,
                                 unsigned status = 200) {
  const PolicyProfile profile = TRY(school_profile(ctx, req));
  PolicyDocument doc = policy_document(profile, req.school->name);
  mstch::array sections;
  for (const auto& s : doc.sections) {
    mstch::array paragraphs(s.paragraphs.begin(), s.paragraphs.end());
    mstch::array bullets(s.bullets.begin(), s.bullets.end());
    sections.push_back(
        mstch::map{{"heading", s.heading}, {"paragraphs", paragraphs}, {"bullets", bullets}});
  }
  mstch::map c{{"title", doc.title},
               {"version_line", doc.version_line},
               {"sections", sections},
               {"school", req.school->name}};
  if (req.can(Capability::kPolicyManage)) {
    // The history is an extra for those who manage the profile: the policy
    // itself is still shown when it cannot be read.
    auto history =
        ctx.db.read([&](Connection& conn) { return profile_history(conn, req.school->id); });
    if (history.ok()) {
      mstch::array rows;
      for (const auto& v : *history) {
        std::string changes;
        for (const auto& ch : v.changes) changes += (changes.empty() ? "" : "; ") + ch;
        rows.push_back(
            mstch::map{{"version", std::to_string(v.version)},
                       {"at", format_utc(v.assigned_at)},
                       {"profile", v.profile_key},
                       {"changes", changes.empty() ? std::string("First profile") : changes}});
      }
      c.emplace("history", rows);
    }
    mstch::array shipped;
    for (const auto& p : shipped_profiles()) shipped.push_back(mstch::map{{"key", p.key}});
    c.emplace("manage", mstch::map{{"action", "/schools/" + std::to_string(req.school->id) +
                                                  "/policy/profile"},
                                   {"shipped", shipped},
                                   {"csrf", csrf_token(req)}});
  }
  if (error) c.emplace("errors", error_list(*error, "file"));
  return render_page(ctx, req, "Social media policy", "policy", std::move(c), status);
}

}  // namespace

void add_policy_routes(Router& router, AppContext& ctx) {
  router.add(
      {http::verb::get, "/schools/{school}/policy", Access::kSchool, Capability::kPolicyView},
      [&ctx](Request& req) { return policy_page(ctx, req); });

  // A headteacher changes the school's profile: a shipped one, or an uploaded file.
  router.add(
      {http::verb::post, "/schools/{school}/policy/profile", Access::kSchool,
       Capability::kPolicyManage},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
        if (!form.ok()) return policy_page(ctx, req, &form.error(), 422);
        std::string key = field(form->fields, "shipped");
        std::string text;
        auto file = form->files.find("file");
        if (file != form->files.end() && !file->second.data.empty()) {
          text = file->second.data;
          key = file->second.filename.empty() ? "uploaded" : file->second.filename;
          if (auto dot = key.rfind('.'); dot != std::string::npos) key.resize(dot);
        } else if (!key.empty()) {
          auto shipped = find_shipped_profile(key);
          if (!shipped.ok()) return policy_page(ctx, req, &shipped.error(), 422);
          text = std::string(shipped->text);
        } else {
          Error e = Error::invalid("Choose a profile, or upload a profile file.");
          return policy_page(ctx, req, &e, 422);
        }
        auto done = ctx.db.transaction([&](Connection& c) {
          return assign_profile(SchoolScope{c, ctx.clock, req.actor(), req.school->id}, text, key);
        });
        if (!done.ok()) return policy_page(ctx, req, &done.error(), http_status(done.error().code));
        return redirect_response("/schools/" + std::to_string(req.school->id) + "/policy");
      });
}

}  // namespace inloco::web

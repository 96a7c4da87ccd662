// JSON API for posts (PST-1..9): the same checks, approvals and permissions as
// the pages, and the same posts shown (posts/post_view.h).
#include "checks/check_json.h"
#include "core/calendar_date.h"
#include "posts/post_context.h"
#include "posts/post_view.h"
#include "posts/post_workflow.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

using nlohmann::json;

json post_json(const Post& p) {
  json findings = json::array();
  for (const auto& f : p.findings) {
    json j{{"check", f.check}, {"verdict", verdict_key(f.verdict)}, {"message", f.message}};
    if (f.start) j["start"] = *f.start;
    if (f.end) j["end"] = *f.end;
    if (!f.match.empty()) j["match"] = f.match;
    if (f.pupil_id) j["pupil_id"] = *f.pupil_id;
    findings.push_back(std::move(j));
  }
  return {{"id", p.id},
          {"account_id", p.draft.account_id},
          {"account", p.account_name},
          {"author_id", p.author_id},
          {"author", p.author_name},
          {"objective", p.draft.objective},
          {"text", p.draft.body},
          {"shows_images", p.draft.shows_images},
          {"shows_video", p.draft.shows_video},
          {"pupil_ids", p.draft.pupil_ids},
          {"media_ids", p.draft.media_ids},
          {"media_source", p.draft.media_source},
          {"status", post_status_key(p.status)},
          {"revision", p.revision},
          {"decision", verdict_key(p.verdict)},
          {"findings", findings},
          {"live_url", p.live_url ? json(*p.live_url) : json()}};
}

// The context refers to the profile and checker: both live on the heap so
// that moving this struct (into a Result) leaves those references valid.
Result<SchoolPostContext> env_for(AppContext& app, const Request& req) {
  PolicyProfile profile = TRY(school_profile(app, req));
  return load_school_post_context(app.db, app.checkers, std::move(profile), req.school->id,
                                  date_of(app.clock.now()));
}

Result<PostDraft> draft_of(const std::string& body) {
  json b = json::parse(body, nullptr, false);
  if (b.is_discarded() || !b.is_object()) return Error::invalid("Send the post as a JSON object.");
  PostDraft d;
  if (b.contains("account_id") && b["account_id"].is_number_integer())
    d.account_id = b["account_id"];
  if (b.contains("objective") && b["objective"].is_string()) d.objective = b["objective"];
  if (b.contains("text") && b["text"].is_string()) d.body = b["text"];
  if (b.contains("shows_images") && b["shows_images"].is_boolean())
    d.shows_images = b["shows_images"];
  if (b.contains("shows_video") && b["shows_video"].is_boolean()) d.shows_video = b["shows_video"];
  if (b.contains("pupil_ids") && b["pupil_ids"].is_array())
    for (const auto& v : b["pupil_ids"])
      if (v.is_number_integer()) d.pupil_ids.push_back(v.get<int64_t>());
  if (b.contains("media_ids") && b["media_ids"].is_array())
    for (const auto& v : b["media_ids"])
      if (v.is_number_integer()) d.media_ids.push_back(v.get<int64_t>());
  if (b.contains("media_source") && b["media_source"].is_string())
    d.media_source = b["media_source"];
  if (b.contains("incident_id") && b["incident_id"].is_number_integer())
    d.incident_id = b["incident_id"].get<int64_t>();
  return d;
}

// The post as it now is, after a change the person may make (the route and
// the workflow checked who may).
Result<HttpResponse> answer(AppContext& app, Request& req, int64_t id, unsigned status = 200) {
  Post p = TRY(app.db.read([&](Connection& c) { return get_post(c, req.school->id, id); }));
  return json_response(status, post_json(p));
}

}  // namespace

void add_posts_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/posts";
  router.add({V::get, root, Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               auto posts = TRY(app.db.read(
                   [&](Connection& c) { return visible_posts(c, *req.school, req.viewer()); }));
               json out = json::array();
               for (const auto& p : posts) out.push_back(post_json(p));
               return json_response(200, {{"posts", out}});
             });
  router.add({V::post, root, Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               PostDraft d = TRY(draft_of(req.raw.body()));
               SchoolPostContext env = TRY(env_for(app, req));
               Actor actor = req.actor();
               int64_t id = TRY(app.db.transaction([&](Connection& c) {
                 return save_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                  *env.checks, req.school->trust_id, std::nullopt, d);
               }));
               return answer(app, req, id, 201);
             });
  router.add({V::get, root + "/{post}", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               PostView view = TRY(app.db.read(
                   [&](Connection& c) { return view_post(c, *req.school, *id, req.viewer()); }));
               return json_response(200, post_json(view.post));
             });
  router.add({V::post, root + "/{post}/approve", Access::kSchool, Capability::kPostsApprove},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               SchoolPostContext env = TRY(env_for(app, req));
               Actor actor = req.actor();
               TRY(app.db.transaction([&](Connection& c) {
                 return approve_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                     *env.checks, req.school->trust_id, *id);
               }));
               return answer(app, req, *id);
             });
  router.add({V::post, root + "/{post}/publish", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               json b = json::parse(req.raw.body(), nullptr, false);
               std::string url =
                   b.is_object() && b.contains("live_url") && b["live_url"].is_string()
                       ? b["live_url"].get<std::string>()
                       : "";
               SchoolPostContext env = TRY(env_for(app, req));
               Actor actor = req.actor();
               TRY(app.db.transaction([&](Connection& c) {
                 return publish_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                     *env.checks, req.school->trust_id, *id, url);
               }));
               return answer(app, req, *id);
             });
  // The text checks alone, with the school's lexicon, roster and rules, for a
  // text being written: {"text": "...", "with_media": false}. Nothing is saved.
  router.add({V::post, "/api/v1/schools/{school}/check", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               json b = json::parse(req.raw.body(), nullptr, false);
               if (!b.is_object() || !b.contains("text") || !b["text"].is_string())
                 return Error::invalid("Send {\"text\": \"...\"}: the text to check.");
               bool with_media = b.contains("with_media") && b["with_media"].is_boolean() &&
                                 b["with_media"].get<bool>();
               SchoolPostContext env = TRY(env_for(app, req));
               auto result =
                   TRY(env.checker->check(b["text"].get<std::string>(), env.profile->posts,
                                          checks::CheckOptions{with_media}));
               return json_response(200, json::parse(checks::check_result_json(result).dump()));
             });
}

}  // namespace inloco::web

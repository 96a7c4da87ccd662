// Posts (PST-1..9): list, write, check, approve, publish; and critical
// incidents. The checks' findings are shown with the words that triggered
// them marked in the text. Which posts a person sees is the posts
// capability's rule (posts/post_visibility.h), shared with the API.
#include "accounts/account_visibility.h"
#include "core/calendar_date.h"
#include "media/media_access.h"
#include "media/media_store.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "posts/post_context.h"
#include "posts/post_view.h"
#include "posts/post_workflow.h"
#include "profile/vocabulary.h"
#include "web/media_view.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/posts";
}
std::string post_href(const Request& req, int64_t id) {
  return base(req) + "/" + std::to_string(id);
}
std::string incidents_base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/incidents";
}

std::string status_class(PostStatus s) {
  switch (s) {
    case PostStatus::kDraft:
      return "govuk-tag--grey";
    case PostStatus::kApproved:
      return "govuk-tag--blue";
    case PostStatus::kPublished:
      return "govuk-tag--green";
    case PostStatus::kWithdrawn:
      return "govuk-tag--red";
  }
  return "";
}
std::string verdict_class(Verdict v) {
  return v == Verdict::kPass     ? "govuk-tag--green"
         : v == Verdict::kReview ? "govuk-tag--yellow"
                                 : "govuk-tag--red";
}
std::string verdict_label(Verdict v) {
  return v == Verdict::kPass ? "Pass" : v == Verdict::kReview ? "To review" : "Refused";
}

// Everything a post page needs for this school, loaded once per request.
using PostEnv = SchoolPostContext;

Result<PostEnv> post_env(AppContext& app, const Request& req) {
  PolicyProfile profile = TRY(school_profile(app, req));
  return load_school_post_context(app.db, app.checkers, std::move(profile), req.school->id,
                                  date_of(app.clock.now()));
}

std::vector<int64_t> ids_of(const Fields& f, const std::string& name) {
  std::vector<int64_t> out;
  auto range = f.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) {
    long long v = std::atoll(it->second.c_str());
    if (v > 0) out.push_back(v);
  }
  return out;
}

PostDraft draft_from(const Fields& f) {
  PostDraft d;
  d.account_id = std::atoll(field(f, "account").c_str());
  d.objective = field(f, "objective");
  d.body = field(f, "body");
  d.shows_images = field(f, "shows_images") == "yes";
  d.shows_video = field(f, "shows_video") == "yes";
  d.pupil_ids = ids_of(f, "pupils");
  d.media_ids = ids_of(f, "media");
  d.media_source = field(f, "media_source");
  if (long long i = std::atoll(field(f, "incident").c_str()); i > 0) d.incident_id = i;
  return d;
}

constexpr size_t kLibraryChoices = 12;  // the newest images offered on the form

// The form's choices: the accounts the person may post to, the profile's
// objectives, the school's pupils, open incidents, the images.
Status fill_form(AppContext& app, Request& req, const PostEnv& env, const PostDraft& d,
                 mstch::map& c) {
  return app.db.read([&](Connection& conn) -> Status {
    mstch::array accounts;
    auto postable =
        TRY(accounts_to_post_to(conn, req.school->id, env.profile->accounts, req.user->person_id));
    for (const auto& e : postable)
      accounts.push_back(
          mstch::map{{"id", std::to_string(e.account.id)},
                     {"name", e.account.account_name + " (" + e.account.platform + ")"},
                     {"selected", e.account.id == d.account_id}});
    mstch::array objectives;
    for (const auto& o : env.profile->posts.objectives)
      objectives.push_back(
          mstch::map{{"key", o},
                     {"label", std::string(objective_vocabulary().label(o).value_or(o))},
                     {"selected", o == d.objective}});
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = PersonKind::kPupil;
    q.limit = 500;
    auto pupils = TRY(list_people(conn, q));
    mstch::array pupil_options;
    for (const auto& p : pupils.people) {
      bool sel = std::find(d.pupil_ids.begin(), d.pupil_ids.end(), p.id) != d.pupil_ids.end();
      pupil_options.push_back(
          mstch::map{{"id", std::to_string(p.id)},
                     {"name", p.display_name()},
                     {"class", p.class_name.value_or(p.year_group.value_or(""))},
                     {"selected", sel}});
    }
    mstch::array inc;
    for (const auto& i : TRY(open_incidents(conn, req.school->id)))
      inc.push_back(mstch::map{
          {"id", std::to_string(i.id)}, {"title", i.title}, {"selected", d.incident_id == i.id}});
    c["form_accounts"] = accounts;
    c["form_objectives"] = objectives;
    c["form_pupils"] = pupil_options;
    c["form_incidents"] = inc;
    c["form_body"] = d.body;
    c["form_images"] = d.shows_images;
    c["form_video"] = d.shows_video;
    c["form_source"] = d.media_source;
    // Images: those attached (ticked), then the library's newest to choose
    // from. One of another school is not shown: save_post says so.
    mstch::array attached, library;
    for (const auto& item : TRY(media_shown_at(conn, req.school->id, d.media_ids))) {
      mstch::map card = media_card(item);
      card.emplace("checked", true);
      attached.push_back(std::move(card));
    }
    auto newest = TRY(list_media(conn, req.school->id, kLibraryChoices + d.media_ids.size()));
    for (const auto& item : newest) {
      if (library.size() >= kLibraryChoices) break;
      if (std::find(d.media_ids.begin(), d.media_ids.end(), item.id) != d.media_ids.end()) continue;
      library.push_back(media_card(item));
    }
    c["form_media"] = attached;
    c["form_library"] = library;
    c["form_may_upload"] = req.can(Capability::kMediaUpload);
    c["form_library_href"] = "/schools/" + std::to_string(req.school->id) + "/media";
    return {};
  });
}

Result<HttpResponse> list_page(AppContext& app, Request& req, const Error* error = nullptr,
                               unsigned status = 200) {
  PolicyProfile profile = TRY(school_profile(app, req));
  std::vector<Post> posts;
  std::vector<CriticalIncident> incidents;
  TRY(app.db.read([&](Connection& c) -> Status {
    posts = TRY(visible_posts(c, *req.school, req.viewer()));
    incidents = TRY(open_incidents(c, req.school->id));
    return {};
  }));
  mstch::array rows;
  for (const auto& p : posts) {
    std::string excerpt = utf8_excerpt(p.draft.body, 80, "…");
    rows.push_back(mstch::map{{"href", post_href(req, p.id)},
                              {"excerpt", excerpt},
                              {"author", p.author_name},
                              {"account", p.account_name},
                              {"status", std::string(post_status_label(p.status))},
                              {"status_class", status_class(p.status)},
                              {"verdict", verdict_label(p.verdict)},
                              {"verdict_class", verdict_class(p.verdict)}});
  }
  bool declares = req.can(Capability::kIncidentsDeclare);
  mstch::array inc;
  for (const auto& i : incidents) {
    mstch::map m{{"title", i.title},
                 {"declared", format_utc(i.declared_at).substr(0, 10)},
                 {"csrf", csrf_token(req)}};
    if (declares)
      m.emplace("close_action", incidents_base(req) + "/" + std::to_string(i.id) + "/close");
    inc.push_back(m);
  }
  std::string approvers;
  for (Role r : profile.posts.approvers)
    approvers += (approvers.empty() ? "the " : " or the ") + role_title(profile, r);
  bool approver = req.can(Capability::kPostsApprove);
  mstch::map c{{"posts", rows},
               {"incidents", inc},
               {"approvers", approvers},
               {"caption", std::string(approver ? "All posts" : "Your posts")},
               {"new_href", base(req) + "/new"}};
  if (declares) c.emplace("declare_action", incidents_base(req));
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Posts", "posts_list", std::move(c), status);
}

Result<HttpResponse> new_page(AppContext& app, Request& req, const PostDraft& d = {},
                              const Error* error = nullptr, unsigned status = 200) {
  PostEnv env = TRY(post_env(app, req));
  mstch::map c{{"back_href", base(req)}, {"form_action", base(req)}};
  TRY(fill_form(app, req, env, d, c));
  if (error) c.emplace("errors", error_list(*error, "body"));
  return render_page(app, req, "Write a post", "post_new", std::move(c), status);
}

// The text cut into plain and flagged pieces, so the page can mark exactly
// the words each finding is about (escaped like any other text).
mstch::array segments(const Post& p) {
  std::vector<std::pair<size_t, size_t>> spans;
  std::vector<std::string> notes;
  for (const auto& f : p.findings)
    if (f.start && f.end && *f.end <= p.draft.body.size() && *f.start < *f.end) {
      spans.push_back({*f.start, *f.end});
      notes.push_back(f.message);
    }
  mstch::array out;
  size_t pos = 0;
  std::vector<size_t> order(spans.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return spans[a].first < spans[b].first; });
  for (size_t i : order) {
    auto [s, e] = spans[i];
    if (s < pos) continue;  // overlapping: the first wins
    if (s > pos)
      out.push_back(mstch::map{{"text", p.draft.body.substr(pos, s - pos)}, {"flagged", false}});
    out.push_back(
        mstch::map{{"text", p.draft.body.substr(s, e - s)}, {"flagged", true}, {"note", notes[i]}});
    pos = e;
  }
  if (pos < p.draft.body.size())
    out.push_back(mstch::map{{"text", p.draft.body.substr(pos)}, {"flagged", false}});
  return out;
}

Result<HttpResponse> detail_page(AppContext& app, Request& req, const Error* error = nullptr,
                                 unsigned status = 200, const PostDraft* edited = nullptr) {
  auto id = req.int_param("post");
  if (!id) return Error::not_found("There is no such post.");
  PostEnv env = TRY(post_env(app, req));
  PostView view =
      TRY(app.db.read([&](Connection& c) { return view_post(c, *req.school, *id, req.viewer()); }));
  const Post& p = view.post;
  bool mine = p.author_id == req.user->person_id;
  bool approver = req.can(Capability::kPostsApprove);
  mstch::array findings;
  for (const auto& f : p.findings)
    findings.push_back(mstch::map{{"check", std::string(f.check)},
                                  {"verdict", verdict_label(f.verdict)},
                                  {"verdict_class", verdict_class(f.verdict)},
                                  {"message", f.message}});
  std::string self = post_href(req, p.id);
  mstch::array images;
  for (const auto& item : view.images) images.push_back(media_card(item));
  mstch::map c{{"images", images},
               {"back_href", base(req)},
               {"account", p.account_name},
               {"author", p.author_name},
               {"status", std::string(post_status_label(p.status))},
               {"status_class", status_class(p.status)},
               {"verdict", verdict_label(p.verdict)},
               {"verdict_class", verdict_class(p.verdict)},
               {"segments", segments(p)},
               {"findings", findings},
               {"live_url", p.live_url.value_or("")}};
  if (p.status == PostStatus::kDraft && !mine && approver && p.verdict != Verdict::kRefuse)
    c.emplace("approve_action", self + "/approve");
  if (p.status == PostStatus::kApproved && (mine || approver))
    c.emplace("publish_action", self + "/publish");
  if (mine && (p.status == PostStatus::kDraft || p.status == PostStatus::kApproved)) {
    c.emplace("edit", mstch::map{{"approved", p.status == PostStatus::kApproved}});
    c.emplace("form_action", self);
    TRY(fill_form(app, req, env, edited ? *edited : p.draft, c));
  }
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Post", "post_detail", std::move(c), status);
}

// Photographs chosen on the form go into the media library first, as the
// school's own with the source the author gave, and then onto the draft: a
// draft refused for something else comes back with them still attached.
Status add_uploaded_photos(AppContext& app, Request& req, PostDraft& d) {
  std::string type(req.raw[http::field::content_type]);
  if (!type.starts_with("multipart/form-data")) return {};
  MultipartForm form = TRY(parse_multipart(type, req.raw.body()));
  auto [first, last] = form.files.equal_range("photos");
  for (auto it = first; it != last; ++it) {
    const Upload& up = it->second;
    if (up.data.empty() && up.filename.empty()) continue;  // the field left empty
    if (!req.can(Capability::kMediaUpload))
      return Error::forbidden("You may not add images to the school's media library.");
    if (std::string(trim(d.media_source)).empty())
      return Error::invalid(
          "Say where the photographs came from before adding them (for example \"taken by Mrs "
          "Khan on the office iPad\").");
    MediaRights rights{d.media_source, req.school->name, RightsBasis::kOwn, ""};
    MediaItem item =
        TRY(store_media(app.db, app.clock, req.actor(), req.school->id, app.config.media_dir,
                        MediaUpload{up.filename, up.content_type, up.data, rights}));
    d.media_ids.push_back(item.id);
  }
  return {};
}

}  // namespace

void add_post_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/posts";
  router.add({V::get, root, Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) { return list_page(app, req); });
  router.add({V::get, root + "/new", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) { return new_page(app, req); });
  router.add({V::post, root, Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               PostDraft d = draft_from(req.form());
               if (auto up = add_uploaded_photos(app, req, d); !up.ok())
                 return new_page(app, req, d, &up.error(), http_status(up.error().code));
               PostEnv env = TRY(post_env(app, req));
               Actor actor = req.actor();
               auto id = app.db.transaction([&](Connection& c) {
                 return save_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                  *env.checks, req.school->trust_id, std::nullopt, d);
               });
               if (!id.ok())
                 return new_page(app, req, d, &id.error(), http_status(id.error().code));
               return redirect_response(post_href(req, *id));
             });
  router.add({V::get, root + "/{post}", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) { return detail_page(app, req); });
  router.add({V::post, root + "/{post}", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               PostDraft d = draft_from(req.form());
               if (auto up = add_uploaded_photos(app, req, d); !up.ok())
                 return detail_page(app, req, &up.error(), http_status(up.error().code), &d);
               PostEnv env = TRY(post_env(app, req));
               Actor actor = req.actor();
               auto saved = app.db.transaction([&](Connection& c) {
                 return save_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                  *env.checks, req.school->trust_id, *id, d);
               });
               if (!saved.ok())
                 return detail_page(app, req, &saved.error(), http_status(saved.error().code), &d);
               return redirect_response(post_href(req, *id));
             });
  router.add({V::post, root + "/{post}/approve", Access::kSchool, Capability::kPostsApprove},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               PostEnv env = TRY(post_env(app, req));
               Actor actor = req.actor();
               auto s = app.db.transaction([&](Connection& c) {
                 return approve_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                     *env.checks, req.school->trust_id, *id);
               });
               if (!s.ok()) return detail_page(app, req, &s.error(), http_status(s.error().code));
               return redirect_response(post_href(req, *id));
             });
  router.add({V::post, root + "/{post}/publish", Access::kSchool, Capability::kPostsWrite},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("post");
               if (!id) return Error::not_found("There is no such post.");
               PostEnv env = TRY(post_env(app, req));
               Actor actor = req.actor();
               std::string url = field(req.form(), "live_url");
               auto s = app.db.transaction([&](Connection& c) {
                 return publish_post(SchoolScope{c, app.clock, actor, req.school->id}, req.grants,
                                     *env.checks, req.school->trust_id, *id, url);
               });
               if (!s.ok()) return detail_page(app, req, &s.error(), http_status(s.error().code));
               return redirect_response(post_href(req, *id));
             });
  router.add(
      {V::post, "/schools/{school}/incidents", Access::kSchool, Capability::kIncidentsDeclare},
      [&app](Request& req) -> Result<HttpResponse> {
        std::string title = field(req.form(), "title");
        auto id = app.db.transaction([&](Connection& c) {
          return declare_incident(SchoolScope{c, app.clock, req.actor(), req.school->id}, title);
        });
        if (!id.ok()) return list_page(app, req, &id.error(), http_status(id.error().code));
        return redirect_response(base(req));
      });
  router.add({V::post, "/schools/{school}/incidents/{incident}/close", Access::kSchool,
              Capability::kIncidentsDeclare},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("incident");
               if (!id) return Error::not_found("There is no such incident.");
               auto s = app.db.transaction([&](Connection& c) {
                 return close_incident(SchoolScope{c, app.clock, req.actor(), req.school->id}, *id);
               });
               if (!s.ok()) return list_page(app, req, &s.error(), http_status(s.error().code));
               return redirect_response(base(req));
             });
}

}  // namespace inloco::web

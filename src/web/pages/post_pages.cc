// Posts (PST-1..9): list, write, check, approve, publish; and critical
// incidents. The checks' findings are shown with the words that triggered
// them marked in the text.
#include "accounts/account_register.h"
#include "media/media_store.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "posts/post_context.h"
#include "posts/post_workflow.h"
#include "profile/policy_document.h"
#include "profile/profile_store.h"
#include "profile/vocabulary.h"
#include "web/media_view.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) { return "/schools/" + std::to_string(req.school->id) + "/posts"; }
bool can(const Request& req, Capability c) { return req.grants.can(c, req.school->id, req.school->trust_id); }

std::string status_class(PostStatus s) {
  switch (s) {
    case PostStatus::kDraft: return "govuk-tag--grey";
    case PostStatus::kApproved: return "govuk-tag--blue";
    case PostStatus::kPublished: return "govuk-tag--green";
    case PostStatus::kWithdrawn: return "govuk-tag--red";
  }
  return "";
}
std::string verdict_class(Verdict v) {
  return v == Verdict::kPass ? "govuk-tag--green" : v == Verdict::kReview ? "govuk-tag--yellow" : "govuk-tag--red";
}
std::string verdict_label(Verdict v) {
  return v == Verdict::kPass ? "Pass" : v == Verdict::kReview ? "To review" : "Refused";
}

// Everything a post page needs for this school, loaded once per request.
using PostEnv = SchoolPostContext;

Result<PostEnv> post_env(AppContext& app, const Request& req) {
  return load_school_post_context(app.db, app.checkers, req.school->id, date_of(app.clock.now()));
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
// objectives, the school's pupils, open incidents.
Status fill_form(AppContext& app, Request& req, const PostEnv& env, const PostDraft& d, mstch::map& c) {
  return app.db.read([&](Connection& conn) -> Status {
    auto entries = TRY(list_register(conn, req.school->id, env.profile->accounts, req.user->person_id));
    mstch::array accounts;
    for (const auto& e : entries) {
      bool may_post = false;
      for (const auto& a : e.authorisations) may_post = may_post || (a.live() && a.person_id == req.user->person_id && a.kind == AuthorisationKind::kPost);
      if (!may_post || e.account.status != AccountStatus::kOpen) continue;
      accounts.push_back(mstch::map{{"id", std::to_string(e.account.id)}, {"name", e.account.account_name + " (" + e.account.platform + ")"},
                                    {"selected", e.account.id == d.account_id}});
    }
    mstch::array objectives;
    for (const auto& o : env.profile->posts.objectives)
      objectives.push_back(mstch::map{{"key", o}, {"label", std::string(objective_vocabulary().label(o).value_or(o))}, {"selected", o == d.objective}});
    PeopleQuery q;
    q.school_id = req.school->id;
    q.kind = PersonKind::kPupil;
    q.limit = 500;
    auto pupils = TRY(list_people(conn, q));
    mstch::array pupil_options;
    for (const auto& p : pupils.people) {
      bool sel = std::find(d.pupil_ids.begin(), d.pupil_ids.end(), p.id) != d.pupil_ids.end();
      pupil_options.push_back(mstch::map{{"id", std::to_string(p.id)}, {"name", p.display_name()},
                                         {"class", p.class_name.value_or(p.year_group.value_or(""))}, {"selected", sel}});
    }
    mstch::array inc;
    for (const auto& i : TRY(open_incidents(conn, req.school->id)))
      inc.push_back(mstch::map{{"id", std::to_string(i.id)}, {"title", i.title}, {"selected", d.incident_id == i.id}});
    c["form_accounts"] = accounts;
    c["form_objectives"] = objectives;
    c["form_pupils"] = pupil_options;
    c["form_incidents"] = inc;
    c["form_body"] = d.body;
    c["form_images"] = d.shows_images;
    c["form_video"] = d.shows_video;
    c["form_source"] = d.media_source;
    // Images: those attached (ticked), then the library's newest to choose from.
    mstch::array attached, library;
    for (int64_t id : d.media_ids) {
      auto item = get_media(conn, req.school->id, id);
      if (!item.ok()) continue;  // another school's: save_post says so
      mstch::map card = media_card(req, *item);
      card.emplace("checked", true);
      attached.push_back(std::move(card));
    }
    for (const auto& item : TRY(list_media(conn, req.school->id, kLibraryChoices + d.media_ids.size()))) {
      if (library.size() >= kLibraryChoices) break;
      if (std::find(d.media_ids.begin(), d.media_ids.end(), item.id) != d.media_ids.end()) continue;
      library.push_back(media_card(req, item));
    }
    c["form_media"] = attached;
    c["form_library"] = library;
    c["form_may_upload"] = can(req, Capability::kMediaUpload);
    c["form_library_href"] = "/schools/" + std::to_string(req.school->id) + "/media";
    return {};
  });
}

HttpResponse list_page(AppContext& app, Request& req, const Error* error = nullptr, unsigned status = 200) {
  auto env = post_env(app, req);
  if (!env.ok()) return error_response(app, req, env.error());
  bool approver = can(req, Capability::kPostsApprove);
  auto posts = app.db.read([&](Connection& c) { return list_posts(c, req.school->id); });
  if (!posts.ok()) return error_response(app, req, posts.error());
  mstch::array rows;
  for (const auto& p : *posts) {
    if (!approver && p.author_id != req.user->person_id) continue;
    std::string excerpt = utf8_excerpt(p.draft.body, 80, "…");
    rows.push_back(mstch::map{{"href", base(req) + "/" + std::to_string(p.id)}, {"excerpt", excerpt},
                              {"author", p.author_name}, {"account", p.account_name},
                              {"status", std::string(post_status_label(p.status))}, {"status_class", status_class(p.status)},
                              {"verdict", verdict_label(p.verdict)}, {"verdict_class", verdict_class(p.verdict)}});
  }
  auto incidents = app.db.read([&](Connection& c) { return open_incidents(c, req.school->id); });
  if (!incidents.ok()) return error_response(app, req, incidents.error());
  mstch::array inc;
  for (const auto& i : *incidents) {
    mstch::map m{{"title", i.title}, {"declared", format_utc(i.declared_at).substr(0, 10)}, {"csrf", csrf_token(req)}};
    if (can(req, Capability::kIncidentsDeclare))
      m.emplace("close_action", "/schools/" + std::to_string(req.school->id) + "/incidents/" + std::to_string(i.id) + "/close");
    inc.push_back(m);
  }
  std::string approvers;
  for (Role r : env->profile->posts.approvers) approvers += (approvers.empty() ? "the " : " or the ") + role_title(*env->profile, r);
  mstch::map c{{"posts", rows}, {"incidents", inc}, {"approvers", approvers},
               {"caption", std::string(approver ? "All posts" : "Your posts")},
               {"new_href", base(req) + "/new"}};
  if (can(req, Capability::kIncidentsDeclare)) c.emplace("declare_action", "/schools/" + std::to_string(req.school->id) + "/incidents");
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Posts", "posts_list", std::move(c), status);
}

HttpResponse new_page(AppContext& app, Request& req, const PostDraft& d = {}, const Error* error = nullptr, unsigned status = 200) {
  auto env = post_env(app, req);
  if (!env.ok()) return error_response(app, req, env.error());
  mstch::map c{{"back_href", base(req)}, {"form_action", base(req)}};
  if (auto s = fill_form(app, req, *env, d, c); !s.ok()) return error_response(app, req, s.error());
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
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spans[a].first < spans[b].first; });
  for (size_t i : order) {
    auto [s, e] = spans[i];
    if (s < pos) continue;  // overlapping: the first wins
    if (s > pos) out.push_back(mstch::map{{"text", p.draft.body.substr(pos, s - pos)}, {"flagged", false}});
    out.push_back(mstch::map{{"text", p.draft.body.substr(s, e - s)}, {"flagged", true}, {"note", notes[i]}});
    pos = e;
  }
  if (pos < p.draft.body.size()) out.push_back(mstch::map{{"text", p.draft.body.substr(pos)}, {"flagged", false}});
  return out;
}

HttpResponse detail_page(AppContext& app, Request& req, const Error* error = nullptr, unsigned status = 200,
                         const PostDraft* edited = nullptr) {
  auto id = req.int_param("post");
  if (!id) return error_response(app, req, Error::not_found("There is no such post."));
  auto env = post_env(app, req);
  if (!env.ok()) return error_response(app, req, env.error());
  auto post = app.db.read([&](Connection& c) { return get_post(c, req.school->id, *id); });
  if (!post.ok()) return error_response(app, req, post.error());
  const Post& p = *post;
  bool mine = p.author_id == req.user->person_id;
  if (!mine && !can(req, Capability::kPostsApprove))
    return error_response(app, req, Error::not_found("There is no such post among yours."));
  mstch::array findings;
  for (const auto& f : p.findings)
    findings.push_back(mstch::map{{"check", std::string(f.check)}, {"verdict", verdict_label(f.verdict)},
                                  {"verdict_class", verdict_class(f.verdict)}, {"message", f.message}});
  std::string self = base(req) + "/" + std::to_string(p.id);
  mstch::array images;
  for (int64_t media_id : p.draft.media_ids) {
    auto item = app.db.read([&](Connection& conn) { return get_media(conn, req.school->id, media_id); });
    if (item.ok()) images.push_back(media_card(req, *item));
  }
  mstch::map c{{"images", images}, {"back_href", base(req)}, {"account", p.account_name}, {"author", p.author_name},
               {"status", std::string(post_status_label(p.status))}, {"status_class", status_class(p.status)},
               {"verdict", verdict_label(p.verdict)}, {"verdict_class", verdict_class(p.verdict)},
               {"segments", segments(p)}, {"findings", findings}, {"live_url", p.live_url.value_or("")}};
  if (p.status == PostStatus::kDraft && !mine && can(req, Capability::kPostsApprove) && p.verdict != Verdict::kRefuse)
    c.emplace("approve_action", self + "/approve");
  if (p.status == PostStatus::kApproved && (mine || can(req, Capability::kPostsApprove)))
    c.emplace("publish_action", self + "/publish");
  if (mine && (p.status == PostStatus::kDraft || p.status == PostStatus::kApproved)) {
    c.emplace("edit", mstch::map{{"approved", p.status == PostStatus::kApproved}});
    c.emplace("form_action", self);
    if (auto s = fill_form(app, req, *env, edited ? *edited : p.draft, c); !s.ok()) return error_response(app, req, s.error());
  }
  if (error) c.emplace("errors", error_list(*error));
  return render_page(app, req, "Post", "post_detail", std::move(c), status);
}

PostActor who(Request& req, const Actor& actor) { return PostActor{actor, req.grants}; }

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
    if (!can(req, Capability::kMediaUpload))
      return Error::forbidden("You may not add images to the school's media library.");
    if (std::string(trim(d.media_source)).empty())
      return Error::invalid("Say where the photographs came from before adding them (for example \"taken by Mrs "
                            "Khan on the office iPad\").");
    MediaRights rights{d.media_source, req.school->name, RightsBasis::kOwn, ""};
    MediaItem item = TRY(store_media(app.db, app.clock, req.actor(), req.school->id, app.config.media_dir, up.filename,
                                     up.content_type, up.data, rights));
    d.media_ids.push_back(item.id);
  }
  return {};
}

}  // namespace

void add_post_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/posts";
  router.add({V::get, root, Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) { return list_page(app, req); });
  router.add({V::get, root + "/new", Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) { return new_page(app, req); });
  router.add({V::post, root, Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) {
    PostDraft d = draft_from(req.form());
    if (auto up = add_uploaded_photos(app, req, d); !up.ok()) return new_page(app, req, d, &up.error(), http_status(up.error().code));
    auto env = post_env(app, req);
    if (!env.ok()) return error_response(app, req, env.error());
    Actor actor = req.actor();
    auto id = app.db.transaction([&](Connection& c) {
      return save_post(c, app.clock, who(req, actor), *env->checks, req.school->id, req.school->trust_id, std::nullopt, d);
    });
    if (!id.ok()) return new_page(app, req, d, &id.error(), http_status(id.error().code));
    return redirect_response(base(req) + "/" + std::to_string(*id));
  });
  router.add({V::get, root + "/{post}", Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) { return detail_page(app, req); });
  router.add({V::post, root + "/{post}", Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) {
    auto id = req.int_param("post");
    if (!id) return error_response(app, req, Error::not_found("There is no such post."));
    PostDraft d = draft_from(req.form());
    if (auto up = add_uploaded_photos(app, req, d); !up.ok())
      return detail_page(app, req, &up.error(), http_status(up.error().code), &d);
    auto env = post_env(app, req);
    if (!env.ok()) return error_response(app, req, env.error());
    Actor actor = req.actor();
    auto saved = app.db.transaction([&](Connection& c) {
      return save_post(c, app.clock, who(req, actor), *env->checks, req.school->id, req.school->trust_id, *id, d);
    });
    if (!saved.ok()) return detail_page(app, req, &saved.error(), http_status(saved.error().code), &d);
    return redirect_response(base(req) + "/" + std::to_string(*id));
  });
  router.add({V::post, root + "/{post}/approve", Access::kSchool, Capability::kPostsApprove}, [&app](Request& req) {
    auto id = req.int_param("post");
    if (!id) return error_response(app, req, Error::not_found("There is no such post."));
    auto env = post_env(app, req);
    if (!env.ok()) return error_response(app, req, env.error());
    Actor actor = req.actor();
    auto s = app.db.transaction([&](Connection& c) {
      return approve_post(c, app.clock, who(req, actor), *env->checks, req.school->id, req.school->trust_id, *id);
    });
    if (!s.ok()) return detail_page(app, req, &s.error(), http_status(s.error().code));
    return redirect_response(base(req) + "/" + std::to_string(*id));
  });
  router.add({V::post, root + "/{post}/publish", Access::kSchool, Capability::kPostsWrite}, [&app](Request& req) {
    auto id = req.int_param("post");
    if (!id) return error_response(app, req, Error::not_found("There is no such post."));
    auto env = post_env(app, req);
    if (!env.ok()) return error_response(app, req, env.error());
    Actor actor = req.actor();
    std::string url = field(req.form(), "live_url");
    auto s = app.db.transaction([&](Connection& c) {
      return publish_post(c, app.clock, who(req, actor), *env->checks, req.school->id, req.school->trust_id, *id, url);
    });
    if (!s.ok()) return detail_page(app, req, &s.error(), http_status(s.error().code));
    return redirect_response(base(req) + "/" + std::to_string(*id));
  });
  router.add({V::post, "/schools/{school}/incidents", Access::kSchool, Capability::kIncidentsDeclare}, [&app](Request& req) {
    std::string title = field(req.form(), "title");
    auto id = app.db.transaction([&](Connection& c) { return declare_incident(c, app.clock, req.actor(), req.school->id, title); });
    if (!id.ok()) return list_page(app, req, &id.error(), http_status(id.error().code));
    return redirect_response(base(req));
  });
  router.add({V::post, "/schools/{school}/incidents/{incident}/close", Access::kSchool, Capability::kIncidentsDeclare},
             [&app](Request& req) {
               auto id = req.int_param("incident");
               if (!id) return error_response(app, req, Error::not_found("There is no such incident."));
               auto s = app.db.transaction([&](Connection& c) { return close_incident(c, app.clock, req.actor(), req.school->id, *id); });
               if (!s.ok()) return list_page(app, req, &s.error(), http_status(s.error().code));
               return redirect_response(base(req));
             });
}

}  // namespace inloco::web

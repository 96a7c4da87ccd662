// The media library (PST-6, PST-10, PST-11): images uploaded with their
// source and owner, kept only as copies with every piece of metadata removed,
// each showing which device took it and whether that device is approved.
// The image bytes are served to signed-in staff only, never cached.
#include "media/media_store.h"
#include "posts/post_workflow.h"
#include "web/media_view.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) { return "/schools/" + std::to_string(req.school->id) + "/media"; }
bool can(const Request& req, Capability c) { return req.grants.can(c, req.school->id, req.school->trust_id); }

MediaRights rights_from(const Fields& f) {
  MediaRights r;
  r.source = field(f, "source");
  r.owner = field(f, "owner");
  r.basis = parse_rights_basis(field(f, "basis")).value_or(RightsBasis::kOwn);
  r.note = field(f, "note");
  return r;
}

// Every image on the page is a full-size file, so the library is shown a page at a time.
constexpr int64_t kPerPage = 24;

HttpResponse library_page(AppContext& app, Request& req, const MediaRights* form = nullptr,
                          const Error* error = nullptr, unsigned status = 200) {
  int64_t page = std::max<int64_t>(1, std::atoll(field(req.query, "page").c_str()));
  // One more than a page tells whether there is an older page.
  auto items = app.db.read([&](Connection& c) { return list_media(c, req.school->id, kPerPage + 1, (page - 1) * kPerPage); });
  if (!items.ok()) return error_response(app, req, items.error());
  mstch::array rows;
  for (size_t i = 0; i < items->size() && i < static_cast<size_t>(kPerPage); ++i) rows.push_back(media_card(req, (*items)[i]));
  MediaRights shown = form ? *form : MediaRights{"", req.school->name, RightsBasis::kOwn, ""};
  mstch::map c{{"items", rows}, {"devices_href", "/schools/" + std::to_string(req.school->id) + "/devices"},
               {"max_mb", std::to_string(kDefaultMaxImageBytes / (1024 * 1024))}};
  if (page > 1) c.emplace("newer_href", base(req) + "?page=" + std::to_string(page - 1));
  if (items->size() > static_cast<size_t>(kPerPage)) c.emplace("older_href", base(req) + "?page=" + std::to_string(page + 1));
  if (can(req, Capability::kMediaUpload))
    c.emplace("upload", mstch::map{{"action", base(req)}, {"source", shown.source}, {"owner", shown.owner},
                                   {"note", shown.note}, {"basis_own", shown.basis == RightsBasis::kOwn},
                                   {"basis_permission", shown.basis == RightsBasis::kPermission},
                                   {"basis_acknowledgement", shown.basis == RightsBasis::kAcknowledgement}});
  if (error) c.emplace("errors", error_list(*error, "file"));
  return render_page(app, req, "Media library", "media_list", std::move(c), status);
}

HttpResponse item_page(AppContext& app, Request& req) {
  auto id = req.int_param("media");
  if (!id) return error_response(app, req, Error::not_found("There is no such image."));
  Actor actor = req.actor();
  auto item = app.db.transaction([&](Connection& c) { return view_media(c, app.clock, actor, req.school->id, *id); });
  if (!item.ok()) return error_response(app, req, item.error());
  auto used = app.db.read([&](Connection& c) { return posts_using_media(c, req.school->id, *id); });
  if (!used.ok()) return error_response(app, req, used.error());
  mstch::array posts;
  for (const auto& p : *used)
    posts.push_back(mstch::map{{"href", "/schools/" + std::to_string(req.school->id) + "/posts/" + std::to_string(p.id)},
                               {"status", std::string(post_status_label(p.status))}, {"account", p.account_name}});
  mstch::map c = media_card(req, *item);
  c.emplace("back_href", base(req));
  c.emplace("posts", posts);
  return render_page(app, req, "Image", "media_detail", std::move(c));
}

}  // namespace

void add_media_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/media";
  router.add({V::get, root, Access::kSchool, Capability::kMediaView}, [&app](Request& req) { return library_page(app, req); });
  router.add({V::post, root, Access::kSchool, Capability::kMediaUpload}, [&app](Request& req) {
    auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
    if (!form.ok()) return library_page(app, req, nullptr, &form.error(), 422);
    MediaRights rights = rights_from(form->fields);
    auto file = form->files.find("file");
    if (file == form->files.end() || file->second.data.empty()) {
      Error e = Error::invalid("Choose an image to upload: a JPEG, PNG or WebP file.");
      return library_page(app, req, &rights, &e, 422);
    }
    auto item = store_media(app.db, app.clock, req.actor(), req.school->id, app.config.media_dir, file->second.filename,
                            file->second.content_type, file->second.data, rights);
    if (!item.ok()) return library_page(app, req, &rights, &item.error(), http_status(item.error().code));
    return redirect_response(base(req) + "/" + std::to_string(item->id));
  });
  router.add({V::get, root + "/{media}", Access::kSchool, Capability::kMediaView}, [&app](Request& req) { return item_page(app, req); });
  router.add({V::get, root + "/{media}/file", Access::kSchool, Capability::kMediaView}, [&app](Request& req) {
    auto id = req.int_param("media");
    if (!id) return error_response(app, req, Error::not_found("There is no such image."));
    auto item = app.db.read([&](Connection& c) { return get_media(c, req.school->id, *id); });
    if (!item.ok()) return error_response(app, req, item.error());
    auto bytes = read_media(app.db, req.school->id, *id, app.config.media_dir);
    if (!bytes.ok()) return error_response(app, req, bytes.error());
    HttpResponse res{http::status::ok, 11};
    res.set(http::field::content_type, image_content_type(item->type));
    res.set(http::field::content_disposition, "inline");
    res.body() = std::move(bytes).value();
    res.prepare_payload();
    return res;
  });
}

}  // namespace inloco::web

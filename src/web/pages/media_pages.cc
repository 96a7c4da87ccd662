// The media library (PST-6, PST-10, PST-11): images uploaded with their
// source and owner, kept only as copies with every piece of metadata removed,
// each showing which device took it and whether that device is approved.
// The image bytes are served to signed-in staff only, never cached. Which
// pictures and posts a person sees is the capabilities' rule
// (media/media_access.h, posts/post_visibility.h).
#include "media/media_access.h"
#include "media/media_store.h"
#include "posts/post_view.h"
#include "web/media_view.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

std::string base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/media";
}

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

Result<HttpResponse> library_page(AppContext& app, Request& req, const MediaRights* form = nullptr,
                                  const Error* error = nullptr, unsigned status = 200) {
  int64_t page = std::max<int64_t>(1, std::atoll(field(req.query, "page").c_str()));
  // One more than a page tells whether there is an older page.
  auto items = TRY(app.db.read([&](Connection& c) {
    return list_media(c, req.school->id, kPerPage + 1, (page - 1) * kPerPage);
  }));
  mstch::array rows;
  for (size_t i = 0; i < items.size() && i < static_cast<size_t>(kPerPage); ++i)
    rows.push_back(media_card(items[i]));
  MediaRights shown = form ? *form : MediaRights{"", req.school->name, RightsBasis::kOwn, ""};
  mstch::map c{{"items", rows},
               {"devices_href", "/schools/" + std::to_string(req.school->id) + "/devices"},
               {"max_mb", std::to_string(kDefaultMaxImageBytes / (1024 * 1024))}};
  if (page > 1) c.emplace("newer_href", base(req) + "?page=" + std::to_string(page - 1));
  if (items.size() > static_cast<size_t>(kPerPage))
    c.emplace("older_href", base(req) + "?page=" + std::to_string(page + 1));
  if (req.can(Capability::kMediaUpload))
    c.emplace("upload",
              mstch::map{{"action", base(req)},
                         {"source", shown.source},
                         {"owner", shown.owner},
                         {"note", shown.note},
                         {"basis_own", shown.basis == RightsBasis::kOwn},
                         {"basis_permission", shown.basis == RightsBasis::kPermission},
                         {"basis_acknowledgement", shown.basis == RightsBasis::kAcknowledgement}});
  if (error) c.emplace("errors", error_list(*error, "file"));
  return render_page(app, req, "Media library", "media_list", std::move(c), status);
}

// One image with what its original carried (audited) and the posts carrying
// it that this person may see.
Result<HttpResponse> item_page(AppContext& app, Request& req) {
  auto id = req.int_param("media");
  if (!id) return Error::not_found("There is no such image.");
  Actor actor = req.actor();
  MediaItem item;
  std::vector<Post> used;
  TRY(app.db.transaction([&](Connection& c) -> Status {
    item = TRY(view_media(SchoolScope{c, app.clock, actor, req.school->id}, *id));
    used = TRY(visible_posts_using_media(c, *req.school, *id,
                                         PostViewer{req.user->person_id, req.grants}));
    return {};
  }));
  mstch::array posts;
  for (const auto& p : used)
    posts.push_back(mstch::map{
        {"href", "/schools/" + std::to_string(req.school->id) + "/posts/" + std::to_string(p.id)},
        {"status", std::string(post_status_label(p.status))},
        {"account", p.account_name}});
  mstch::map c = media_card(item);
  c.emplace("back_href", base(req));
  c.emplace("posts", posts);
  return render_page(app, req, "Image", "media_detail", std::move(c));
}

Result<HttpResponse> upload(AppContext& app, Request& req) {
  auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
  if (!form.ok()) return library_page(app, req, nullptr, &form.error(), 422);
  MediaRights rights = rights_from(form->fields);
  auto file = form->files.find("file");
  if (file == form->files.end() || file->second.data.empty()) {
    Error e = Error::invalid("Choose an image to upload: a JPEG, PNG or WebP file.");
    return library_page(app, req, &rights, &e, 422);
  }
  auto item = store_media(
      app.db, app.clock, req.actor(), req.school->id, app.config.media_dir,
      MediaUpload{file->second.filename, file->second.content_type, file->second.data, rights});
  if (!item.ok())
    return library_page(app, req, &rights, &item.error(), http_status(item.error().code));
  return redirect_response(base(req) + "/" + std::to_string(item->id));
}

// The stored copy itself, without metadata, for this school's image only.
Result<HttpResponse> image_file(AppContext& app, Request& req) {
  auto id = req.int_param("media");
  if (!id) return Error::not_found("There is no such image.");
  MediaFile file = TRY(open_media_file(app.db, req.school->id, *id, app.config.media_dir));
  HttpResponse res{http::status::ok, 11};
  res.set(http::field::content_type, image_content_type(file.type));
  res.set(http::field::content_disposition, "inline");
  res.body() = std::move(file.bytes);
  res.prepare_payload();
  return res;
}

}  // namespace

void add_media_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/schools/{school}/media";
  router.add({V::get, root, Access::kSchool, Capability::kMediaView},
             [&app](Request& req) { return library_page(app, req); });
  router.add({V::post, root, Access::kSchool, Capability::kMediaUpload},
             [&app](Request& req) { return upload(app, req); });
  router.add({V::get, root + "/{media}", Access::kSchool, Capability::kMediaView},
             [&app](Request& req) { return item_page(app, req); });
  router.add({V::get, root + "/{media}/file", Access::kSchool, Capability::kMediaView},
             [&app](Request& req) { return image_file(app, req); });
}

}  // namespace inloco::web

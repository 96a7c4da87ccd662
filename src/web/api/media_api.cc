// JSON API for the media library (PST-6, PST-10, PST-11): list, upload (a
// multipart form: file, source, owner, basis, note) and one image's record.
// The image itself is served by the page route .../media/{media}/file, under
// the same rule of who may see it (media/media_access.h).
#include "media/media_store.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

using nlohmann::json;

json media_json(const MediaItem& m) {
  return {{"id", m.id},
          {"name", m.original_name},
          {"type", image_type_key(m.type)},
          {"bytes", m.byte_size},
          {"width", m.width},
          {"height", m.height},
          {"source", m.rights.source},
          {"owner", m.rights.owner},
          {"rights", rights_basis_key(m.rights.basis)},
          {"rights_note", m.rights.note},
          {"device_match", device_match_key(m.device_match)},
          {"device", m.device_make.empty() && m.device_model.empty()
                         ? json(nullptr)
                         : json(m.device_make + " " + m.device_model)},
          {"gps_was_present", m.gps_was_present},
          {"metadata_removed", m.metadata_removed},
          {"uploaded_by", m.uploaded_by_name},
          {"uploaded_at", m.uploaded_at},
          {"file",
           "/schools/" + std::to_string(m.school_id) + "/media/" + std::to_string(m.id) + "/file"}};
}

}  // namespace

void add_media_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  const std::string root = "/api/v1/schools/{school}/media";
  router.add({V::get, root, Access::kSchool, Capability::kMediaView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto items =
                   TRY(app.db.read([&](Connection& c) { return list_media(c, req.school->id); }));
               json out = json::array();
               for (const auto& m : items) out.push_back(media_json(m));
               return json_response(200, {{"media", out}});
             });
  router.add(
      {V::post, root, Access::kSchool, Capability::kMediaUpload},
      [&app](Request& req) -> Result<HttpResponse> {
        auto form = parse_multipart(req.raw[http::field::content_type], req.raw.body());
        if (!form.ok())
          return Error::invalid("Send the image as a multipart form with a \"file\" field.");
        auto file = form->files.find("file");
        if (file == form->files.end() || file->second.data.empty())
          return Error::invalid("Send the image in the \"file\" field: a JPEG, PNG or WebP file.");
        MediaRights rights{field(form->fields, "source"), field(form->fields, "owner"),
                           RightsBasis::kOwn, field(form->fields, "note")};
        std::string basis = field(form->fields, "basis");
        if (!basis.empty()) {
          auto parsed = parse_rights_basis(basis);
          if (!parsed) return Error::invalid("\"basis\" is own, permission or acknowledgement.");
          rights.basis = *parsed;
        }
        MediaItem item =
            TRY(store_media(app.db, app.clock, req.actor(), req.school->id, app.config.media_dir,
                            MediaUpload{file->second.filename, file->second.content_type,
                                        file->second.data, rights}));
        return json_response(201, media_json(item));
      });
  router.add({V::get, root + "/{media}", Access::kSchool, Capability::kMediaView},
             [&app](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("media");
               if (!id) return Error::not_found("There is no such image.");
               Actor actor = req.actor();
               MediaItem item = TRY(app.db.transaction([&](Connection& c) {
                 return view_media(SchoolScope{c, app.clock, actor, req.school->id}, *id);
               }));
               return json_response(200, media_json(item));
             });
}

}  // namespace inloco::web

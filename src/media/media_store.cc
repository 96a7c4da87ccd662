#include "media/media_store.h"

#include <nlohmann/json.hpp>

#include "core/crypto.h"
#include "media/content_store.h"
#include "media/image_metadata.h"
#include "media/metadata_stripper.h"
#include "people/school_store.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

constexpr size_t kMaxRightsText = 500;

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

Result<MediaRights> checked_rights(const MediaRights& in) {
  MediaRights r{trim(in.source), trim(in.owner), in.basis, trim(in.note)};
  if (r.source.empty())
    return Error::invalid(
        "Say where this image came from (for example 'Taken by Miss Patel on "
        "the Year 2 iPad'), then upload it again.");
  if (r.owner.empty())
    return Error::invalid(
        "Say who owns this image (for example the school, or the "
        "photographer), then upload it again.");
  if (r.basis == RightsBasis::kPermission && r.note.empty())
    return Error::invalid(
        "This image is someone else's, used with permission: record the "
        "permission you hold (who gave it and when), then upload it again.");
  if (r.basis == RightsBasis::kAcknowledgement && r.note.empty())
    return Error::invalid(
        "This image is someone else's, used with an acknowledgement: write the "
        "acknowledgement to show with it, then upload it again.");
  for (const std::string* t : {&r.source, &r.owner, &r.note})
    if (t->size() > kMaxRightsText)
      return Error::invalid("The source, owner and rights note can be at most " +
                            std::to_string(kMaxRightsText) + " characters each.");
  return r;
}

const char* kColumns =
    "id, school_id, sha256, media_type, byte_size, width, height, original_name, source, owner, "
    "rights_basis, rights_note, uploaded_by, uploaded_by_name, uploaded_at, device_match, "
    "device_id, device_make, device_model, device_serial, taken_at, gps_was_present, "
    "metadata_removed";

MediaItem item_from_row(const Row& r) {
  RowReader in(r);
  MediaItem m;
  m.id = in.integer();
  m.school_id = in.integer();
  m.sha256 = in.text();
  m.type = parse_image_type(in.text()).value_or(ImageType::kJpeg);
  m.byte_size = in.integer();
  m.width = in.integer();
  m.height = in.integer();
  m.original_name = in.text();
  m.rights.source = in.text();
  m.rights.owner = in.text();
  m.rights.basis = parse_rights_basis(in.text()).value_or(RightsBasis::kOwn);
  m.rights.note = in.text();
  m.uploaded_by = in.optional_integer();
  m.uploaded_by_name = in.text();
  m.uploaded_at = in.integer();
  m.device_match = parse_device_match(in.text()).value_or(DeviceMatchKind::kNoMetadata);
  m.device_id = in.optional_integer();
  m.device_make = in.text();
  m.device_model = in.text();
  m.device_serial = in.text();
  m.taken_at = in.optional_text();
  m.gps_was_present = in.flag();
  m.metadata_removed = in.text();
  return m;
}

// Prefixes a refusal with the file's name, so a batch of uploads says which failed.
Error about_file(const std::string& name, Error e) {
  if (!name.empty() && e.message.find(name) == std::string::npos)
    e.message = name + ": " + e.message;
  return e;
}

}  // namespace

std::string_view rights_basis_key(RightsBasis basis) {
  switch (basis) {
    case RightsBasis::kOwn:
      return "own";
    case RightsBasis::kPermission:
      return "permission";
    case RightsBasis::kAcknowledgement:
      return "acknowledgement";
  }
  return "own";
}

std::optional<RightsBasis> parse_rights_basis(std::string_view key) {
  for (RightsBasis b : {RightsBasis::kOwn, RightsBasis::kPermission, RightsBasis::kAcknowledgement})
    if (rights_basis_key(b) == key) return b;
  return std::nullopt;
}

Result<MediaItem> store_media(Database& db, const Clock& clock, const Actor& actor,
                              int64_t school_id, const std::string& media_dir,
                              const MediaUpload& upload, size_t max_bytes) {
  std::string name = clean_upload_name(upload.file_name);
  MediaRights checked = TRY(checked_rights(upload.rights));
  Result<ImageType> type =
      check_image_upload(upload.file_name, upload.declared_type, upload.bytes, max_bytes);
  if (!type.ok()) return std::move(type).error();
  Result<ImageMetadata> original = read_image_metadata(upload.bytes);
  if (!original.ok()) return about_file(name, std::move(original).error());
  Result<StrippedImage> stripped = strip_metadata(*type, upload.bytes);
  if (!stripped.ok()) return about_file(name, std::move(stripped).error());

  MediaItem item;
  item.school_id = school_id;
  item.type = *type;
  crypto_init();
  item.sha256 = sha256_hex(stripped->bytes);
  item.byte_size = static_cast<int64_t>(stripped->bytes.size());
  item.width = original->width;
  item.height = original->height;
  item.original_name = name;
  item.rights = checked;
  item.uploaded_by = actor.person_id;
  item.uploaded_by_name = actor.name;
  item.uploaded_at = clock.now();
  item.device_make = original->make;
  item.device_model = original->model;
  item.device_serial = joined(original->serials);
  item.taken_at = original->taken_at;
  item.gps_was_present = original->gps_present;
  item.metadata_removed = joined(stripped->removed);

  StoredContent file = TRY(write_content(media_dir, stripped->bytes));
  Result<MediaItem> saved = db.transaction([&](Connection& conn) -> Result<MediaItem> {
    TRY(get_school(conn, school_id));
    DeviceMatch match =
        TRY(match_device(conn, school_id, original->make, original->model, original->serials));
    item.device_match = match.kind;
    item.device_id = match.device_id;
    item.id = TRY(conn.insert(
        "INSERT INTO media_items (school_id, sha256, media_type, byte_size, width, height, "
        "original_name, source, owner, rights_basis, rights_note, uploaded_by, uploaded_by_name, "
        "uploaded_at, device_match, device_id, device_make, device_model, device_serial, "
        "taken_at, gps_was_present, metadata_removed) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {school_id,
         item.sha256,
         image_type_key(item.type),
         item.byte_size,
         item.width,
         item.height,
         item.original_name,
         item.rights.source,
         item.rights.owner,
         rights_basis_key(item.rights.basis),
         item.rights.note,
         item.uploaded_by,
         item.uploaded_by_name,
         item.uploaded_at,
         device_match_key(item.device_match),
         item.device_id,
         item.device_make,
         item.device_model,
         item.device_serial,
         item.taken_at,
         item.gps_was_present,
         item.metadata_removed}));
    nlohmann::json detail = {{"sha256", item.sha256},
                             {"type", image_type_key(item.type)},
                             {"bytes", item.byte_size},
                             {"source", item.rights.source},
                             {"owner", item.rights.owner},
                             {"rights", rights_basis_key(item.rights.basis)},
                             {"device_match", device_match_key(item.device_match)},
                             {"gps_was_present", item.gps_was_present},
                             {"metadata_removed", item.metadata_removed}};
    TRY(append_audit(conn, clock, actor,
                     AuditEvent{"media.store", "media_item", std::to_string(item.id), school_id,
                                detail.dump()}));
    return item;
  });
  if (!saved.ok() && file.created) {
    // Undo the file unless another record has come to share it meanwhile.
    Result<Rows> users = db.read([&](Connection& conn) {
      return conn.query("SELECT 1 FROM media_items WHERE sha256 = ?", {item.sha256});
    });
    if (users.ok() && users->empty()) remove_content(media_dir, item.sha256);
  }
  return saved;
}

Result<MediaItem> get_media(Connection& conn, int64_t school_id, int64_t media_id) {
  Row row = TRY(conn.query_one(
      std::string("SELECT ") + kColumns + " FROM media_items WHERE id = ? AND school_id = ?",
      {media_id, school_id}, "The image"));
  return item_from_row(row);
}

Result<MediaItem> view_media(const SchoolScope& at, int64_t media_id) {
  MediaItem item = TRY(get_media(at.conn, at.school_id, media_id));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"media.view", "media_item", std::to_string(item.id), at.school_id, "{}"}));
  return item;
}

Result<std::vector<MediaItem>> list_media(Connection& conn, int64_t school_id, int64_t limit,
                                          int64_t offset) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM media_items WHERE school_id = ? ORDER BY uploaded_at DESC, id DESC";
  SqlParams params{school_id};
  if (limit > 0) {
    sql += " LIMIT ? OFFSET ?";
    params.emplace_back(limit);
    params.emplace_back(offset);
  }
  Rows rows = TRY(conn.query(sql, params));
  std::vector<MediaItem> out;
  for (const Row& r : rows) out.push_back(item_from_row(r));
  return out;
}

Result<std::string> read_media(Database& db, int64_t school_id, int64_t media_id,
                               const std::string& media_dir) {
  MediaItem item =
      TRY(db.read([&](Connection& conn) { return get_media(conn, school_id, media_id); }));
  return read_content(media_dir, item.sha256);
}

}  // namespace inloco

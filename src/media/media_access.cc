#include "media/media_access.h"

#include "media/content_store.h"

namespace inloco {

Result<std::vector<MediaItem>> media_shown_at(Connection& conn, int64_t school_id,
                                              const std::vector<int64_t>& media_ids) {
  std::vector<MediaItem> out;
  out.reserve(media_ids.size());
  for (int64_t id : media_ids) {
    auto item = get_media(conn, school_id, id);
    if (item.ok()) {
      out.push_back(std::move(item).value());
    } else if (item.error().code != ErrorCode::kNotFound) {
      return std::move(item).error();
    }
  }
  return out;
}

Result<MediaFile> open_media_file(Database& db, int64_t school_id, int64_t media_id,
                                  const std::string& media_dir) {
  MediaItem item = TRY(db.read([&](Connection& c) { return get_media(c, school_id, media_id); }));
  std::string bytes = TRY(read_content(media_dir, item.sha256));
  return MediaFile{item.type, std::move(bytes)};
}

}  // namespace inloco

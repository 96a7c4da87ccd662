// Who may see a picture of the media library (PST-6, PST-11, ORG-1). An image
// belongs to one school and is shown only there: at that school's addresses,
// to the people the permission table lets see its media library (media.view,
// checked before any handler runs), and only as the copy stored without its
// metadata. An image of another school is answered as one that does not
// exist, and where a page shows the images a record names (a post's), one
// that may not be shown there is left out rather than named.
//
// The one rule for the media pages, the media API and the post pages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "media/image_type.h"
#include "media/media_store.h"
#include "store/database.h"

namespace inloco {

// The images among `media_ids` that may be shown at the school, in the order
// given. One of another school, or no longer there, is left out (save_post
// refuses them, so only an old or altered record names one); a database
// failure is an error, never a shorter list.
Result<std::vector<MediaItem>> media_shown_at(Connection& conn, int64_t school_id,
                                              const std::vector<int64_t>& media_ids);

// A picture as it is sent to a browser: the stored (stripped) bytes and the
// type to send them as.
struct MediaFile {
  ImageType type = ImageType::kJpeg;
  std::string bytes;
};

// kNotFound unless the image belongs to the school; kInternal if the stored
// file no longer matches its hash.
Result<MediaFile> open_media_file(Database& db, int64_t school_id, int64_t media_id,
                                  const std::string& media_dir);

}  // namespace inloco

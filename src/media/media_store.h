// The media library: storing an uploaded image so that only a copy with every
// piece of metadata removed is ever kept (PST-11), with the device that took
// it checked against the school's approved devices (PST-10) and its source,
// owner and right to use it recorded (PST-6).
//
// store_media checks the upload (type by content, name and declared type,
// size), reads the original's metadata, matches the device, strips the
// metadata, writes the stripped bytes as a content-addressed file under
// `media_dir` (see content_store.h) and records the row and its audit entry
// ("media.store") in one transaction. On any refusal or failure nothing is
// kept: no row, no audit entry, and no file it created.
//
// Thread-safe as Database is; `media_dir` is injected so tests use a
// temporary folder.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "media/device_register.h"
#include "media/image_type.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// PST-6: material the school made itself, or someone else's used with their
// permission or with an acknowledgement.
enum class RightsBasis { kOwn, kPermission, kAcknowledgement };
std::string_view rights_basis_key(RightsBasis basis);  // "own", "permission", "acknowledgement"
std::optional<RightsBasis> parse_rights_basis(std::string_view key);

struct MediaRights {
  std::string source;  // where it came from: "Taken by Miss Patel on the Year 2 iPad"
  std::string owner;   // who holds the rights: "Oakfield Primary School"
  RightsBasis basis = RightsBasis::kOwn;
  // Required unless kOwn: the permission held ("Email from the photographer,
  // 3 May 2026") or the acknowledgement to show ("Photo: Canal & River Trust").
  std::string note;
};

struct MediaItem {
  int64_t id = 0;
  int64_t school_id = 0;
  std::string sha256;  // hex, of the stored (stripped) bytes
  ImageType type = ImageType::kJpeg;
  int64_t byte_size = 0;
  int64_t width = 0;  // 0 when not known
  int64_t height = 0;
  std::string original_name;
  MediaRights rights;
  std::optional<int64_t> uploaded_by;
  std::string uploaded_by_name;
  int64_t uploaded_at = 0;
  DeviceMatchKind device_match = DeviceMatchKind::kNoMetadata;
  std::optional<int64_t> device_id;
  std::string device_make;  // as read from the original, before stripping
  std::string device_model;
  std::string device_serial;  // every serial found, ", " between them
  std::optional<std::string> taken_at;
  bool gps_was_present = false;
  std::string metadata_removed;  // "EXIF, XMP, comment"; empty when there was none
};

// An image as a person uploads it: the file, with the name and the type their
// browser gave, and what they say about where it came from and who owns it.
// It refers to the caller's bytes for the length of one call.
struct MediaUpload {
  std::string_view file_name;
  std::string_view declared_type;
  std::string_view bytes;
  MediaRights rights;
};

// kInvalid (saying what was wrong and what to do) for a bad upload or missing
// rights; kNotFound for an unknown school; kUnavailable when the media folder
// cannot be written. Takes the Database, not a Connection: the stripped file is
// written before the transaction and removed again if the record is not kept.
Result<MediaItem> store_media(Database& db, const Clock& clock, const Actor& actor,
                              int64_t school_id, const std::string& media_dir,
                              const MediaUpload& upload, size_t max_bytes = kDefaultMaxImageBytes);

// kNotFound unless the item belongs to the school.
Result<MediaItem> get_media(Connection& conn, int64_t school_id, int64_t media_id);
// get_media for a person looking at what an image's original carried (its
// device, serials, whether it held a location): audited "media.view". Call
// inside Database::transaction.
Result<MediaItem> view_media(const SchoolScope& at, int64_t media_id);

// The school's media, newest first: `limit` items from `offset` (limit 0: all).
Result<std::vector<MediaItem>> list_media(Connection& conn, int64_t school_id, int64_t limit = 0,
                                          int64_t offset = 0);

// The stored (stripped) bytes of an item; kNotFound unless it belongs to the
// school, kInternal if the file no longer matches its hash.
Result<std::string> read_media(Database& db, int64_t school_id, int64_t media_id,
                               const std::string& media_dir);

}  // namespace inloco

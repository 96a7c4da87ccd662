// What an image's metadata says about where it came from (PST-10, PST-11):
// the device that took it (make, model, serial numbers), when, and whether it
// carries a location; and which metadata sets it carries at all.
//
// Read with exiv2 from memory; nothing is written. Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco {

struct ImageMetadata {
  std::string make;   // Exif.Image.Make (or Xmp.tiff.Make), trimmed: "Canon", "Apple"
  std::string model;  // Exif.Image.Model (or Xmp.tiff.Model): "Canon EOS 250D"
  // Every distinct serial number found, trimmed, in this order: Exif body
  // serial, Exif camera serial, maker-note serials (Canon, Nikon, ...), XMP.
  std::vector<std::string> serials;
  // When it was taken, as the camera wrote it, in ISO form without a zone
  // (cameras write local time): "2026-05-14T10:22:01".
  std::optional<std::string> taken_at;
  bool gps_present = false;  // any Exif GPS tag or XMP GPS property

  bool has_exif = false;
  bool has_iptc = false;
  bool has_xmp = false;
  bool has_comment = false;  // a JPEG comment or PNG description

  int64_t width = 0;  // pixels, when exiv2 can tell cheaply; 0 otherwise
  int64_t height = 0;

  bool has_metadata() const { return has_exif || has_iptc || has_xmp || has_comment; }
  // True when make, model or a serial number says which device took the image.
  bool names_device() const { return !make.empty() || !model.empty() || !serials.empty(); }
};

// kInvalid, saying so, when exiv2 cannot read the image (not an image, or
// damaged).
Result<ImageMetadata> read_image_metadata(std::string_view bytes);

}  // namespace inloco

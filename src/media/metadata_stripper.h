// Removing every piece of metadata from an image before it is stored (PST-11):
// EXIF (device, serial numbers, times, GPS, embedded thumbnails), IPTC
// (captions, people, places), XMP (people tags, history), comments and
// anything else that is not needed to show the picture.
//
// The image is rebuilt from an allow-list of the structures that carry
// pixels or how to show them, rather than by asking a metadata library to
// delete what it knows about; so maker-specific segments, extra images (MPF),
// JFIF thumbnails and data after the end of the image go too:
//   JPEG  frame, scan, tables and restart segments; JFIF (its thumbnail
//         dropped); ICC colour profile (APP2 ICC_PROFILE); Adobe colour
//         transform (APP14). Everything after the end-of-image marker goes.
//   PNG   IHDR PLTE IDAT IEND tRNS gAMA cHRM sRGB iCCP sBIT bKGD pHYs and
//         the animation chunks acTL fcTL fdAT. Text (tEXt iTXt zTXt), eXIf,
//         tIME and unknown chunks go.
//   WebP  VP8 VP8L ALPH ANIM ANMF ICCP, and VP8X with its EXIF and XMP flags
//         cleared. EXIF, XMP and unknown chunks go.
// The copy is then read back with exiv2, and refused (kInternal) if any EXIF,
// IPTC, XMP or comment survived. Pixel data is copied byte for byte.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "media/image_type.h"

namespace inloco {

struct StrippedImage {
  std::string bytes;
  // What was removed, for the record: "EXIF", "XMP", "IPTC", "comment",
  // "JFIF thumbnail", "PNG text", ... (each once, in the order found).
  std::vector<std::string> removed;
};

// kInvalid, saying what is wrong and what to do, when the image is damaged
// (truncated, a bad length or checksum, no image data).
Result<StrippedImage> strip_metadata(ImageType type, std::string_view bytes);

}  // namespace inloco

#include "media/metadata_stripper.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "media/image_metadata.h"

namespace inloco {
namespace {

using namespace std::string_view_literals;

Error damaged(ImageType type, const std::string& what) {
  return Error::invalid("This " + std::string(image_type_label(type)) + " image is damaged (" +
                        what +
                        "), so it cannot be used. Copy it from the camera or tablet again, or "
                        "open and save it again in a photo editor, then upload it again.");
}

void note(std::vector<std::string>& removed, std::string what) {
  if (std::find(removed.begin(), removed.end(), what) == removed.end())
    removed.push_back(std::move(what));
}

uint32_t be16(std::string_view b, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(b[at])) << 8) |
         static_cast<unsigned char>(b[at + 1]);
}
uint32_t be32(std::string_view b, size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
uint32_t le32(std::string_view b, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}
void put_le32(std::string& out, uint32_t v) {
  for (int shift = 0; shift <= 24; shift += 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

// ---- JPEG ----

std::string_view app_name(unsigned marker, std::string_view payload) {
  if (marker == 0xE1 && payload.substr(0, 6) == "Exif\0\0"sv) return "EXIF";
  if (marker == 0xE1 && payload.substr(0, 29) == "http://ns.adobe.com/xap/1.0/\0"sv) return "XMP";
  if (marker == 0xE1 && payload.substr(0, 34) == "http://ns.adobe.com/xmp/extension/") return "XMP";
  if (marker == 0xED) return "IPTC (Photoshop)";
  if (marker == 0xE2 && payload.substr(0, 4) == "MPF\0"sv) return "extra images (MPF)";
  if (marker == 0xE0 && payload.substr(0, 5) == "JFXX\0"sv) return "JFIF thumbnail";
  if (marker == 0xFE) return "comment";
  return "";
}

Result<StrippedImage> strip_jpeg(std::string_view b) {
  constexpr ImageType kType = ImageType::kJpeg;
  StrippedImage out;
  std::string& o = out.bytes;
  o.reserve(b.size());
  if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF ||
      static_cast<unsigned char>(b[1]) != 0xD8)
    return damaged(kType, "it does not start like a JPEG");
  o.append("\xFF\xD8"sv);
  size_t i = 2;
  bool frame = false, scan = false;
  for (;;) {
    if (i >= b.size()) return damaged(kType, "it ends before its end-of-image marker");
    if (static_cast<unsigned char>(b[i]) != 0xFF)
      return damaged(kType, "unexpected bytes between its segments");
    while (i < b.size() && static_cast<unsigned char>(b[i]) == 0xFF) ++i;  // fill bytes
    if (i >= b.size()) return damaged(kType, "it ends before its end-of-image marker");
    unsigned marker = static_cast<unsigned char>(b[i++]);
    if (marker == 0xD9) {
      if (!frame || !scan) return damaged(kType, "it has no picture data");
      o.append("\xFF\xD9"sv);
      if (i < b.size()) note(out.removed, "data after the end of the image");
      return out;
    }
    if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {  // standalone markers
      o.push_back('\xFF');
      o.push_back(static_cast<char>(marker));
      continue;
    }
    if (marker == 0xD8 || marker == 0x00) return damaged(kType, "a misplaced marker");
    if (i + 2 > b.size()) return damaged(kType, "it ends inside a segment");
    size_t length = be16(b, i);
    if (length < 2 || i + length > b.size()) return damaged(kType, "a segment runs past the end");
    std::string_view segment = b.substr(i - 2, length + 2);  // marker and all
    std::string_view payload = b.substr(i + 2, length - 2);
    i += length;

    if (marker == 0xDA) {  // start of scan: copy its entropy-coded data
      if (!frame) return damaged(kType, "picture data before its frame header");
      o.append(segment);
      scan = true;
      size_t start = i;
      for (;;) {
        if (i + 1 >= b.size()) return damaged(kType, "it ends inside its picture data");
        if (static_cast<unsigned char>(b[i]) == 0xFF) {
          unsigned next = static_cast<unsigned char>(b[i + 1]);
          if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
            i += 2;
            continue;
          }
          if (next == 0xFF) {  // fill byte before a marker
            ++i;
            continue;
          }
          break;
        }
        ++i;
      }
      o.append(b.substr(start, i - start));
      continue;
    }

    bool keep = false;
    if (marker >= 0xC0 && marker <= 0xCF) {  // frames, DHT, DAC
      keep = true;
      if (marker != 0xC4 && marker != 0xC8 && marker != 0xCC) frame = true;
    } else if (marker == 0xDB || marker == 0xDD || marker == 0xDC || marker == 0xDE ||
               marker == 0xDF) {  // DQT, DRI, DNL, DHP, EXP
      keep = true;
    } else if (marker == 0xE0 && payload.substr(0, 5) == "JFIF\0"sv && payload.size() >= 14) {
      // Keep JFIF's version and pixel density; drop its thumbnail.
      if (payload.size() > 14 || payload[12] != 0 || payload[13] != 0)
        note(out.removed, "JFIF thumbnail");
      o.append("\xFF\xE0\x00\x10"sv);
      o.append(payload.substr(0, 12));
      o.append("\x00\x00"sv);
      continue;
    } else if (marker == 0xE2 && payload.substr(0, 12) == "ICC_PROFILE\0"sv) {
      keep = true;  // colour, not metadata: without it colours shift
    } else if (marker == 0xEE && payload.substr(0, 5) == "Adobe") {
      keep = true;  // the colour transform decoders need
    }
    if (keep) {
      o.append(segment);
    } else {
      std::string_view name = app_name(marker, payload);
      if (!name.empty())
        note(out.removed, std::string(name));
      else if (marker >= 0xE0 && marker <= 0xEF)
        note(out.removed, "APP" + std::to_string(marker - 0xE0) + " segment");
      else
        note(out.removed, "unknown segment");
    }
  }
}

// ---- PNG ----

uint32_t crc32(std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

Result<StrippedImage> strip_png(std::string_view b) {
  constexpr ImageType kType = ImageType::kPng;
  constexpr std::array<std::string_view, 15> kKeep = {"IHDR", "PLTE", "IDAT", "IEND", "tRNS",
                                                      "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
                                                      "bKGD", "pHYs", "acTL", "fcTL", "fdAT"};
  StrippedImage out;
  out.bytes.reserve(b.size());
  if (b.size() < 8 || b.substr(0, 8) != "\x89PNG\r\n\x1A\n"sv)
    return damaged(kType, "it does not start like a PNG");
  out.bytes.append(b.substr(0, 8));
  size_t i = 8;
  bool first = true, data = false;
  for (;;) {
    if (i + 12 > b.size()) return damaged(kType, "it ends before its IEND chunk");
    uint32_t length = be32(b, i);
    if (length > 0x7FFFFFFFu || i + 12 + length > b.size())
      return damaged(kType, "a chunk runs past the end");
    std::string_view type = b.substr(i + 4, 4);
    for (char c : type)
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
        return damaged(kType, "a chunk with an invalid name");
    std::string_view typed = b.substr(i + 4, 4 + length);  // the CRC covers type and data
    if (crc32(typed) != be32(b, i + 8 + length))
      return damaged(kType, "the checksum of its " + std::string(type) + " chunk is wrong");
    std::string_view chunk = b.substr(i, 12 + length);
    i += 12 + length;
    if (first && (type != "IHDR" || length != 13))
      return damaged(kType, "it does not start with an IHDR chunk");
    first = false;
    if (std::find(kKeep.begin(), kKeep.end(), type) != kKeep.end()) {
      out.bytes.append(chunk);
      if (type == "IDAT") data = true;
      if (type == "IEND") {
        if (!data) return damaged(kType, "it has no picture data");
        if (i < b.size()) note(out.removed, "data after the end of the image");
        return out;
      }
      continue;
    }
    if (type[0] >= 'A' && type[0] <= 'Z')
      return Error::invalid("This PNG image uses a feature inloco does not know (its " +
                            std::string(type) +
                            " chunk), so it cannot be checked. Open it in a photo editor, save "
                            "it again as PNG or JPEG, and upload it again.");
    if (type == "tEXt" || type == "zTXt" || type == "iTXt")
      note(out.removed, "PNG text (where EXIF, IPTC, XMP and comments are kept)");
    else if (type == "eXIf")
      note(out.removed, "EXIF");
    else if (type == "tIME")
      note(out.removed, "time stamp");
    else
      note(out.removed, std::string(type) + " chunk");
  }
}

// ---- WebP ----

Result<StrippedImage> strip_webp(std::string_view b) {
  constexpr ImageType kType = ImageType::kWebp;
  StrippedImage out;
  if (b.size() < 12 || b.substr(0, 4) != "RIFF" || b.substr(8, 4) != "WEBP")
    return damaged(kType, "it does not start like a WebP");
  uint64_t riff_size = le32(b, 4);
  if (riff_size + 8 > b.size()) return damaged(kType, "it is shorter than its header says");
  if (riff_size + 8 < b.size()) note(out.removed, "data after the end of the image");
  std::string_view body = b.substr(12, riff_size - 4);
  std::string chunks;
  bool picture = false;
  size_t i = 0;
  while (i < body.size()) {
    if (i + 8 > body.size()) return damaged(kType, "it ends inside a chunk header");
    std::string_view fourcc = body.substr(i, 4);
    uint64_t size = le32(body, i + 4);
    uint64_t padded = size + (size & 1);
    if (i + 8 + size > body.size()) return damaged(kType, "a chunk runs past the end");
    std::string chunk(body.substr(i, 8 + std::min<uint64_t>(padded, body.size() - i - 8)));
    if (chunk.size() < 8 + padded) chunk.push_back('\0');  // a missing final pad byte
    i += 8 + padded;
    if (fourcc == "VP8 " || fourcc == "VP8L" || fourcc == "ANMF") picture = true;
    if (fourcc == "VP8X") {
      if (size < 10) return damaged(kType, "its VP8X header is too short");
      chunk[8] = static_cast<char>(static_cast<unsigned char>(chunk[8]) & ~0x0Cu);  // EXIF, XMP
      chunks += chunk;
    } else if (fourcc == "VP8 " || fourcc == "VP8L" || fourcc == "ALPH" || fourcc == "ANIM" ||
               fourcc == "ANMF" || fourcc == "ICCP") {
      chunks += chunk;
    } else if (fourcc == "EXIF") {
      note(out.removed, "EXIF");
    } else if (fourcc == "XMP ") {
      note(out.removed, "XMP");
    } else {
      note(out.removed, "unknown chunk");
    }
  }
  if (!picture) return damaged(kType, "it has no picture data");
  out.bytes.reserve(12 + chunks.size());
  out.bytes.append("RIFF");
  put_le32(out.bytes, static_cast<uint32_t>(chunks.size() + 4));
  out.bytes.append("WEBP");
  out.bytes += chunks;
  return out;
}

}  // namespace

Result<StrippedImage> strip_metadata(ImageType type, std::string_view bytes) {
  Result<StrippedImage> stripped = [&]() -> Result<StrippedImage> {
    switch (type) {
      case ImageType::kJpeg:
        return strip_jpeg(bytes);
      case ImageType::kPng:
        return strip_png(bytes);
      case ImageType::kWebp:
        return strip_webp(bytes);
    }
    return Error::internal("unknown image type");
  }();
  if (!stripped.ok()) return stripped;
  // Prove it: nothing exiv2 can find may survive.
  ImageMetadata left = TRY(read_image_metadata(stripped->bytes));
  if (left.has_metadata())
    return Error::internal("Metadata survived removal from this " +
                           std::string(image_type_label(type)) +
                           " image, so it was not stored. Please report this to your inloco "
                           "administrator with the image.");
  if (sniff_image_type(stripped->bytes) != type)
    return Error::internal("Removing metadata changed the image's type; it was not stored.");
  return stripped;
}

}  // namespace inloco

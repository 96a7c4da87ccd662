#include "media/image_metadata.h"

#include <algorithm>
#include <array>
#include <exception>

#include "media/exiv2_support.h"

namespace inloco {
namespace {

std::string trimmed(std::string s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  // Some cameras pad ASCII fields with NULs.
  s = s.substr(b, e - b + 1);
  s.erase(std::remove(s.begin(), s.end(), '\0'), s.end());
  return s;
}

// Serial-number keys, most trustworthy first.
constexpr std::array<const char*, 14> kSerialKeys = {
    "Exif.Photo.BodySerialNumber",
    "Exif.Image.CameraSerialNumber",
    "Exif.Canon.SerialNumber",
    "Exif.Canon.InternalSerialNumber",
    "Exif.Nikon3.SerialNumber",
    "Exif.Nikon3.SerialNO",
    "Exif.Olympus.SerialNumber",
    "Exif.OlympusEq.SerialNumber",
    "Exif.Fujifilm.SerialNumber",
    "Exif.Pentax.SerialNumber",
    "Exif.PentaxDng.SerialNumber",
    "Exif.Sigma.SerialNumber",
    "Exif.Panasonic.InternalSerialNumber",
    "Exif.Sony1.SerialNumber",
};
constexpr std::array<const char*, 3> kXmpSerialKeys = {
    "Xmp.aux.SerialNumber",
    "Xmp.exifEX.BodySerialNumber",
    "Xmp.exif.BodySerialNumber",
};

// "2026:05:14 10:22:01" -> "2026-05-14T10:22:01"; other forms as written.
std::string iso_time(std::string t) {
  t = trimmed(std::move(t));
  if (t.size() >= 19 && t[4] == ':' && t[7] == ':' && t[10] == ' ') {
    t[4] = '-';
    t[7] = '-';
    t[10] = 'T';
    t.resize(19);
  }
  return t;
}

void add_serial(ImageMetadata& m, std::string s) {
  s = trimmed(std::move(s));
  if (s.empty() || s == "0") return;
  if (std::find(m.serials.begin(), m.serials.end(), s) == m.serials.end())
    m.serials.push_back(std::move(s));
}

template <typename Data>
std::string text_of(const Data& data, const char* key) {
  for (const auto& d : data)
    if (d.key() == key) return trimmed(d.toString());
  return "";
}

ImageMetadata summarise(Exiv2::Image& image) {
  ImageMetadata m;
  const Exiv2::ExifData& exif = image.exifData();
  const Exiv2::IptcData& iptc = image.iptcData();
  const Exiv2::XmpData& xmp = image.xmpData();
  m.has_exif = !exif.empty();
  m.has_iptc = !iptc.empty();
  m.has_xmp = !xmp.empty() || !image.xmpPacket().empty();
  m.has_comment = !trimmed(image.comment()).empty();

  m.make = text_of(exif, "Exif.Image.Make");
  if (m.make.empty()) m.make = text_of(xmp, "Xmp.tiff.Make");
  m.model = text_of(exif, "Exif.Image.Model");
  if (m.model.empty()) m.model = text_of(xmp, "Xmp.tiff.Model");
  for (const char* key : kSerialKeys) add_serial(m, text_of(exif, key));
  for (const char* key : kXmpSerialKeys) add_serial(m, text_of(xmp, key));

  for (const char* key :
       {"Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Image.DateTime"}) {
    std::string t = text_of(exif, key);
    if (!t.empty()) {
      m.taken_at = iso_time(t);
      break;
    }
  }
  if (!m.taken_at) {
    for (const char* key :
         {"Xmp.exif.DateTimeOriginal", "Xmp.photoshop.DateCreated", "Xmp.xmp.CreateDate"}) {
      std::string t = text_of(xmp, key);
      if (!t.empty()) {
        m.taken_at = t;
        break;
      }
    }
  }

  for (const auto& d : exif)
    if (d.groupName() == "GPSInfo") m.gps_present = true;
  for (const auto& d : xmp)
    if (d.key().rfind("Xmp.exif.GPS", 0) == 0) m.gps_present = true;

  m.width = image.pixelWidth();
  m.height = image.pixelHeight();
  return m;
}

}  // namespace

Result<ImageMetadata> read_image_metadata(std::string_view bytes) {
  ensure_exiv2_ready();
  if (bytes.empty())
    return Error::invalid("The image is empty. Choose the file again and upload it again.");
  try {
    auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                           static_cast<long>(bytes.size()));
    if (image.get() == nullptr)
      return Error::invalid(
          "This file is not an image inloco can read. Save it as JPEG, PNG or "
          "WebP and upload it again.");
    image->readMetadata();
    return summarise(*image);
  } catch (const Exiv2::AnyError& e) {
    return Error::invalid(
        "This image is damaged and cannot be read (" + std::string(e.what()) +
        "). Copy it from the camera or tablet again, or open and save it again in a photo "
        "editor, then upload it again.");
  } catch (const std::exception& e) {
    return Error::invalid("This image cannot be read (" + std::string(e.what()) +
                          "). Copy it from the camera or tablet again and upload it again.");
  }
}

}  // namespace inloco

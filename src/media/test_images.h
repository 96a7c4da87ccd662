// Tiny images for tests, built in code so no binary files are needed: an 8x8
// JPEG, PNG and WebP (lossy and lossless) with no metadata, and a way to add
// EXIF (make, model, serial numbers, date, GPS, thumbnail), IPTC, XMP and a
// comment to them with exiv2, as a camera or photo app would.
//
// For tests only: nothing in the library includes this header.
#pragma once

#include <string>
#include <string_view>

#include "media/exiv2_support.h"

namespace inloco::test {

inline const std::string& tiny_jpeg() {
  // 642 bytes
  static const std::string bytes(
      "\xFF\xD8\xFF\xE0\x00\x10\x4A\x46\x49\x46\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xFF\xDB\x00"
      "\x43"
      "\x00\x10\x0B\x0C\x0E\x0C\x0A\x10\x0E\x0D\x0E\x12\x11\x10\x13\x18\x28\x1A\x18\x16\x16\x18\x31"
      "\x23"
      "\x25\x1D\x28\x3A\x33\x3D\x3C\x39\x33\x38\x37\x40\x48\x5C\x4E\x40\x44\x57\x45\x37\x38\x50\x6D"
      "\x51"
      "\x57\x5F\x62\x67\x68\x67\x3E\x4D\x71\x79\x70\x64\x78\x5C\x65\x67\x63\xFF\xDB\x00\x43\x01\x11"
      "\x12"
      "\x12\x18\x15\x18\x2F\x1A\x1A\x2F\x63\x42\x38\x42\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63"
      "\x63"
      "\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63"
      "\x63"
      "\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\x63\xFF\xC0\x00\x11\x08\x00\x08\x00\x08"
      "\x03"
      "\x01\x22\x00\x02\x11\x01\x03\x11\x01\xFF\xC4\x00\x1F\x00\x00\x01\x05\x01\x01\x01\x01\x01\x01"
      "\x00"
      "\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\xFF\xC4\x00\xB5\x10"
      "\x00"
      "\x02\x01\x03\x03\x02\x04\x03\x05\x05\x04\x04\x00\x00\x01\x7D\x01\x02\x03\x00\x04\x11\x05\x12"
      "\x21"
      "\x31\x41\x06\x13\x51\x61\x07\x22\x71\x14\x32\x81\x91\xA1\x08\x23\x42\xB1\xC1\x15\x52\xD1\xF0"
      "\x24"
      "\x33\x62\x72\x82\x09\x0A\x16\x17\x18\x19\x1A\x25\x26\x27\x28\x29\x2A\x34\x35\x36\x37\x38\x39"
      "\x3A"
      "\x43\x44\x45\x46\x47\x48\x49\x4A\x53\x54\x55\x56\x57\x58\x59\x5A\x63\x64\x65\x66\x67\x68\x69"
      "\x6A"
      "\x73\x74\x75\x76\x77\x78\x79\x7A\x83\x84\x85\x86\x87\x88\x89\x8A\x92\x93\x94\x95\x96\x97\x98"
      "\x99"
      "\x9A\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xC2\xC3\xC4\xC5"
      "\xC6"
      "\xC7\xC8\xC9\xCA\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xE1\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9\xEA"
      "\xF1"
      "\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFF\xC4\x00\x1F\x01\x00\x03\x01\x01\x01\x01\x01\x01\x01"
      "\x01"
      "\x01\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\xFF\xC4\x00\xB5\x11"
      "\x00"
      "\x02\x01\x02\x04\x04\x03\x04\x07\x05\x04\x04\x00\x01\x02\x77\x00\x01\x02\x03\x11\x04\x05\x21"
      "\x31"
      "\x06\x12\x41\x51\x07\x61\x71\x13\x22\x32\x81\x08\x14\x42\x91\xA1\xB1\xC1\x09\x23\x33\x52\xF0"
      "\x15"
      "\x62\x72\xD1\x0A\x16\x24\x34\xE1\x25\xF1\x17\x18\x19\x1A\x26\x27\x28\x29\x2A\x35\x36\x37\x38"
      "\x39"
      "\x3A\x43\x44\x45\x46\x47\x48\x49\x4A\x53\x54\x55\x56\x57\x58\x59\x5A\x63\x64\x65\x66\x67\x68"
      "\x69"
      "\x6A\x73\x74\x75\x76\x77\x78\x79\x7A\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x92\x93\x94\x95\x96"
      "\x97"
      "\x98\x99\x9A\xA2\xA3\xA4\xA5\xA6\xA7\xA8\xA9\xAA\xB2\xB3\xB4\xB5\xB6\xB7\xB8\xB9\xBA\xC2\xC3"
      "\xC4"
      "\xC5\xC6\xC7\xC8\xC9\xCA\xD2\xD3\xD4\xD5\xD6\xD7\xD8\xD9\xDA\xE2\xE3\xE4\xE5\xE6\xE7\xE8\xE9"
      "\xEA"
      "\xF2\xF3\xF4\xF5\xF6\xF7\xF8\xF9\xFA\xFF\xDA\x00\x0C\x03\x01\x00\x02\x11\x03\x11\x00\x3F\x00"
      "\x05"
      "\xB7\xB5\x14\x51\x5E\x74\xB3\x1C\x45\xF7\x3B\xE3\x80\xA1\x6D\x8F\xFF\xD9",
      642);
  return bytes;
}

inline const std::string& tiny_png() {
  // 79 bytes
  static const std::string bytes(
      "\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x08\x00\x00\x00"
      "\x08"
      "\x08\x02\x00\x00\x00\x4B\x6D\x29\xDC\x00\x00\x00\x16\x49\x44\x41\x54\x08\x99\x63\x64\x68\xF8"
      "\xCF"
      "\xC2\xF0\x07\x0B\x52\x60\x78\x30\x84\x24\x00\x33\xB2\x40\x9D\xBA\x42\xB9\x09\x00\x00\x00\x00"
      "\x49"
      "\x45\x4E\x44\xAE\x42\x60\x82",
      79);
  return bytes;
}

inline const std::string& tiny_webp() {
  // 72 bytes
  static const std::string bytes(
      "\x52\x49\x46\x46\x40\x00\x00\x00\x57\x45\x42\x50\x56\x50\x38\x20\x34\x00\x00\x00\xB0\x01\x00"
      "\x9D"
      "\x01\x2A\x08\x00\x08\x00\x02\xC0\x4C\x25\xA8\x02\x74\x01\x0E\xA7\x4C\x00\x00\xFD\x3F\xEF\x32"
      "\xB9"
      "\x9E\x14\x2F\xD1\x86\x13\xE8\x07\xFB\x42\x7C\x99\xF1\xF9\xCA\x6C\xFB\x9B\xFC\x76\x1C\x1C\x00"
      "\x00",
      72);
  return bytes;
}

inline const std::string& tiny_webp_lossless() {
  // 62 bytes
  static const std::string bytes(
      "\x52\x49\x46\x46\x36\x00\x00\x00\x57\x45\x42\x50\x56\x50\x38\x4C\x29\x00\x00\x00\x2F\x07\xC0"
      "\x01"
      "\x00\x99\x8C\xE8\x7F\x6C\x22\xB2\xFF\x01\x21\x01\x61\xBA\xF1\x9A\x03\x04\x02\x94\xA9\xC2\x10"
      "\x04"
      "\xD9\x36\xFE\x96\x03\xD9\xFE\x98\x00\x77\x66\x73\x36\x00",
      62);
  return bytes;
}

struct TestMetadata {
  std::string make = "Canon";
  std::string model = "Canon EOS 250D";
  std::string body_serial = "123052001234";   // Exif.Photo.BodySerialNumber
  std::string camera_serial;                  // Exif.Image.CameraSerialNumber
  std::string xmp_serial;                     // Xmp.aux.SerialNumber
  std::string taken = "2026:05:14 10:22:01";  // Exif.Photo.DateTimeOriginal
  bool gps = true;                            // latitude and longitude near Norwich
  bool thumbnail = false;                     // an EXIF thumbnail (JPEG only)
  bool iptc = true;                           // caption, city, a person shown (JPEG, PNG)
  bool xmp = true;                            // people tags
  bool comment = true;                        // JPEG comment / PNG description
};

// `image` with `m` written into it by exiv2.
inline std::string with_metadata(std::string_view image, const TestMetadata& m = {}) {
  ensure_exiv2_ready();
  auto img = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(image.data()),
                                       static_cast<long>(image.size()));
  img->readMetadata();
  Exiv2::ExifData exif;
  if (!m.make.empty()) exif["Exif.Image.Make"] = m.make;
  if (!m.model.empty()) exif["Exif.Image.Model"] = m.model;
  if (!m.body_serial.empty()) exif["Exif.Photo.BodySerialNumber"] = m.body_serial;
  if (!m.camera_serial.empty()) exif["Exif.Image.CameraSerialNumber"] = m.camera_serial;
  if (!m.taken.empty()) exif["Exif.Photo.DateTimeOriginal"] = m.taken;
  if (m.gps) {
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLatitude"] = Exiv2::URationalValue();
    exif["Exif.GPSInfo.GPSLatitude"].setValue("52/1 37/1 48/1");
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
    exif["Exif.GPSInfo.GPSLongitude"] = Exiv2::URationalValue();
    exif["Exif.GPSInfo.GPSLongitude"].setValue("1/1 17/1 53/1");
  }
  if (m.thumbnail) {
    const std::string& thumb = tiny_jpeg();
    Exiv2::ExifThumb(exif).setJpegThumbnail(reinterpret_cast<const Exiv2::byte*>(thumb.data()),
                                            static_cast<long>(thumb.size()));
  }
  img->setExifData(exif);
  if (m.iptc && img->supportsMetadata(Exiv2::mdIptc)) {
    Exiv2::IptcData iptc;
    iptc["Iptc.Application2.Caption"] = "Jack Smith (Year 2) at sports day";
    iptc["Iptc.Application2.City"] = "Norwich";
    iptc["Iptc.Application2.Byline"] = "Miss Patel";
    img->setIptcData(iptc);
  }
  Exiv2::XmpData xmp;
  if (m.xmp) {
    xmp["Xmp.dc.subject"] = "Jack Smith";
    xmp["Xmp.dc.description"] = "Year 2 sports day";
  }
  if (!m.xmp_serial.empty()) xmp["Xmp.aux.SerialNumber"] = m.xmp_serial;
  if (!xmp.empty()) img->setXmpData(xmp);
  if (m.comment && img->supportsMetadata(Exiv2::mdComment)) img->setComment("Pupil: Jack Smith");
  img->writeMetadata();
  Exiv2::BasicIo& io = img->io();
  io.open();
  io.seek(0, Exiv2::BasicIo::beg);
  Exiv2::DataBuf buf = io.read(static_cast<long>(io.size()));
  io.close();
  return std::string(reinterpret_cast<const char*>(buf.pData_), static_cast<size_t>(buf.size_));
}

// Inserts a raw JPEG segment (marker and payload) straight after SOI.
inline std::string with_jpeg_segment(std::string_view jpeg, unsigned char marker,
                                     std::string_view payload) {
  std::string seg = {'\xFF', static_cast<char>(marker),
                     static_cast<char>(((payload.size() + 2) >> 8) & 0xFF),
                     static_cast<char>((payload.size() + 2) & 0xFF)};
  seg.append(payload);
  std::string out(jpeg.substr(0, 2));
  out += seg;
  out.append(jpeg.substr(2));
  return out;
}

}  // namespace inloco::test

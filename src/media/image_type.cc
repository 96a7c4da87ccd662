#include "media/image_type.h"

#include <cstdio>

namespace inloco {
namespace {

using namespace std::string_view_literals;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_at(std::string_view b, std::string_view magic, size_t at = 0) {
  return b.size() >= at + magic.size() && b.substr(at, magic.size()) == magic;
}

// What a refused file looks like, so the message can help fix it.
std::string describe_other_content(std::string_view b) {
  if (starts_at(b, "GIF87a") || starts_at(b, "GIF89a")) return "a GIF image";
  if (starts_at(b, "ftypheic", 4) || starts_at(b, "ftypheix", 4) || starts_at(b, "ftypmif1", 4) ||
      starts_at(b, "ftyphevc", 4))
    return "a HEIC image (the format iPhones and iPads save photos in)";
  if (starts_at(b, "ftypavif", 4)) return "an AVIF image";
  if (starts_at(b, "II*\0"sv) || starts_at(b, "MM\0*"sv)) return "a TIFF image or camera raw file";
  if (starts_at(b, "BM")) return "a BMP image";
  if (starts_at(b, "%PDF")) return "a PDF document";
  if (starts_at(b, "PK\3\4"sv)) return "a ZIP file or office document";
  if (starts_at(b, "<svg") || starts_at(b, "<?xml")) return "an SVG drawing or XML file";
  return "";
}

// The type an extension names; nullopt for no extension. `known` is false for
// an extension that is not an accepted image type.
struct NamedType {
  bool has_extension = false;
  std::optional<ImageType> type;
  std::string extension;
};

NamedType type_from_name(std::string_view name) {
  NamedType out;
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size() || dot == 0) return out;
  out.has_extension = true;
  out.extension = lower_ascii(name.substr(dot));
  const std::string& e = out.extension;
  if (e == ".jpg" || e == ".jpeg" || e == ".jpe" || e == ".jfif") out.type = ImageType::kJpeg;
  if (e == ".png") out.type = ImageType::kPng;
  if (e == ".webp") out.type = ImageType::kWebp;
  return out;
}

// nullopt when nothing useful was declared.
std::optional<std::string> declared_content_type(std::string_view declared) {
  size_t semi = declared.find(';');
  std::string t = lower_ascii(trim(declared.substr(0, semi)));
  if (t.empty() || t == "application/octet-stream" || t == "binary/octet-stream")
    return std::nullopt;
  return t;
}

std::optional<ImageType> type_from_content_type(const std::string& t) {
  if (t == "image/jpeg" || t == "image/jpg" || t == "image/pjpeg") return ImageType::kJpeg;
  if (t == "image/png" || t == "image/x-png") return ImageType::kPng;
  if (t == "image/webp") return ImageType::kWebp;
  return std::nullopt;
}

std::string megabytes(size_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
  return buf;
}

}  // namespace

std::string_view image_type_key(ImageType type) {
  switch (type) {
    case ImageType::kJpeg:
      return "jpeg";
    case ImageType::kPng:
      return "png";
    case ImageType::kWebp:
      return "webp";
  }
  return "jpeg";
}

std::optional<ImageType> parse_image_type(std::string_view key) {
  for (ImageType t : {ImageType::kJpeg, ImageType::kPng, ImageType::kWebp})
    if (image_type_key(t) == key) return t;
  return std::nullopt;
}

std::string_view image_type_label(ImageType type) {
  switch (type) {
    case ImageType::kJpeg:
      return "JPEG";
    case ImageType::kPng:
      return "PNG";
    case ImageType::kWebp:
      return "WebP";
  }
  return "JPEG";
}

std::string_view image_content_type(ImageType type) {
  switch (type) {
    case ImageType::kJpeg:
      return "image/jpeg";
    case ImageType::kPng:
      return "image/png";
    case ImageType::kWebp:
      return "image/webp";
  }
  return "image/jpeg";
}

std::string_view image_extension(ImageType type) {
  switch (type) {
    case ImageType::kJpeg:
      return ".jpg";
    case ImageType::kPng:
      return ".png";
    case ImageType::kWebp:
      return ".webp";
  }
  return ".jpg";
}

std::optional<ImageType> sniff_image_type(std::string_view b) {
  if (starts_at(b, "\xFF\xD8\xFF"sv)) return ImageType::kJpeg;
  if (starts_at(b, "\x89PNG\r\n\x1A\n"sv)) return ImageType::kPng;
  if (starts_at(b, "RIFF"sv) && starts_at(b, "WEBP"sv, 8)) return ImageType::kWebp;
  return std::nullopt;
}

std::string clean_upload_name(std::string_view file_name) {
  size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string out;
  for (char c : file_name) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) continue;
    out.push_back(c);
  }
  if (out.size() > 120) {
    // Cut at a UTF-8 character boundary.
    size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

Result<ImageType> check_image_upload(std::string_view file_name, std::string_view declared_type,
                                     std::string_view bytes, size_t max_bytes) {
  std::string name = clean_upload_name(file_name);
  std::string called = name.empty() ? "This file" : "The file " + name;
  if (bytes.empty())
    return Error::invalid(called +
                          " is empty. Choose the image again and upload it; if it is "
                          "still empty, copy it from the camera or tablet again.");
  if (bytes.size() > max_bytes)
    return Error::invalid(called + " is " + megabytes(bytes.size()) + "; images can be at most " +
                          megabytes(max_bytes) +
                          ". Export it at a smaller size (for example 2000 pixels wide) and "
                          "upload it again.");
  std::optional<ImageType> type = sniff_image_type(bytes);
  if (!type) {
    std::string what = describe_other_content(bytes);
    return Error::invalid(
        called + " is not a JPEG, PNG or WebP image" +
        (what.empty() ? std::string(" (inloco cannot tell what it is)") : " (it is " + what + ")") +
        ". Save or export it as JPEG, PNG or WebP and upload it again.");
  }
  NamedType named = type_from_name(name);
  if (named.has_extension && named.type != type)
    return Error::invalid("This file is called " + name + " but is a " +
                          std::string(image_type_label(*type)) +
                          " image. Files must be what their name says: rename it to end in " +
                          std::string(image_extension(*type)) +
                          ", or save it again in the format its name gives, "
                          "and upload it again.");
  if (std::optional<std::string> declared = declared_content_type(declared_type)) {
    std::optional<ImageType> d = type_from_content_type(*declared);
    if (d != type)
      return Error::invalid("The upload said " + (name.empty() ? std::string("this file") : name) +
                            " is " + *declared + " but it is a " +
                            std::string(image_type_label(*type)) +
                            " image. Upload it again; if this keeps happening, save it again as " +
                            std::string(image_type_label(*type)) + " with a name ending in " +
                            std::string(image_extension(*type)) + ".");
  }
  return *type;
}

}  // namespace inloco

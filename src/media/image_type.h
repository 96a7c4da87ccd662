// The image types inloco accepts (JPEG, PNG and WebP) and the check every
// upload passes first: the type is read from the content (its magic bytes),
// never trusted from the file name or the declared content type, and both of
// those must agree with the content when they are given.
//
// Pure functions of their inputs; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

enum class ImageType { kJpeg, kPng, kWebp };

// "jpeg", "png", "webp": the stored key.
std::string_view image_type_key(ImageType type);
std::optional<ImageType> parse_image_type(std::string_view key);
// "JPEG", "PNG", "WebP": for messages.
std::string_view image_type_label(ImageType type);
// "image/jpeg", "image/png", "image/webp".
std::string_view image_content_type(ImageType type);
// ".jpg", ".png", ".webp": the extension to suggest.
std::string_view image_extension(ImageType type);

// JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A) or WebP (RIFF....WEBP);
// nullopt for anything else.
std::optional<ImageType> sniff_image_type(std::string_view bytes);

inline constexpr size_t kDefaultMaxImageBytes = 15 * 1024 * 1024;

// The type of an upload, from its content. kInvalid, saying what was wrong
// and what to do, when the file is empty, larger than `max_bytes`, not a
// JPEG, PNG or WebP image, or when its name's extension or the declared
// content type (both optional: empty, or application/octet-stream, means not
// declared) names a different type: "This file is called photo.jpg but is a
// PNG image. ..."
Result<ImageType> check_image_upload(std::string_view file_name, std::string_view declared_type,
                                     std::string_view bytes,
                                     size_t max_bytes = kDefaultMaxImageBytes);

// The last part of an uploaded file name, without control characters and at
// most 120 characters: safe to store and to show in messages.
std::string clean_upload_name(std::string_view file_name);

}  // namespace inloco

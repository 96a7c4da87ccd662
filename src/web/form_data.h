// Decoding what browsers send: query strings, urlencoded forms, multipart
// uploads and cookies. Malformed input gives an error, never a crash.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco::web {

using Fields = std::multimap<std::string, std::string>;

std::string url_decode(std::string_view s, bool plus_is_space = true);
std::string url_encode(std::string_view s);
Fields parse_urlencoded(std::string_view body);
std::map<std::string, std::string> parse_cookies(std::string_view header);

struct Upload {
  std::string field;
  std::string filename;
  std::string content_type;
  std::string data;
};
struct MultipartForm {
  Fields fields;
  std::multimap<std::string, Upload> files;
};
// content_type: the request's Content-Type header (holds the boundary).
Result<MultipartForm> parse_multipart(std::string_view content_type, std::string_view body);

// The first value of a field, or "".
std::string field(const Fields& fields, const std::string& name);

}  // namespace inloco::web

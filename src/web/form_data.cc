#include "web/form_data.h"

#include <cctype>

namespace inloco::web {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The value of `name="..."` (or name=token) in a header's parameters.
std::string header_param(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while ((pos = header.find(name, pos)) != std::string_view::npos) {
    bool starts = pos == 0 || header[pos - 1] == ' ' || header[pos - 1] == ';';
    size_t eq = pos + name.size();
    if (starts && eq < header.size() && header[eq] == '=') {
      std::string_view rest = header.substr(eq + 1);
      if (!rest.empty() && rest.front() == '"') {
        size_t end = rest.find('"', 1);
        return std::string(rest.substr(1, end == std::string_view::npos ? end : end - 1));
      }
      size_t end = rest.find(';');
      return std::string(trim(rest.substr(0, end)));
    }
    pos = eq;
  }
  return {};
}
}  // namespace

std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 &&
               hex_value(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

Fields parse_urlencoded(std::string_view body) {
  Fields out;
  while (!body.empty()) {
    size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    body = amp == std::string_view::npos ? std::string_view{} : body.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = url_decode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1));
    out.emplace(std::move(key), std::move(value));
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  while (!header.empty()) {
    size_t semi = header.find(';');
    std::string_view part = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    size_t eq = part.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace(std::string(trim(part.substr(0, eq))), std::string(trim(part.substr(eq + 1))));
  }
  return out;
}

Result<MultipartForm> parse_multipart(std::string_view content_type, std::string_view body) {
  std::string boundary = header_param(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200)
    return Error::invalid("the upload has no multipart boundary");
  const std::string delimiter = "--" + boundary;
  MultipartForm form;
  size_t pos = body.find(delimiter);
  if (pos == std::string_view::npos) return Error::invalid("the upload is not a multipart form");
  for (;;) {
    pos += delimiter.size();
    if (body.substr(pos, 2) == "--") break;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return Error::invalid("the upload is malformed");
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return Error::invalid("the upload is malformed");
    std::string_view headers = body.substr(pos, headers_end - pos);
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string_view::npos) return Error::invalid("the upload was cut short");
    std::string_view data = body.substr(data_start, next - data_start);

    std::string disposition, part_type;
    while (!headers.empty()) {
      size_t eol = headers.find("\r\n");
      std::string_view line = headers.substr(0, eol);
      headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name(trim(line.substr(0, colon)));
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == "content-disposition") disposition = trim(line.substr(colon + 1));
      if (name == "content-type") part_type = trim(line.substr(colon + 1));
    }
    std::string field_name = header_param(disposition, "name");
    if (disposition.find("filename=") != std::string::npos) {
      Upload u{field_name, header_param(disposition, "filename"), part_type, std::string(data)};
      form.files.emplace(field_name, std::move(u));
    } else {
      form.fields.emplace(field_name, std::string(data));
    }
    pos = next + 2;
  }
  return form;
}

std::string field(const Fields& fields, const std::string& name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string() : it->second;
}

}  // namespace inloco::web

#include "filter/url_normaliser.h"

#include <arpa/inet.h>
#include <unicode/uidna.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <vector>

namespace inloco::filter {

namespace {

bool is_alpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool is_unreserved(unsigned char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool must_escape(unsigned char c) {
  return c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
         c == '}' || c == '|' || c == '^';
}
constexpr char kHex[] = "0123456789ABCDEF";

void append_escaped(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// Rule 10: canonical percent-encoding of a path or query, appended to `out`.
void canonical_escapes(std::string_view s, std::string& out) {
  // Most paths need nothing done: copy them whole.
  if (std::none_of(s.begin(), s.end(), [](char ch) {
        return ch == '%' || must_escape(static_cast<unsigned char>(ch));
      })) {
    out += s;
    return;
  }
  out.reserve(out.size() + s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%') {
      int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
      int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        out += "%25";
        continue;
      }
      unsigned char v = static_cast<unsigned char>(hi * 16 + lo);
      if (is_unreserved(v))
        out += static_cast<char>(v);
      else
        append_escaped(out, v);
      i += 2;
    } else if (must_escape(c)) {
      append_escaped(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

bool has_dot_segment(std::string_view path) {
  for (size_t i = path.find("/."); i != std::string_view::npos; i = path.find("/.", i + 1)) {
    std::string_view after = path.substr(i + 2);
    if (after.empty() || after[0] == '/' ||
        (after[0] == '.' && (after.size() == 1 || after[1] == '/')))
      return true;
  }
  return false;
}

// RFC 3986 section 5.2.4, on a path that starts with "/".
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t i = 1;  // after the leading '/'
  bool trailing_slash = false;
  while (i <= path.size()) {
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(i, end - i);
    bool last = end == path.size();
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing_slash = last;
    } else {
      segments.push_back(seg);
      trailing_slash = false;
    }
    i = end + 1;
  }
  std::string out;
  out.reserve(path.size());
  for (auto seg : segments) {
    out += '/';
    out += seg;
  }
  if (trailing_slash || out.empty()) out += '/';
  return out;
}

// One part of an IPv4 address in the WHATWG forms: decimal, 0x hex, 0 octal.
std::optional<uint64_t> ipv4_number(std::string_view part, bool& non_decimal) {
  if (part.empty()) return std::nullopt;
  int base = 10;
  if (part.size() >= 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    base = 16;
    part.remove_prefix(2);
    non_decimal = true;
    if (part.empty()) return 0;  // "0x" is zero, as browsers read it
  } else if (part.size() >= 2 && part[0] == '0') {
    base = 8;
    part.remove_prefix(1);
    non_decimal = true;
  }
  uint64_t v = 0;
  for (char ch : part) {
    int d = base == 16 ? hex_value(ch) : (is_digit(ch) ? ch - '0' : -1);
    if (d < 0 || d >= base) return std::nullopt;
    v = v * base + d;
    if (v > 0xffffffffULL) return std::nullopt;
  }
  return v;
}

bool looks_numeric(std::string_view label) {
  if (label.empty()) return false;
  if (label.size() >= 2 && label[0] == '0' && (label[1] == 'x' || label[1] == 'X')) {
    for (size_t i = 2; i < label.size(); ++i)
      if (hex_value(label[i]) < 0) return false;
    return true;
  }
  for (char c : label)
    if (!is_digit(c)) return false;
  return true;
}

std::string dotted_quad(uint32_t a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

// Rule 7. `host` is lower-case with no trailing dot; returns nullopt when it
// is not an IPv4 host at all (the last label is not numeric).
std::optional<Result<std::string>> parse_ipv4(std::string_view host, bool& numeric_form) {
  size_t last_dot = host.rfind('.');
  std::string_view last = last_dot == std::string_view::npos ? host : host.substr(last_dot + 1);
  if (!looks_numeric(last)) return std::nullopt;
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (true) {
    size_t end = host.find('.', i);
    if (end == std::string_view::npos) {
      parts.push_back(host.substr(i));
      break;
    }
    parts.push_back(host.substr(i, end - i));
    i = end + 1;
  }
  auto bad = [&] {
    return Result<std::string>(Error::invalid("The address " + std::string(host) +
                                              " is neither a host name nor an IPv4 address."));
  };
  if (parts.size() > 4) return bad();
  bool non_decimal = false;
  std::array<uint64_t, 4> n{};
  for (size_t k = 0; k < parts.size(); ++k) {
    auto v = ipv4_number(parts[k], non_decimal);
    if (!v) return bad();
    n[k] = *v;
  }
  uint32_t addr = 0;
  for (size_t k = 0; k + 1 < parts.size(); ++k) {
    if (n[k] > 255) return bad();
    addr |= static_cast<uint32_t>(n[k]) << (24 - 8 * k);
  }
  uint64_t room = 5 - parts.size();  // bytes the last part fills
  uint64_t last_v = n[parts.size() - 1];
  if (room < 4 && last_v >= (1ULL << (8 * room))) return bad();
  addr |= static_cast<uint32_t>(last_v);
  numeric_form = non_decimal || parts.size() != 4;
  return Result<std::string>(dotted_quad(addr));
}

struct IdnaCloser {
  void operator()(UIDNA* p) const { uidna_close(p); }
};

const UIDNA* uts46() {
  static const std::unique_ptr<UIDNA, IdnaCloser> idna = [] {
    UErrorCode err = U_ZERO_ERROR;
    UIDNA* p = uidna_openUTS46(UIDNA_NONTRANSITIONAL_TO_ASCII, &err);
    return std::unique_ptr<UIDNA, IdnaCloser>(U_SUCCESS(err) ? p : nullptr);
  }();
  return idna.get();
}

Result<std::string> to_punycode(std::string_view host) {
  const UIDNA* idna = uts46();
  if (!idna) return Error::internal("The IDNA converter (ICU) could not be opened.");
  std::string out(host.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = uidna_nameToASCII_UTF8(idna, host.data(), static_cast<int32_t>(host.size()),
                                     out.data(), static_cast<int32_t>(out.size()), &info, &err);
  // Hyphen placement errors are tolerated: real host names break those rules.
  uint32_t fatal = info.errors &
                   ~static_cast<uint32_t>(UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN |
                                          UIDNA_ERROR_HYPHEN_3_4 | UIDNA_ERROR_LABEL_TOO_LONG |
                                          UIDNA_ERROR_DOMAIN_NAME_TOO_LONG);
  if (U_FAILURE(err) || fatal != 0 || n < 0 || n > static_cast<int32_t>(out.size()))
    return Error::invalid("The host name is not a valid internationalised domain name.");
  out.resize(static_cast<size_t>(n));
  return out;
}

Result<std::string> normalise_ipv6(std::string_view inside, HostKind& kind) {
  std::string text(inside);
  for (char& c : text) c = lower(c);
  in6_addr a{};
  if (text.size() > 64 || inet_pton(AF_INET6, text.c_str(), &a) != 1)
    return Error::invalid("[" + text + "] is not a valid IPv6 address.");
  static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped, kMapped + 12, a.s6_addr)) {
    kind = HostKind::kIPv4;
    uint32_t v = (uint32_t{a.s6_addr[12]} << 24) | (uint32_t{a.s6_addr[13]} << 16) |
                 (uint32_t{a.s6_addr[14]} << 8) | a.s6_addr[15];
    return dotted_quad(v);
  }
  char buf[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(AF_INET6, &a, buf, sizeof buf)) return Error::invalid("Bad IPv6 address.");
  kind = HostKind::kIPv6;
  return "[" + std::string(buf) + "]";
}

struct HostResult {
  std::string host;
  HostKind kind = HostKind::kName;
  bool numeric_form = false;
};

bool is_host_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' || c == '_' || c == '.';
}

// Rules 5-9 for a host that is not an IPv6 literal.
Result<HostResult> normalise_name(std::string_view raw) {
  std::string host;
  host.reserve(raw.size());
  bool non_ascii = false;
  // The usual host is already lower-case ASCII with nothing escaped.
  bool plain = std::all_of(raw.begin(), raw.end(),
                           [](char c) { return is_host_char(static_cast<unsigned char>(c)); });
  if (plain) host = raw;
  for (size_t i = 0; i < raw.size() && !plain; ++i) {
    unsigned char c = static_cast<unsigned char>(raw[i]);
    if (c == '%' && i + 2 < raw.size() && hex_value(raw[i + 1]) >= 0 &&
        hex_value(raw[i + 2]) >= 0) {
      c = static_cast<unsigned char>(hex_value(raw[i + 1]) * 16 + hex_value(raw[i + 2]));
      i += 2;
    }
    if (c < 0x20 || c == 0x7f) return Error::invalid("The host name holds a control character.");
    if (c >= 0x80) non_ascii = true;
    host += lower(static_cast<char>(c));
  }
  if (non_ascii) host = TRY(to_punycode(host));
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return Error::invalid("The URL has no host.");
  if (host.size() > 253 + 1) return Error::invalid("The host name is longer than 253 characters.");
  if (host.front() == '.' || host.find("..") != std::string::npos)
    return Error::invalid("The host name " + host + " has an empty label.");
  HostResult r;
  bool numeric = false;
  if (auto v4 = parse_ipv4(host, numeric)) {
    if (!v4->ok()) return v4->error();
    r.host = std::move(*v4).value();
    r.kind = HostKind::kIPv4;
    r.numeric_form = numeric;
    return r;
  }
  for (char c : host) {
    if (!plain && !(is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.'))
      return Error::invalid("The host name " + host + " holds a character a host cannot have.");
  }
  r.host = std::move(host);
  return r;
}

uint16_t default_port(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return 0;
}

}  // namespace

std::string_view strip_www(std::string_view host) {
  if (host.size() < 4 || host[0] == '[') return host;
  size_t i = 0;
  if (host.starts_with("www"))
    i = 3;
  else if (host.starts_with("web") || host.starts_with("ftp"))
    i = 3;
  else
    return host;
  while (i < host.size() && is_digit(host[i])) ++i;
  if (i >= host.size() - 1 || host[i] != '.') return host;
  std::string_view rest = host.substr(i + 1);
  // An address such as www.1.2.3 is not a name with a www label.
  if (!rest.empty() && is_digit(rest.back())) {
    bool all = true;
    for (char c : rest) all = all && (is_digit(c) || c == '.');
    if (all) return host;
  }
  return rest;
}

std::string NormalisedUrl::url_key() const {
  std::string key(host_kind == HostKind::kName ? strip_www(host) : std::string_view(host));
  key.reserve(key.size() + path.size());
  // Runs of '/' in the path count as one, as squidGuard and web servers take
  // them ("//a//b" is "/a/b"), so that doubling a slash does not get past a
  // url entry. The query is kept as it is.
  bool in_query = false;
  for (char c : path) {
    in_query = in_query || c == '?';
    if (c == '/' && !in_query && !key.empty() && key.back() == '/') continue;
    key += lower(c);
  }
  return key;
}

std::string NormalisedUrl::expression_subject() const {
  std::string s;
  expression_subject(s);
  return s;
}

void NormalisedUrl::expression_subject(std::string& s) const {
  s.clear();
  if (!scheme.empty()) {
    s += scheme;
    s += "://";
  }
  s += host;
  if (port != 0) {
    char digits[8];
    int n = std::snprintf(digits, sizeof digits, ":%u", static_cast<unsigned>(port));
    s.append(digits, static_cast<size_t>(n));
  }
  size_t path_at = s.size();
  if (!scheme.empty() || path != "/") s += path;
  // Scheme and host are lower case already; the path may not be.
  for (size_t i = path_at; i < s.size(); ++i) s[i] = lower(s[i]);
}

std::string NormalisedUrl::to_string() const {
  std::string s;
  if (!scheme.empty()) s = scheme + "://";
  s += host;
  if (port != 0) s += ":" + std::to_string(port);
  if (!scheme.empty() || path != "/") s += path;
  return s;
}

Result<std::string> normalise_host(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    HostKind kind;
    return normalise_ipv6(host.substr(1, host.size() - 2), kind);
  }
  HostResult r = TRY(normalise_name(host));
  return std::move(r.host);
}

Result<NormalisedUrl> normalise_url(std::string_view raw) {
  if (raw.size() > kMaxUrlBytes) return Error::invalid("The URL is too long.");
  while (!raw.empty() &&
         (raw.front() == ' ' || raw.front() == '\t' || raw.front() == '\r' || raw.front() == '\n'))
    raw.remove_prefix(1);
  while (!raw.empty() &&
         (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r' || raw.back() == '\n'))
    raw.remove_suffix(1);
  if (raw.empty()) return Error::invalid("The URL is empty.");

  NormalisedUrl url;
  // Rule 2: the scheme.
  if (is_alpha(static_cast<unsigned char>(raw[0]))) {
    size_t i = 1;
    while (i < raw.size() && (is_alpha(raw[i]) || is_digit(raw[i]) || raw[i] == '+' ||
                              raw[i] == '-' || raw[i] == '.'))
      ++i;
    if (raw.substr(i, 3) == "://") {
      url.scheme.reserve(i);
      for (size_t k = 0; k < i; ++k) url.scheme += lower(raw[k]);
      raw.remove_prefix(i + 3);
    }
  }
  // Rule 3: fragment off; the authority ends at / \ ? or the end.
  if (size_t hash = raw.find('#'); hash != std::string_view::npos) raw = raw.substr(0, hash);
  size_t auth_end = raw.find_first_of("/\\?");
  if (auth_end == std::string_view::npos) auth_end = raw.size();
  std::string_view authority = raw.substr(0, auth_end);
  std::string_view rest = raw.substr(auth_end);

  // Rule 4: user information and port.
  if (size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  std::string_view host_part = authority;
  std::string_view port_part;
  bool v6 = !authority.empty() && authority[0] == '[';
  if (v6) {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return Error::invalid("The IPv6 address has no \"]\".");
    host_part = authority.substr(0, close + 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return Error::invalid("Unexpected text after the IPv6 address.");
      port_part = after.substr(1);
    }
  } else if (size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host_part = authority.substr(0, colon);
    port_part = authority.substr(colon + 1);
  }
  if (!port_part.empty()) {
    uint32_t p = 0;
    for (char c : port_part) {
      if (!is_digit(c) || port_part.size() > 5)
        return Error::invalid("The port " + std::string(port_part.substr(0, 16)) +
                              " is not a number.");
      p = p * 10 + static_cast<uint32_t>(c - '0');
    }
    if (p > 65535) return Error::invalid("The port is larger than 65535.");
    url.port = static_cast<uint16_t>(p);
    if (url.port == default_port(url.scheme)) url.port = 0;
  }

  // Rules 5-9: the host.
  if (v6) {
    url.host = TRY(normalise_ipv6(host_part.substr(1, host_part.size() - 2), url.host_kind));
  } else {
    HostResult h = TRY(normalise_name(host_part));
    url.host = std::move(h.host);
    url.host_kind = h.kind;
    url.numeric_form = h.numeric_form;
  }

  // Rule 10: path and query.
  std::string path_text;
  std::string_view query;
  size_t q = rest.find('?');
  std::string_view path_raw = rest.substr(0, q);
  if (q != std::string_view::npos) query = rest.substr(q);
  path_text.reserve(path_raw.size() + 1);
  if (path_raw.empty() || (path_raw[0] != '/' && path_raw[0] != '\\')) path_text += '/';
  path_text += path_raw;
  std::replace(path_text.begin(), path_text.end(), '\\', '/');
  url.path.reserve(path_text.size() + query.size());
  canonical_escapes(path_text, url.path);
  if (has_dot_segment(url.path)) url.path = remove_dot_segments(url.path);
  if (!query.empty()) canonical_escapes(query, url.path);
  return url;
}

}  // namespace inloco::filter

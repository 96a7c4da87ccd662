// URL normalisation for the web filter (NET-1, NET-6): every URL a proxy sees
// is brought to one canonical form before it is matched against the category
// lists, so that the same site written another way (upper case, a trailing
// dot, percent-encoding, a decimal IP address, an internationalised name...)
// cannot slip past a list entry.
//
// The rules, in the order they are applied:
//   1. Input longer than kMaxUrlBytes, empty, or holding NUL or other control
//      bytes in the host is refused with an error (never a crash: any byte
//      string is accepted as input and either normalised or refused).
//      Leading and trailing ASCII white space is trimmed.
//   2. Scheme: "name://" (a letter, then letters, digits, + - .) is taken off
//      and kept lower-cased in `scheme`. Without "://" the input is a bare
//      authority: the CONNECT form "host:port" or "host/path".
//   3. The fragment ("#..."), which browsers never send, is dropped. A
//      backslash counts as "/" (browsers treat it so in http(s) URLs).
//   4. Authority: user information ("user:pass@") is dropped; the port is
//      split off ("host:port", "[v6]:port"); a port that is not a number up to
//      65535 is refused; the scheme's default port (http 80, https 443,
//      ftp 21, ws 80, wss 443) becomes "no port".
//   5. Host: percent-escapes are decoded; ASCII is lower-cased; trailing dots
//      are removed ("facebook.com." is "facebook.com"); an empty label
//      ("a..b") is refused.
//   6. Internationalised names (any byte >= 0x80, which must then be UTF-8)
//      become punycode by UTS #46 non-transitional processing (ICU
//      uidna_nameToASCII_UTF8), as browsers do: "bücher.de" is
//      "xn--bcher-kva.de"; full-width dots separate labels.
//   7. IPv4 in any of the forms a browser accepts (the WHATWG URL IPv4
//      parser), used to get around filters, becomes dotted-quad: decimal
//      "3232235777", hexadecimal "0xC0A80101" (and per part "0xc0.0xa8.1.1"),
//      octal "0300.0250.1.1" (a leading 0), mixed forms, and short forms where
//      the last part fills the remaining bytes ("192.168.257" is
//      192.168.1.1, "127.1" is 127.0.0.1). A host whose last label is
//      numeric but is not a valid address is refused. `numeric_form` records
//      that the address was written in any form other than dotted-quad
//      decimal (a circumvention signal, NET-6).
//   8. IPv6 literals "[...]" are parsed and written in the canonical
//      compressed lower-case form (RFC 5952), kept in brackets; an
//      IPv4-mapped address "[::ffff:a.b.c.d]" becomes the IPv4 address.
//   9. After these the host holds only a-z 0-9 - _ . (or is an IPv6 literal);
//      anything else is refused.
//  10. Path and query: percent-escapes of unreserved characters
//      (A-Z a-z 0-9 - . _ ~) are decoded; every other escape is kept with
//      upper-case hex; a "%" not followed by two hex digits becomes "%25";
//      space, control bytes, bytes >= 0x80 and the characters " < > ` { } |
//      ^ are percent-encoded. The path's "." and ".." segments are removed
//      (RFC 3986 section 5.2.4; "%2e" counts as "." since it is decoded
//      first). An empty path is "/". The query is kept (normalised the
//      same way, with no segment removal) behind its "?".
//
// Derived forms used by the matcher:
//   - url_key(): the host without a leading "www.", "wwwNN.", "web.",
//     "webNN.", "ftp." or "ftpNN." label (as squidGuard strips it), followed
//     by path and query, all lower-cased (squidGuard compares url entries in
//     lower case), with each run of '/' in the path written as one
//     ("//a//b" is "/a/b", as squidGuard 1.6 and web servers read it). The
//     port is never part of it.
//   - expression_subject(): "scheme://host[:port]/path?query" lower-cased
//     (or "host:port" for a bare CONNECT authority): what expressions see.
//
// Thread-safety: normalise_url is a pure function, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco::filter {

inline constexpr size_t kMaxUrlBytes = 65536;

enum class HostKind { kName, kIPv4, kIPv6 };

struct NormalisedUrl {
  std::string scheme;  // lower-case; empty for a bare authority (CONNECT)
  std::string host;    // canonical: punycode name, dotted-quad, or "[v6]"
  uint16_t port = 0;   // 0 when none or the scheme's default
  std::string path;    // "/..." with the query ("?...") when there is one
  HostKind host_kind = HostKind::kName;
  bool numeric_form = false;  // IPv4 written other than as dotted decimal

  std::string url_key() const;
  std::string expression_subject() const;
  // The same, written into `out` (no allocation once `out` has room).
  void expression_subject(std::string& out) const;
  std::string to_string() const;  // the canonical URL
};

// The host as url entries see it: without a leading www/wwwNN/web/webNN/
// ftp/ftpNN label, unless that would leave nothing or the host is an address.
std::string_view strip_www(std::string_view host);

[[nodiscard]] Result<NormalisedUrl> normalise_url(std::string_view raw);

// Only the host part of rules 5-9, for a host given alone (a list entry).
[[nodiscard]] Result<std::string> normalise_host(std::string_view host);

}  // namespace inloco::filter

// Telling an attempt to get round the filter (NET-6) from a decision record.
// A request is an attempt when
//   - its category is one whose sites exist to get round filters: UT1's vpn,
//     doh (DNS over HTTPS), redirector (anonymising proxies, with its copies
//     strict_redirector and strong_redirector and its alias proxy),
//     residential-proxies and dynamic-dns; allowed or blocked alike, since
//     reaching one is the attempt; or
//   - its host is an IPv4 address written in any form but dotted decimal
//     ("http://3232235777/", "0xC0A80101", "0300.0250.1.1"): nobody types
//     those by accident; or
//   - its host is a bare IP address (a CONNECT "203.0.113.9:443" or
//     "http://[2001:db8::1]/"), which skips the name the lists are keyed by.
//     Addresses inside the school's own network (private, loopback and
//     link-local ranges) are not: printers and servers are reached that way,
//     and they lead nowhere outside.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "filter/url_normaliser.h"

namespace inloco::filter {

enum class CircumventionKind { kCategory, kIpAddress, kNumericAddress };
std::string_view circumvention_kind_key(
    CircumventionKind k);  // "category", "ip_address", "numeric_address"
std::optional<CircumventionKind> parse_circumvention_kind(std::string_view key);

// The categories above, in a stable order.
std::span<const std::string_view> circumvention_categories();
bool is_circumvention_category(std::string_view category);

struct CircumventionSignal {
  CircumventionKind kind = CircumventionKind::kCategory;
  std::string category;  // for kCategory
  bool operator==(const CircumventionSignal&) const = default;
};

// What makes the request an attempt, if anything. `url` is the request's URL
// normalised, or null when it could not be read (only the category counts
// then). The category is the decision record's ("" or "-" for none).
std::optional<CircumventionSignal> circumvention_signal(std::string_view category,
                                                        const NormalisedUrl* url);

// True for a host (as normalise_url writes it) in a private, loopback or
// link-local range: 10/8, 172.16/12, 192.168/16, 127/8, 169.254/16, [::1],
// [fc00::/7], [fe80::/10].
bool is_local_address(std::string_view host, HostKind kind);

}  // namespace inloco::filter

#include "filtering/circumvention.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace inloco::filter {
namespace {

constexpr std::array<std::string_view, 8> kCategories = {"vpn",
                                                         "doh",
                                                         "redirector",
                                                         "strict_redirector",
                                                         "strong_redirector",
                                                         "proxy",
                                                         "residential-proxies",
                                                         "dynamic-dns"};

// The four parts of a dotted-quad; false when it is not one.
bool dotted_quad(std::string_view host, std::array<int, 4>& out) {
  for (int i = 0; i < 4; ++i) {
    size_t end = i < 3 ? host.find('.') : host.size();
    if (end == std::string_view::npos) return false;
    std::string_view part = host.substr(0, end);
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), out[i]);
    if (ec != std::errc() || p != part.data() + part.size() || out[i] < 0 || out[i] > 255)
      return false;
    host = i < 3 ? host.substr(end + 1) : std::string_view();
  }
  return true;
}

}  // namespace

std::string_view circumvention_kind_key(CircumventionKind k) {
  switch (k) {
    case CircumventionKind::kCategory:
      return "category";
    case CircumventionKind::kIpAddress:
      return "ip_address";
    case CircumventionKind::kNumericAddress:
      return "numeric_address";
  }
  return "category";
}

std::optional<CircumventionKind> parse_circumvention_kind(std::string_view key) {
  for (auto k : {CircumventionKind::kCategory, CircumventionKind::kIpAddress,
                 CircumventionKind::kNumericAddress})
    if (circumvention_kind_key(k) == key) return k;
  return std::nullopt;
}

std::span<const std::string_view> circumvention_categories() { return kCategories; }

bool is_circumvention_category(std::string_view category) {
  return std::find(kCategories.begin(), kCategories.end(), category) != kCategories.end();
}

bool is_local_address(std::string_view host, HostKind kind) {
  if (kind == HostKind::kIPv4) {
    std::array<int, 4> q{};
    if (!dotted_quad(host, q)) return false;
    return q[0] == 10 || q[0] == 127 || (q[0] == 172 && q[1] >= 16 && q[1] <= 31) ||
           (q[0] == 192 && q[1] == 168) || (q[0] == 169 && q[1] == 254);
  }
  if (kind == HostKind::kIPv6) {
    if (host == "[::1]") return true;
    if (host.size() < 4 || host[0] != '[') return false;
    // Canonical form: lower-case hex, leading zeros dropped; a first group
    // of four digits starting fc/fd or fe8-feb is unique local or link-local.
    std::string_view first = host.substr(1, host.find_first_of(":]") - 1);
    if (first.size() != 4) return false;
    return first.starts_with("fc") || first.starts_with("fd") || first.starts_with("fe8") ||
           first.starts_with("fe9") || first.starts_with("fea") || first.starts_with("feb");
  }
  return false;
}

std::optional<CircumventionSignal> circumvention_signal(std::string_view category,
                                                        const NormalisedUrl* url) {
  if (is_circumvention_category(category))
    return CircumventionSignal{CircumventionKind::kCategory, std::string(category)};
  if (!url || url->host_kind == HostKind::kName) return std::nullopt;
  if (url->numeric_form) return CircumventionSignal{CircumventionKind::kNumericAddress, {}};
  if (is_local_address(url->host, url->host_kind)) return std::nullopt;
  return CircumventionSignal{CircumventionKind::kIpAddress, {}};
}

}  // namespace inloco::filter

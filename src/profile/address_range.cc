#include "profile/address_range.h"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace inloco {
namespace {

std::optional<IpAddress> parse_v4(std::string_view text) {
  char buf[INET_ADDRSTRLEN + 1];
  if (text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  in_addr a{};
  if (::inet_pton(AF_INET, buf, &a) != 1) return std::nullopt;
  IpAddress out{};
  out[10] = 0xff;
  out[11] = 0xff;
  std::memcpy(out.data() + 12, &a, 4);
  return out;
}

std::optional<IpAddress> parse_v6(std::string_view text) {
  char buf[INET6_ADDRSTRLEN + 1];
  if (text.size() >= sizeof buf) return std::nullopt;
  std::memcpy(buf, text.data(), text.size());
  buf[text.size()] = '\0';
  in6_addr a{};
  if (::inet_pton(AF_INET6, buf, &a) != 1) return std::nullopt;
  IpAddress out{};
  std::memcpy(out.data(), &a, 16);
  return out;
}

bool is_v4_mapped(const IpAddress& a) {
  for (int i = 0; i < 10; ++i)
    if (a[static_cast<size_t>(i)] != 0) return false;
  return a[10] == 0xff && a[11] == 0xff;
}

IpAddress masked(IpAddress a, int prefix) {
  for (int i = 0; i < 16; ++i) {
    int keep = prefix - i * 8;
    if (keep >= 8) continue;
    a[static_cast<size_t>(i)] &= keep <= 0 ? 0 : static_cast<uint8_t>(0xff << (8 - keep));
  }
  return a;
}

std::string address_text(const IpAddress& a, bool v4) {
  char buf[INET6_ADDRSTRLEN];
  if (v4) return ::inet_ntop(AF_INET, a.data() + 12, buf, sizeof buf) ? buf : "";
  return ::inet_ntop(AF_INET6, a.data(), buf, sizeof buf) ? buf : "";
}

}  // namespace

bool AddressRange::contains(const IpAddress& address) const {
  return masked(address, prefix) == base;
}

std::string AddressRange::text() const {
  return address_text(base, v4) + "/" + std::to_string(v4 ? prefix - 96 : prefix);
}

std::optional<IpAddress> parse_ip_address(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']')
    text = text.substr(1, text.size() - 2);
  if (text.find(':') == std::string_view::npos) return parse_v4(text);
  return parse_v6(text);
}

Result<AddressRange> parse_address_range(std::string_view text) {
  const std::string example = " Write an address range like \"10.20.0.0/16\" or \"2001:db8::/32\".";
  size_t slash = text.find('/');
  std::string_view address = text.substr(0, slash);
  AddressRange r;
  r.v4 = address.find(':') == std::string_view::npos;
  auto a = r.v4 ? parse_v4(address) : parse_v6(address);
  if (!a)
    return Error::invalid("'" + std::string(text) + "' is not an IPv4 or IPv6 address range." +
                          example);
  int bits = r.v4 ? 32 : 128;
  if (slash != std::string_view::npos) {
    std::string_view p = text.substr(slash + 1);
    int n = -1;
    auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), n);
    if (p.empty() || ec != std::errc() || ptr != p.data() + p.size() || n < 0 || n > bits)
      return Error::invalid("'" + std::string(text) + "' needs a prefix length from 0 to " +
                            std::to_string(bits) + " after the /." + example);
    bits = n;
  }
  r.prefix = r.v4 ? bits + 96 : bits;
  r.base = masked(*a, r.prefix);
  if (r.base != *a)
    return Error::invalid("'" + std::string(text) + "' has bits set past its first " +
                          std::to_string(bits) + "; did you mean '" + r.text() + "'?");
  if (!r.v4 && is_v4_mapped(r.base) && r.prefix >= 96) r.v4 = true;
  return r;
}

}  // namespace inloco

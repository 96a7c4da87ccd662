// Network address ranges in CIDR form ("10.20.0.0/16", "2001:db8::/32"), as a
// policy profile chooses a filter group by where a request comes from
// (issue 6 section 2, NET-2).
//
// Why one 16-byte form: an IPv4 address is held as its IPv4-mapped IPv6
// address (::ffff:a.b.c.d) and an IPv4 prefix as prefix + 96, so a proxy that
// reports "::ffff:10.20.1.5" for an IPv4 client still falls in 10.20.0.0/16,
// and matching is one comparison whatever the family.
//
// Values only; thread-safe to read. parse_ip_address does not allocate.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

using IpAddress = std::array<uint8_t, 16>;  // IPv6, or IPv4-mapped IPv6

struct AddressRange {
  IpAddress base{};  // host bits are zero
  int prefix = 0;    // 0..128, in the 16-byte form
  bool v4 = false;   // written as IPv4

  bool contains(const IpAddress& address) const;
  std::string text() const;  // "10.20.0.0/16", "2001:db8::/32"
  bool operator==(const AddressRange&) const = default;
};

// "10.20.0.0/16", "192.168.1.7" (one address: /32), "2001:db8::/32", "::1".
// kInvalid says what is wrong; an address with bits set past the prefix is
// refused with the range it probably meant, since "10.20.1.0/16" is a slip
// that would otherwise quietly cover more (or other) machines than written.
Result<AddressRange> parse_address_range(std::string_view text);

// A single IPv4 or IPv6 address as a proxy passes it ("10.0.0.5",
// "::ffff:10.0.0.5", "[2001:db8::1]"); nullopt when it is not one.
std::optional<IpAddress> parse_ip_address(std::string_view text);

}  // namespace inloco

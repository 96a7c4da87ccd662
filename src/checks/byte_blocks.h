// Sixteen bytes at a time, for the checker's loops that look at every byte
// of a text (skeleton.cc, personal_data.cc).
//
// Why: those loops decide things like "no digit in these sixteen bytes" far
// faster a block at a time than a byte at a time. GCC and Clang vector
// extensions give that portably (SSE2 on x86-64, NEON on ARM) without
// intrinsics. A comparison gives 0xFF in each byte where it holds, else 0.
#pragma once

#include <cstdint>
#include <cstring>

namespace inloco::checks {

using Bytes16 = unsigned char __attribute__((vector_size(16)));

inline Bytes16 load16(const void* p) {
  Bytes16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline bool any_set(Bytes16 v) {
  uint64_t lo, hi;
  std::memcpy(&lo, &v, 8);
  std::memcpy(&hi, reinterpret_cast<const char*>(&v) + 8, 8);
  return (lo | hi) != 0;
}

// Bit i set where byte i of `v` (a comparison's result) is set. Each
// half's top bits, one per byte, gathered by a multiplication that moves
// byte j's bit to bit 56 + j without carries.
inline uint32_t mask16(Bytes16 v) {
  constexpr uint64_t kTopBits = 0x8080808080808080ull, kGather = 0x0102040810204080ull;
  uint64_t lo, hi;
  std::memcpy(&lo, &v, 8);
  std::memcpy(&hi, reinterpret_cast<const char*>(&v) + 8, 8);
  lo = ((lo & kTopBits) >> 7) * kGather >> 56;
  hi = ((hi & kTopBits) >> 7) * kGather >> 56;
  return static_cast<uint32_t>(lo | hi << 8);
}

inline Bytes16 in_range16(Bytes16 v, unsigned char first, unsigned char last) {
  return (Bytes16)(static_cast<Bytes16>(v - first) <= static_cast<unsigned char>(last - first));
}

}  // namespace inloco::checks

#include "filter/hashing.h"

#include <cstring>

namespace inloco::filter {

namespace {

constexpr uint64_t kP1 = 0x9e3779b185ebca87ULL;
constexpr uint64_t kP2 = 0xc2b2ae3d27d4eb4fULL;
constexpr uint64_t kP3 = 0x165667b19e3779f9ULL;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
inline uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline uint64_t round(uint64_t acc, uint64_t in) { return rotl(acc + in * kP2, 31) * kP1; }

}  // namespace

uint64_t checksum64(std::string_view bytes) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t a = kP1 + kP2, b = kP2, c = 0, d = 0 - kP1;
  while (n >= 32) {
    a = round(a, load64(p));
    b = round(b, load64(p + 8));
    c = round(c, load64(p + 16));
    d = round(d, load64(p + 24));
    p += 32;
    n -= 32;
  }
  uint64_t h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18) + bytes.size() * kP3;
  while (n >= 8) {
    h = rotl(h ^ round(0, load64(p)), 27) * kP1 + kP3;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    h = rotl(h ^ (static_cast<unsigned char>(*p) * kP3), 11) * kP1;
    ++p;
    --n;
  }
  h ^= h >> 33;
  h *= kP2;
  h ^= h >> 29;
  h *= kP3;
  h ^= h >> 32;
  return h;
}

}  // namespace inloco::filter

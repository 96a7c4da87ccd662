// Hashing for the filter snapshot: the domain-suffix hash the snapshot's
// table is keyed by, and the checksum that guards the file against
// truncation and corruption.
//
// Both are fixed forever for a snapshot format version: the writer and every
// reader must agree, so changing either means a new kSnapshotVersion.
// Neither is cryptographic: the checksum finds accidents (a short copy, a
// flipped byte, another file), not tampering; the snapshot is written by the
// server itself and read by the helper on the same machine.
#pragma once

#include <cstdint>
#include <string_view>

namespace inloco::filter {

// The domain hash runs over the host written backwards ("moc.koobecaf" for
// "facebook.com"), one byte at a time (FNV-1a), so that the hash of every
// label-boundary suffix of a host falls out of one pass: the suffix
// "facebook.com" of "www.facebook.com" is a prefix of the reversed host.
inline constexpr uint64_t kDomainHashSeed = 0xcbf29ce484222325ULL;
inline uint64_t domain_hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001b3ULL; }
// Mixes the running hash with the length so far (murmur3's finaliser), so
// that the table's slot and tag bits are well spread.
inline uint64_t domain_hash_finish(uint64_t h, uint64_t length) {
  h ^= length * 0x9e3779b97f4a7c15ULL;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
// The hash of a whole string already written backwards.
inline uint64_t domain_hash(std::string_view reversed) {
  uint64_t h = kDomainHashSeed;
  for (char c : reversed) h = domain_hash_step(h, static_cast<unsigned char>(c));
  return domain_hash_finish(h, reversed.size());
}

// A fast 64-bit checksum (four independent multiply-rotate lanes over
// 32-byte stripes, several GB/s), for whole snapshot sections.
uint64_t checksum64(std::string_view bytes);

}  // namespace inloco::filter

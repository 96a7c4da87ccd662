// The on-disk layout of a filter snapshot, shared by snapshot_writer (which
// writes it) and snapshot (which maps and reads it). docs/filter.md
// describes it for people; this header is the definition.
//
// All integers are little-endian (the snapshot is read on the machine that
// wrote it, or one like it; a big-endian reader refuses the magic). The file:
//   Header (64 bytes) | SectionEntry x section_count | sections, each
//   starting at a multiple of 64 bytes.
// Every section has a checksum (hashing.h checksum64) in the directory; the
// directory and the header have their own. A reader refuses a file whose
// magic, version, size or any checksum is wrong.
#pragma once

#include <cstdint>

namespace inloco::filter::format {

inline constexpr char kMagic[8] = {'I', 'N', 'L', 'O', 'C', 'O', 'F', 'S'};
// Version 2 (version 1 files are refused: compile them again): the domain
// table is bucketed, so that a lookup of an absent domain reads one cache
// line rather than a linear-probing run, and a slot names the 64-byte page
// of the domain stream its entry is in, so that checking a match reads one
// more cache line and no block offsets.
inline constexpr uint32_t kVersion = 2;
inline constexpr uint32_t kAlign = 64;
// Domain table slots per bucket: 16 x 4 bytes, one 64-byte cache line (the
// table section starts on a kAlign boundary).
inline constexpr uint32_t kBucketSlots = 16;
// The domain stream is in pages of kPageBytes (one cache line), each holding
// up to kPageEntries front-coded entries; see Meta.
inline constexpr uint32_t kPageBytes = 64;
inline constexpr uint32_t kPageEntries = 8;
inline constexpr uint32_t kPageEntryBits = 3;  // log2(kPageEntries)

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t file_size;
  uint64_t directory_checksum;
  uint64_t header_checksum;  // of the 32 bytes before it
  uint64_t reserved[3];
};
static_assert(sizeof(Header) == 64);

enum class Section : uint32_t {
  kMeta = 1,
  kStrings = 2,       // byte pool: names, url keys, expression texts
  kCategories = 3,    // StringRef per category id
  kAliases = 4,       // Alias per alias
  kSetOffsets = 5,    // uint32 x (set_count + 1) into kSetMembers
  kSetMembers = 6,    // uint16 category ids, each set ascending
  kDomainTable = 7,   // uint32 slots, bucketed: (tag << index_bits) | (entry + 1); 0 empty
  kDomainStream = 8,  // front-coded reversed domains in pages (see Meta)
  kUrlHosts = 9,      // UrlHost, sorted by hash
  kUrlEntries = 10,   // UrlEntry, grouped by host
  kExpressions = 11,  // Expression per expression id
  kHsDatabase = 12,   // hs_serialize_database bytes (may be empty)
};
inline constexpr uint32_t kSectionCount = 12;

struct SectionEntry {
  uint32_t kind;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
  uint64_t checksum;
};
static_assert(sizeof(SectionEntry) == 32);

struct Meta {
  uint32_t domain_count;
  // The domain stream: pages of page_bytes, zero-padded at the end. A page
  // holds up to page_entries entries, each
  //   varint shared | varint suffix_length | suffix bytes | varint set id
  // (the reversed domain, front-coded against the entry before it in the
  // page; a page's first entry shares nothing), and ends with zeros where no
  // more fit. An entry longer than a page starts a page and runs on; the
  // next entry starts at the next page. An entry is named by
  // (page << kPageEntryBits) | its position in the page.
  uint32_t page_bytes;   // kPageBytes
  uint32_t index_bits;   // low bits of a table slot: entry name + 1
  uint32_t table_slots;  // a multiple of bucket_slots
  uint32_t url_count;
  uint32_t url_host_count;
  uint32_t expression_count;
  uint32_t category_count;
  uint32_t alias_count;
  uint32_t set_count;
  // The domain table is table_slots / bucket_slots buckets. A domain's home
  // bucket is (uint32(hash) * buckets) >> 32; it sits in the first empty slot
  // of its home bucket or, when that is full, of the next bucket with one
  // (wrapping). Slots fill from the front, so a lookup stops after the first
  // bucket that has an empty slot.
  uint32_t bucket_slots;  // kBucketSlots
  uint32_t page_entries;  // kPageEntries
  uint32_t reserved[4];
};
static_assert(sizeof(Meta) == 64);

struct StringRef {
  uint32_t offset;
  uint32_t length;
};

struct Alias {
  StringRef name;
  uint32_t target;  // category id
  uint32_t reserved;
};

struct UrlHost {
  uint64_t hash;  // checksum64 of the host (www label stripped)
  uint32_t first;
  uint32_t count;
};

struct UrlEntry {
  StringRef key;  // host + path, lower case
  uint32_t host_length;
  uint32_t set;
};

struct Expression {
  StringRef text;
  uint32_t set;
  uint32_t reserved;
};

}  // namespace inloco::filter::format

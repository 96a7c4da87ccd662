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
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kAlign = 64;

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
  kDomainTable = 7,   // uint32 slots: (tag << index_bits) | (entry + 1); 0 empty
  kDomainBlocks = 8,  // uint32 offset into kDomainStream per block
  kDomainStream = 9,  // front-coded reversed domains (see snapshot_writer.h)
  kUrlHosts = 10,     // UrlHost, sorted by hash
  kUrlEntries = 11,   // UrlEntry, grouped by host
  kExpressions = 12,  // Expression per expression id
  kHsDatabase = 13,   // hs_serialize_database bytes (may be empty)
};
inline constexpr uint32_t kSectionCount = 13;

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
  uint32_t block_size;  // entries per front-coded block
  uint32_t index_bits;  // low bits of a table slot: entry + 1
  uint32_t table_slots;
  uint32_t url_count;
  uint32_t url_host_count;
  uint32_t expression_count;
  uint32_t category_count;
  uint32_t alias_count;
  uint32_t set_count;
  uint32_t reserved[6];
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

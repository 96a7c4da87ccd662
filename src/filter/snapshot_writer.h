// Writes compiled lists (list_compiler.h) as one immutable snapshot file
// (snapshot_format.h) that Snapshot::open maps into memory in milliseconds.
//
// Domains. Every domain of every category is written backwards
// ("moc.koobecaf"), the copies are merged (a domain in several categories is
// stored once, with the set of its categories), and the unique ones are
// sorted and front-coded in 64-byte pages (one cache line; up to 8 entries
// each, snapshot_format.h Meta): each entry is
//   varint shared | varint suffix_length | suffix bytes | varint set id
// where `shared` is the length it has in common with the entry before it in
// the page (0 for a page's first entry). Sorted backwards, neighbours share
// their top-level domain and often their registered domain, so the strings
// take about half their raw size. An open-addressing table (load <= 0.8) of
// 32-bit slots in buckets of 16 (one cache line; a full bucket overflows into
// the next) maps domain_hash(reversed) to the entry: the slot holds the
// entry's page and position + 1 in its low index_bits bits and the top bits
// of the hash as a tag, so most lookups of an absent suffix read one cache
// line and never touch the strings, and a tag match is verified against the
// stored string, in one more cache line (no false positives).
//
// Url entries are grouped by host (hash of the host -> range of entries);
// expressions are stored as text and as a serialised Vectorscan database.
//
// The file is written to a temporary name beside `path` and renamed over it,
// so a reader (the Squid helper reloading on SIGHUP) sees the old file or the
// new, never half of one.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "filter/list_compiler.h"

namespace inloco::filter {

struct SnapshotStats {
  size_t categories = 0;
  size_t aliases = 0;
  size_t domains = 0;  // unique domains
  size_t urls = 0;
  size_t expressions = 0;
  size_t bytes = 0;  // size of the file
};

// The snapshot as bytes. Fails when the lists are too large for the format
// (16 GiB of domain pages, 65,535 categories or 4 GiB of other text) or an
// expression no longer compiles.
[[nodiscard]] Result<std::string> build_snapshot(const CompiledLists& lists,
                                                 SnapshotStats* stats = nullptr);

// build_snapshot, then written atomically to `path`.
[[nodiscard]] Result<SnapshotStats> write_snapshot(const CompiledLists& lists,
                                                   const std::string& path);

}  // namespace inloco::filter

#include "filter/snapshot.h"

#include <algorithm>
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "filter/hashing.h"

namespace inloco::filter {

namespace {

using format::Section;

Error corrupt(const std::string& what) {
  return Error::invalid("This is not a usable inloco filter snapshot (" + what +
                        "). Compile it again with `inloco filter compile`.");
}

template <typename T>
Result<std::span<const T>> typed(std::string_view bytes, const char* name) {
  if (bytes.size() % sizeof(T) != 0 || reinterpret_cast<uintptr_t>(bytes.data()) % alignof(T) != 0)
    return corrupt(std::string("the ") + name + " section has a wrong size");
  return std::span<const T>(reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T));
}

// Reads a varint; false when it runs past `end` or is too long.
inline bool read_varint(const unsigned char*& p, const unsigned char* end, uint32_t& v) {
  if (p < end && *p < 0x80) {  // the usual case: one byte
    v = *p++;
    return true;
  }
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (p >= end) return false;
    unsigned char b = *p++;
    v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

constexpr size_t kBucket = format::kBucketSlots;

// The keys of every suffix of `host` that could be a listed domain: each
// parent domain (the part after a '.') and the host itself, shortest first.
// The host is read backwards once: every such suffix is a prefix of the
// reversed host, so the running FNV-1a hash at each '.' is its key. A host
// over 255 bytes (no domain is longer) has only its suffixes of up to 255
// bytes. Needs room for one more than the number of '.' in the host's last
// 255 bytes (kMaxSuffixes is always enough); returns how many.
constexpr int kMaxSuffixes = 256;
inline size_t dots_in_last_255(std::string_view host) {
  return static_cast<size_t>(
      std::count(host.end() - std::min<size_t>(host.size(), 255), host.end(), '.'));
}
inline int suffix_keys(std::string_view host, uint32_t* lengths, uint64_t* hashes) {
  const size_t n = std::min<size_t>(host.size(), 255);
  if (n == 0) return 0;
  const auto* last = reinterpret_cast<const unsigned char*>(host.data()) + host.size() - 1;
  uint64_t h = domain_hash_step(kDomainHashSeed, last[0]);
  int count = 0;
  for (size_t i = 1; i < n; ++i) {
    unsigned char c = *(last - i);
    // Written every time and kept only at a '.', so that the loop does not
    // branch on the host's bytes.
    lengths[count] = static_cast<uint32_t>(i);
    hashes[count] = h;
    count += c == '.';
    h = domain_hash_step(h, c);
  }
  if (host.size() <= 255) {
    lengths[count] = static_cast<uint32_t>(n);
    hashes[count++] = h;
  }
  for (int c = 0; c < count; ++c) hashes[c] = domain_hash_finish(hashes[c], lengths[c]);
  return count;
}

// One bucket of the domain table: the slots whose tag is `want` (a bit per
// slot) and whether it has an empty slot, when the search ends with it.
// Slots fill from the front, so a bucket has an empty slot when its last
// one is.
struct BucketScan {
  uint32_t matches;
  bool has_empty;
};
inline BucketScan scan_bucket(const uint32_t* bucket, uint32_t want, uint32_t tag_mask) {
  uint32_t matches = 0;
#if defined(__SSE2__)
  static_assert(kBucket == 16);
  const __m128i w = _mm_set1_epi32(static_cast<int>(want));
  const __m128i t = _mm_set1_epi32(static_cast<int>(tag_mask));
  auto eq = [&](size_t q) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bucket + q));
    return _mm_cmpeq_epi32(_mm_and_si128(v, t), w);  // 0 or -1 per slot
  };
  // Narrowed to one byte per slot (signed saturation keeps 0 and -1).
  __m128i bytes = _mm_packs_epi16(_mm_packs_epi32(eq(0), eq(4)), _mm_packs_epi32(eq(8), eq(12)));
  matches = static_cast<uint32_t>(_mm_movemask_epi8(bytes));
#else
  for (size_t k = 0; k < kBucket; ++k)
    matches |= static_cast<uint32_t>((bucket[k] & tag_mask) == want) << k;
#endif
  // A zero tag also matches the empty slots; they hold no entry.
  if (want == 0)
    for (size_t k = 0; k < kBucket; ++k)
      if (bucket[k] == 0) matches &= ~(1u << k);
  return {matches, bucket[kBucket - 1] == 0};
}

}  // namespace

Snapshot::~Snapshot() = default;

Result<std::unique_ptr<Snapshot>> Snapshot::open(const std::string& path) {
  std::unique_ptr<Snapshot> s(new Snapshot());
  s->file_ = TRY(MappedFile::open(path));
  Status st = s->load();
  if (!st.ok()) {
    Error e = std::move(st).error();
    e.message = path + ": " + e.message;
    return e;
  }
  return s;
}

Status Snapshot::load() {
  std::string_view file = file_.bytes();
  if (file.size() < sizeof(format::Header)) return corrupt("the file is too short");
  format::Header h;
  std::memcpy(&h, file.data(), sizeof h);
  if (std::memcmp(h.magic, format::kMagic, 8) != 0)
    return corrupt("it does not start with the snapshot's magic bytes");
  if (h.header_checksum != checksum64(file.substr(0, 32)))
    return corrupt("the header checksum is wrong");
  if (h.version != format::kVersion)
    return corrupt("it is in format version " + std::to_string(h.version) +
                   " and this program reads version " + std::to_string(format::kVersion));
  if (h.file_size != file.size())
    return corrupt("it is " + std::to_string(file.size()) + " bytes but should be " +
                   std::to_string(h.file_size) + ": truncated or appended to");
  if (h.section_count > 64) return corrupt("too many sections");
  size_t dir_bytes = h.section_count * sizeof(format::SectionEntry);
  if (sizeof h + dir_bytes > file.size()) return corrupt("the section directory is cut off");
  std::string_view dir = file.substr(sizeof h, dir_bytes);
  if (checksum64(dir) != h.directory_checksum) return corrupt("the directory checksum is wrong");

  std::string_view sections[format::kSectionCount + 1];
  bool seen[format::kSectionCount + 1] = {};
  for (uint32_t i = 0; i < h.section_count; ++i) {
    format::SectionEntry e;
    std::memcpy(&e, dir.data() + i * sizeof e, sizeof e);
    if (e.offset % format::kAlign != 0 || e.offset > file.size() || e.size > file.size() - e.offset)
      return corrupt("a section lies outside the file");
    std::string_view bytes = file.substr(e.offset, e.size);
    if (checksum64(bytes) != e.checksum)
      return corrupt("the checksum of section " + std::to_string(e.kind) + " is wrong");
    if (e.kind >= 1 && e.kind <= format::kSectionCount) {
      sections[e.kind] = bytes;
      seen[e.kind] = true;
    }
  }
  for (uint32_t k = 1; k <= format::kSectionCount; ++k)
    if (!seen[k]) return corrupt("section " + std::to_string(k) + " is missing");
  // The padding between sections must be zero, so that no byte of the file
  // escapes a check.
  {
    std::vector<std::pair<uint64_t, uint64_t>> used = {{0, sizeof h + dir_bytes}};
    for (uint32_t k = 1; k <= format::kSectionCount; ++k) {
      uint64_t off = static_cast<uint64_t>(sections[k].data() - file.data());
      used.emplace_back(off, off + sections[k].size());
    }
    std::sort(used.begin(), used.end());
    uint64_t at = 0;
    for (auto [begin, end] : used) {
      if (begin < at) return corrupt("sections overlap");
      for (uint64_t i = at; i < begin; ++i)
        if (file[i] != '\0') return corrupt("a byte between sections was changed");
      at = end;
    }
    for (uint64_t i = at; i < file.size(); ++i)
      if (file[i] != '\0') return corrupt("a byte after the last section was changed");
  }
  auto sec = [&](Section s) { return sections[static_cast<uint32_t>(s)]; };

  if (sec(Section::kMeta).size() != sizeof meta_)
    return corrupt("the meta section has a wrong size");
  std::memcpy(&meta_, sec(Section::kMeta).data(), sizeof meta_);
  strings_ = sec(Section::kStrings);
  category_refs_ = TRY(typed<format::StringRef>(sec(Section::kCategories), "categories"));
  alias_refs_ = TRY(typed<format::Alias>(sec(Section::kAliases), "aliases"));
  set_offsets_ = TRY(typed<uint32_t>(sec(Section::kSetOffsets), "set offsets"));
  set_members_ = TRY(typed<CategoryId>(sec(Section::kSetMembers), "set members"));
  table_ = TRY(typed<uint32_t>(sec(Section::kDomainTable), "domain table"));
  stream_ = sec(Section::kDomainStream);
  url_hosts_ = TRY(typed<format::UrlHost>(sec(Section::kUrlHosts), "url hosts"));
  url_entries_ = TRY(typed<format::UrlEntry>(sec(Section::kUrlEntries), "url entries"));
  expression_refs_ = TRY(typed<format::Expression>(sec(Section::kExpressions), "expressions"));

  // The counts must agree with the sections, and every reference must stay
  // inside them, so that no lookup can read outside the mapping.
  const auto& m = meta_;
  // Every entry name (page, position) must fit a slot's index bits.
  const uint64_t entry_names = uint64_t{stream_.size() / format::kPageBytes}
                               << format::kPageEntryBits;
  if (category_refs_.size() != m.category_count || alias_refs_.size() != m.alias_count ||
      set_offsets_.size() != size_t{m.set_count} + 1 || table_.size() != m.table_slots ||
      m.bucket_slots != format::kBucketSlots || m.table_slots == 0 ||
      m.table_slots % format::kBucketSlots != 0 || m.page_bytes != format::kPageBytes ||
      m.page_entries != format::kPageEntries || stream_.size() % format::kPageBytes != 0 ||
      m.index_bits == 0 || m.index_bits > 31 || (entry_names >> m.index_bits) != 0 ||
      url_hosts_.size() != m.url_host_count || url_entries_.size() != m.url_count ||
      expression_refs_.size() != m.expression_count)
    return corrupt("its counts do not match its sections");
  buckets_ = m.table_slots / format::kBucketSlots;
  tag_mask_ = ~((1u << m.index_bits) - 1);
  tag_shift_ = 64 - static_cast<int>(32 - m.index_bits);
  auto ref_ok = [&](format::StringRef r) {
    return r.offset <= strings_.size() && r.length <= strings_.size() - r.offset;
  };
  for (auto r : category_refs_)
    if (!ref_ok(r)) return corrupt("a name lies outside the strings");
  for (auto& a : alias_refs_)
    if (!ref_ok(a.name) || a.target >= m.category_count) return corrupt("a bad alias");
  for (size_t i = 0; i + 1 < set_offsets_.size(); ++i)
    if (set_offsets_[i] > set_offsets_[i + 1]) return corrupt("a bad category set");
  if (set_offsets_.back() != set_members_.size()) return corrupt("a bad category set");
  for (CategoryId c : set_members_)
    if (c >= m.category_count) return corrupt("a bad category id");
  for (size_t i = 0; i < url_hosts_.size(); ++i) {
    const auto& u = url_hosts_[i];
    if (u.first > url_entries_.size() || u.count > url_entries_.size() - u.first ||
        (i > 0 && url_hosts_[i - 1].hash > u.hash))
      return corrupt("a bad url host");
  }
  url_radix_bits_ = std::max(1, static_cast<int>(std::bit_width(url_hosts_.size())));
  url_radix_.assign((size_t{1} << url_radix_bits_) + 1, 0);
  for (const auto& u : url_hosts_) ++url_radix_[(u.hash >> (64 - url_radix_bits_)) + 1];
  for (size_t p = 1; p < url_radix_.size(); ++p) url_radix_[p] += url_radix_[p - 1];
  for (auto& u : url_entries_)
    if (!ref_ok(u.key) || u.host_length > u.key.length || u.set >= m.set_count)
      return corrupt("a bad url entry");
  std::vector<std::string> texts;
  for (auto& e : expression_refs_) {
    if (!ref_ok(e.text) || e.set >= m.set_count) return corrupt("a bad expression");
    texts.emplace_back(string_at(e.text));
  }
  // Domain entries' set ids are checked as they are read (entry_equals).

  auto stored = ExpressionSet::deserialize(sec(Section::kHsDatabase));
  if (stored.ok() && (texts.empty() || !(*stored)->empty())) {
    expressions_ = std::move(stored).value();
  } else {
    expressions_ = TRY(ExpressionSet::compile(texts));
    recompiled_ = true;
  }
  return ok_status();
}

std::string_view Snapshot::string_at(format::StringRef r) const {
  return strings_.substr(r.offset, r.length);
}

std::string_view Snapshot::category_name(CategoryId id) const {
  if (id >= category_refs_.size()) return {};
  return string_at(category_refs_[id]);
}

std::optional<CategoryId> Snapshot::find_category(std::string_view name) const {
  for (size_t i = 0; i < category_refs_.size(); ++i)
    if (string_at(category_refs_[i]) == name) return static_cast<CategoryId>(i);
  for (const auto& a : alias_refs_)
    if (string_at(a.name) == name) return static_cast<CategoryId>(a.target);
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> Snapshot::aliases() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& a : alias_refs_)
    out.emplace_back(std::string(string_at(a.name)), std::string(category_name(a.target)));
  return out;
}

std::span<const CategoryId> Snapshot::categories(uint32_t set) const {
  if (set + 1 >= set_offsets_.size()) return {};
  return set_members_.subspan(set_offsets_[set], set_offsets_[set + 1] - set_offsets_[set]);
}

// Whether entry `name` is the host's suffix of `length` bytes. The entry is
// never materialised: walking its page from the start, `common` tracks how
// many leading bytes the current entry shares with the target (the host read
// backwards). An entry that keeps more of its predecessor than the
// predecessor had in common with the target differs where the predecessor
// did; otherwise only its new bytes need comparing.
bool Snapshot::entry_equals(uint32_t name, std::string_view host, uint32_t length,
                            uint32_t& set) const {
  size_t page = name >> format::kPageEntryBits;
  if (page >= stream_.size() / format::kPageBytes) return false;
  const auto* base = reinterpret_cast<const unsigned char*>(stream_.data());
  const auto* p = base + page * format::kPageBytes;
  const auto* end = base + stream_.size();
  const char* last = host.data() + host.size() - 1;  // target byte i is last[-i]
  uint32_t common = 0, entry_length = 0;
  for (uint32_t j = 0, n = name & (format::kPageEntries - 1); j <= n; ++j) {
    uint32_t shared, suffix;
    if (!read_varint(p, end, shared) || !read_varint(p, end, suffix)) return false;
    // A suffix is never empty; zeros are the padding after a page's last entry.
    if (suffix == 0 || shared > entry_length || suffix > static_cast<size_t>(end - p)) return false;
    if (shared <= common) {
      common = shared;
      uint32_t limit = std::min(length, shared + suffix);
      // Eight bytes at a time: the entry's next bytes against the host's,
      // read backwards (byte-swapped). Both stay inside their strings.
      while (limit - common >= 8) {
        uint64_t stored, target;
        std::memcpy(&stored, p + (common - shared), 8);
        std::memcpy(&target, last - common - 7, 8);
        uint64_t differ = stored ^ __builtin_bswap64(target);
        if (differ != 0) {
          common += static_cast<uint32_t>(std::countr_zero(differ)) / 8;
          limit = common;
          break;
        }
        common += 8;
      }
      while (common < limit &&
             static_cast<char>(p[common - shared]) == last[-static_cast<ptrdiff_t>(common)])
        ++common;
    }
    entry_length = shared + suffix;
    p += suffix;
    if (!read_varint(p, end, set)) return false;
  }
  return entry_length == length && common == length && set < meta_.set_count;
}

inline uint32_t Snapshot::bucket_of(uint64_t hash) const {
  return static_cast<uint32_t>((uint64_t{static_cast<uint32_t>(hash)} * buckets_) >> 32);
}

inline bool Snapshot::find_suffix(uint64_t hash, std::string_view host, uint32_t length,
                                  uint32_t& set) const {
  const uint32_t want = static_cast<uint32_t>(hash >> tag_shift_) << meta_.index_bits;
  const uint32_t index_mask = ~tag_mask_;
  uint32_t b = bucket_of(hash);
  for (uint32_t tried = 0; tried < buckets_; ++tried) {
    const uint32_t* bucket = &table_[size_t{b} * kBucket];
    BucketScan s = scan_bucket(bucket, want, tag_mask_);
    for (uint32_t m = s.matches; m != 0; m &= m - 1) {
      uint32_t slot = bucket[std::countr_zero(m)];
      if (entry_equals((slot & index_mask) - 1, host, length, set)) return true;
    }
    if (s.has_empty) return false;
    b = b + 1 == buckets_ ? 0 : b + 1;
  }
  return false;
}

int Snapshot::match_domain(std::string_view host, DomainHit* hits) const {
  uint32_t lengths[kMaxSuffixes];
  uint64_t hashes[kMaxSuffixes];
  int n = suffix_keys(host, lengths, hashes);
  for (int c = 0; c < n; ++c) __builtin_prefetch(&table_[bucket_of(hashes[c]) * kBucket]);
  int found = 0;
  // Longest suffix (most specific) first.
  for (int c = n - 1; c >= 0 && found < kMaxDomainHits; --c) {
    uint32_t set;
    if (find_suffix(hashes[c], host, lengths[c], set)) hits[found++] = {lengths[c], set};
  }
  return found;
}

bool Snapshot::domain_listed(std::string_view host) const {
  uint32_t lengths[kMaxSuffixes];
  uint64_t hashes[kMaxSuffixes];
  int n = suffix_keys(host, lengths, hashes);
  for (int c = 0; c < n; ++c) __builtin_prefetch(&table_[bucket_of(hashes[c]) * kBucket]);
  uint32_t set;
  for (int c = n - 1; c >= 0; --c)
    if (find_suffix(hashes[c], host, lengths[c], set)) return true;
  return false;
}

void Snapshot::domains_listed(std::span<const std::string_view> hosts,
                              std::span<bool> listed) const {
  constexpr size_t kGroup = 8;
  constexpr int kMaxCandidates = 32;  // a host with more labels is looked up alone
  constexpr size_t kMaxPending = kGroup * kMaxCandidates * 2;
  const uint32_t index_mask = ~tag_mask_;
  struct Pending {
    uint32_t host, length, name;
  };
  uint32_t lengths[kGroup][kMaxCandidates];
  uint64_t hashes[kGroup][kMaxCandidates];
  int counts[kGroup];
  bool alone[kGroup];
  Pending pending[kMaxPending];
  for (size_t base = 0; base < hosts.size(); base += kGroup) {
    size_t group = std::min(kGroup, hosts.size() - base);
    // 1. Hash every candidate suffix of every host; prefetch its bucket.
    for (size_t g = 0; g < group; ++g) {
      std::string_view host = hosts[base + g];
      listed[base + g] = false;
      counts[g] = 0;
      alone[g] = host.size() > kMaxCandidates && dots_in_last_255(host) >= kMaxCandidates;
      if (alone[g]) continue;
      counts[g] = suffix_keys(host, lengths[g], hashes[g]);
      for (int c = 0; c < counts[g]; ++c)
        __builtin_prefetch(&table_[bucket_of(hashes[g][c]) * kBucket]);
    }
    // 2. Scan the buckets: every slot whose tag matches is a candidate entry;
    //    prefetch its page.
    size_t npending = 0;
    for (size_t g = 0; g < group; ++g) {
      for (int c = 0; c < counts[g] && !alone[g]; ++c) {
        const uint32_t want = static_cast<uint32_t>(hashes[g][c] >> tag_shift_) << meta_.index_bits;
        uint32_t b = bucket_of(hashes[g][c]);
        for (uint32_t tried = 0; tried < buckets_; ++tried) {
          const uint32_t* bucket = &table_[size_t{b} * kBucket];
          BucketScan s = scan_bucket(bucket, want, tag_mask_);
          for (uint32_t m = s.matches; m != 0; m &= m - 1) {
            if (npending == kMaxPending) {
              alone[g] = true;  // more tag matches than room: look it up alone
              break;
            }
            uint32_t name = (bucket[std::countr_zero(m)] & index_mask) - 1;
            pending[npending++] = {static_cast<uint32_t>(g), lengths[g][c], name};
            size_t page = name >> format::kPageEntryBits;
            if (page < stream_.size() / format::kPageBytes)
              __builtin_prefetch(stream_.data() + page * format::kPageBytes);
          }
          if (s.has_empty || alone[g]) break;
          b = b + 1 == buckets_ ? 0 : b + 1;
        }
      }
    }
    // 3. Verify against the stored strings.
    for (size_t g = 0; g < group; ++g)
      if (alone[g]) listed[base + g] = domain_listed(hosts[base + g]);
    for (size_t k = 0; k < npending; ++k) {
      const Pending& p = pending[k];
      if (listed[base + p.host] || alone[p.host]) continue;
      uint32_t set;
      if (entry_equals(p.name, hosts[base + p.host], p.length, set)) listed[base + p.host] = true;
    }
  }
}

std::span<const format::UrlHost> Snapshot::url_hosts_with(uint64_t hash) const {
  if (url_hosts_.empty()) return {};
  size_t p = hash >> (64 - url_radix_bits_);
  auto range = url_hosts_.subspan(url_radix_[p], url_radix_[p + 1] - url_radix_[p]);
  auto it = std::find_if(range.begin(), range.end(),
                         [&](const format::UrlHost& u) { return u.hash == hash; });
  if (it == range.end()) return {};
  auto end =
      std::find_if(it, range.end(), [&](const format::UrlHost& u) { return u.hash != hash; });
  return range.subspan(static_cast<size_t>(it - range.begin()), static_cast<size_t>(end - it));
}

bool Snapshot::has_url_entries(std::string_view key_host) const {
  return !url_hosts_with(checksum64(key_host)).empty();
}

void Snapshot::match_url(std::string_view url_key, size_t host_length,
                         std::vector<UrlHit>& out) const {
  if (url_hosts_.empty() || host_length > url_key.size()) return;
  for (const auto& host : url_hosts_with(checksum64(url_key.substr(0, host_length)))) {
    for (uint32_t i = host.first; i < host.first + host.count; ++i) {
      const auto& e = url_entries_[i];
      std::string_view key = string_at(e.key);
      if (e.host_length == host_length && url_key.starts_with(key)) out.push_back({key, e.set});
    }
  }
}

std::vector<std::string> Snapshot::domains_in(std::span<const CategoryId> wanted) const {
  std::vector<bool> wanted_set(meta_.set_count, false);
  bool any = false;
  for (uint32_t set = 0; set < meta_.set_count; ++set)
    for (CategoryId c : categories(set))
      if (std::find(wanted.begin(), wanted.end(), c) != wanted.end()) {
        wanted_set[set] = any = true;
        break;
      }
  std::vector<std::string> out;
  if (!any) return out;
  // Each page restarts the front coding; entries are stored reversed; a
  // page ends at its eighth entry, at zero padding, or where a long entry
  // ran on into the next pages.
  const auto* base = reinterpret_cast<const unsigned char*>(stream_.data());
  const auto* end = base + stream_.size();
  constexpr size_t kPage = format::kPageBytes;
  std::string name;
  for (size_t at = 0; at < stream_.size();) {
    const unsigned char* p = base + at;
    const unsigned char* page_end = p + kPage;
    const unsigned char* entries_end = p;  // after the last whole entry
    name.clear();
    for (uint32_t j = 0; j < format::kPageEntries && p < page_end; ++j) {
      uint32_t shared, suffix, set;
      if (!read_varint(p, end, shared) || !read_varint(p, end, suffix) || suffix == 0 ||
          shared > name.size() || suffix > static_cast<size_t>(end - p))
        break;
      name.resize(shared);
      name.append(reinterpret_cast<const char*>(p), suffix);
      p += suffix;
      if (!read_varint(p, end, set)) break;
      entries_end = p;
      if (set < wanted_set.size() && wanted_set[set]) out.emplace_back(name.rbegin(), name.rend());
    }
    size_t used = static_cast<size_t>(entries_end - base);
    at = std::max(at + kPage, (used + kPage - 1) / kPage * kPage);
  }
  return out;
}

void Snapshot::match_expressions(std::string_view subject, std::vector<ExpressionHit>& out) const {
  for (uint32_t id : expressions_->scan(subject)) {
    if (id >= expression_refs_.size()) continue;
    out.push_back({string_at(expression_refs_[id].text), expression_refs_[id].set});
  }
}

}  // namespace inloco::filter

#include "filter/snapshot.h"

#include <algorithm>
#include <cstring>

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
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (p >= end) return false;
    unsigned char b = *p++;
    v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
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
    return corrupt("version " + std::to_string(h.version) + ", this program reads version " +
                   std::to_string(format::kVersion));
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
  blocks_ = TRY(typed<uint32_t>(sec(Section::kDomainBlocks), "domain blocks"));
  stream_ = sec(Section::kDomainStream);
  url_hosts_ = TRY(typed<format::UrlHost>(sec(Section::kUrlHosts), "url hosts"));
  url_entries_ = TRY(typed<format::UrlEntry>(sec(Section::kUrlEntries), "url entries"));
  expression_refs_ = TRY(typed<format::Expression>(sec(Section::kExpressions), "expressions"));

  // The counts must agree with the sections, and every reference must stay
  // inside them, so that no lookup can read outside the mapping.
  const auto& m = meta_;
  if (category_refs_.size() != m.category_count || alias_refs_.size() != m.alias_count ||
      set_offsets_.size() != size_t{m.set_count} + 1 || table_.size() != m.table_slots ||
      m.table_slots == 0 || m.block_size == 0 || m.index_bits == 0 || m.index_bits > 31 ||
      (m.domain_count >> m.index_bits) != 0 ||
      blocks_.size() != (size_t{m.domain_count} + m.block_size - 1) / m.block_size ||
      url_hosts_.size() != m.url_host_count || url_entries_.size() != m.url_count ||
      expression_refs_.size() != m.expression_count)
    return corrupt("its counts do not match its sections");
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
  for (uint32_t b : blocks_)
    if (b > stream_.size()) return corrupt("a bad domain block");
  for (auto& u : url_hosts_)
    if (u.first > url_entries_.size() || u.count > url_entries_.size() - u.first)
      return corrupt("a bad url host");
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

// Whether entry `index` is the host's suffix of `length` bytes. The entry
// is never materialised: walking its block from the start, `common` tracks
// how many leading bytes the current entry shares with the target (the host
// read backwards). An entry that keeps more of its predecessor than the
// predecessor had in common with the target differs where the predecessor
// did; otherwise only its new bytes need comparing.
bool Snapshot::entry_equals(uint32_t index, std::string_view host, uint32_t length,
                            uint32_t& set) const {
  uint32_t block = index / meta_.block_size;
  if (block >= blocks_.size()) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(stream_.data()) + blocks_[block];
  const auto* end = reinterpret_cast<const unsigned char*>(stream_.data()) + stream_.size();
  const char* last = host.data() + host.size() - 1;  // target byte i is last[-i]
  uint32_t common = 0, entry_length = 0;
  for (uint32_t j = 0, n = index % meta_.block_size; j <= n; ++j) {
    uint32_t shared, suffix;
    if (!read_varint(p, end, shared) || !read_varint(p, end, suffix)) return false;
    if (shared > entry_length || suffix > static_cast<size_t>(end - p)) return false;
    if (shared <= common) {
      common = shared;
      uint32_t limit = std::min(length, shared + suffix);
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

int Snapshot::match_domain(std::string_view host, DomainHit* hits) const {
  // Candidate suffixes end at every '.' of the host read backwards, and the
  // whole host; a host over 255 bytes has only its shorter suffixes tried.
  size_t n = std::min<size_t>(host.size(), 255);
  uint32_t lengths[kMaxDomainHits];
  uint64_t hashes[kMaxDomainHits];
  int candidates = 0;
  uint64_t h = kDomainHashSeed;
  const char* last = host.data() + host.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    char c = last[-static_cast<ptrdiff_t>(i)];
    if (c == '.' && i > 0 && candidates < kMaxDomainHits - 1) {
      lengths[candidates] = static_cast<uint32_t>(i);
      hashes[candidates++] = domain_hash_finish(h, i);
    }
    h = domain_hash_step(h, static_cast<unsigned char>(c));
  }
  if (host.size() <= 255 && n > 0) {
    lengths[candidates] = static_cast<uint32_t>(n);
    hashes[candidates++] = domain_hash_finish(h, n);
  }
  const uint32_t slots = meta_.table_slots;
  const uint32_t index_bits = meta_.index_bits;
  const uint32_t index_mask = (1u << index_bits) - 1;
  const int tag_shift = 64 - static_cast<int>(32 - index_bits);
  uint32_t positions[kMaxDomainHits];
  for (int c = 0; c < candidates; ++c) {
    positions[c] =
        static_cast<uint32_t>((uint64_t{static_cast<uint32_t>(hashes[c])} * slots) >> 32);
    __builtin_prefetch(&table_[positions[c]]);
  }
  int found = 0;
  // Longest suffix (most specific) first.
  for (int c = candidates - 1; c >= 0; --c) {
    uint32_t tag = static_cast<uint32_t>(hashes[c] >> tag_shift);
    uint32_t pos = positions[c];
    for (uint32_t probes = 0; probes < slots; ++probes) {
      uint32_t s = table_[pos];
      if (s == 0) break;
      uint32_t set;
      if ((s >> index_bits) == tag && entry_equals((s & index_mask) - 1, host, lengths[c], set)) {
        hits[found++] = {lengths[c], set};
        break;
      }
      pos = pos + 1 == slots ? 0 : pos + 1;
    }
  }
  return found;
}

void Snapshot::domains_listed(std::span<const std::string_view> hosts,
                              std::span<bool> listed) const {
  constexpr size_t kGroup = 8;
  constexpr int kMaxCandidates = 32;  // a longer host is looked up alone
  const uint32_t slots = meta_.table_slots;
  const uint32_t index_bits = meta_.index_bits;
  const uint32_t index_mask = (1u << index_bits) - 1;
  const int tag_shift = 64 - static_cast<int>(32 - index_bits);
  struct Candidate {
    uint32_t length, position, tag;
  };
  struct Pending {
    uint32_t host, length, index;
  };
  Candidate cands[kGroup][kMaxCandidates];
  int counts[kGroup];
  bool overflow[kGroup];
  Pending pending[kGroup * kMaxCandidates * 2];
  for (size_t base = 0; base < hosts.size(); base += kGroup) {
    size_t group = std::min(kGroup, hosts.size() - base);
    // 1. Hash every candidate suffix of every host; prefetch its slot.
    for (size_t g = 0; g < group; ++g) {
      std::string_view host = hosts[base + g];
      listed[base + g] = false;
      overflow[g] = false;
      counts[g] = 0;
      if (host.empty()) continue;
      if (host.size() > 255) {
        counts[g] = -1;
        continue;
      }
      const char* last = host.data() + host.size() - 1;
      uint64_t h = kDomainHashSeed;
      int n = 0;
      auto add = [&](uint64_t hash, size_t length) {
        if (n == kMaxCandidates) {
          n = -1;
          return;
        }
        uint32_t pos = static_cast<uint32_t>((uint64_t{static_cast<uint32_t>(hash)} * slots) >> 32);
        __builtin_prefetch(&table_[pos]);
        cands[g][n++] = {static_cast<uint32_t>(length), pos,
                         static_cast<uint32_t>(hash >> tag_shift)};
      };
      for (size_t i = 0; i < host.size() && n >= 0; ++i) {
        char c = last[-static_cast<ptrdiff_t>(i)];
        if (c == '.' && i > 0) add(domain_hash_finish(h, i), i);
        h = domain_hash_step(h, static_cast<unsigned char>(c));
      }
      if (n >= 0) add(domain_hash_finish(h, host.size()), host.size());
      counts[g] = n;
    }
    // 2. Probe: every slot whose tag matches is a candidate entry; prefetch
    //    its block's offset.
    size_t npending = 0;
    for (size_t g = 0; g < group; ++g) {
      if (counts[g] < 0) {  // too many labels: the one-at-a-time path
        DomainHit hits[kMaxDomainHits];
        listed[base + g] = match_domain(hosts[base + g], hits) > 0;
        continue;
      }
      for (int c = 0; c < counts[g]; ++c) {
        uint32_t pos = cands[g][c].position;
        for (uint32_t probes = 0; probes < slots; ++probes) {
          uint32_t s = table_[pos];
          if (s == 0) break;
          if ((s >> index_bits) == cands[g][c].tag) {
            if (npending == std::size(pending)) {
              overflow[g] = true;
              break;
            }
            uint32_t index = (s & index_mask) - 1;
            pending[npending++] = {static_cast<uint32_t>(g), cands[g][c].length, index};
            if (index / meta_.block_size < blocks_.size())
              __builtin_prefetch(&blocks_[index / meta_.block_size]);
          }
          pos = pos + 1 == slots ? 0 : pos + 1;
        }
      }
    }
    // 3. Prefetch the blocks, then 4. verify against the stored strings.
    for (size_t k = 0; k < npending; ++k) {
      uint32_t b = pending[k].index / meta_.block_size;
      if (b < blocks_.size()) __builtin_prefetch(stream_.data() + blocks_[b]);
    }
    for (size_t g = 0; g < group; ++g) {
      if (overflow[g]) {
        DomainHit hits[kMaxDomainHits];
        listed[base + g] = match_domain(hosts[base + g], hits) > 0;
      }
    }
    for (size_t k = 0; k < npending; ++k) {
      const Pending& p = pending[k];
      if (listed[base + p.host]) continue;
      uint32_t set;
      if (entry_equals(p.index, hosts[base + p.host], p.length, set)) listed[base + p.host] = true;
    }
  }
}

void Snapshot::match_url(std::string_view url_key, size_t host_length,
                         std::vector<UrlHit>& out) const {
  if (url_hosts_.empty() || host_length > url_key.size()) return;
  uint64_t h = checksum64(url_key.substr(0, host_length));
  auto it = std::lower_bound(url_hosts_.begin(), url_hosts_.end(), h,
                             [](const format::UrlHost& u, uint64_t v) { return u.hash < v; });
  if (it == url_hosts_.end() || it->hash != h) return;
  for (uint32_t i = it->first; i < it->first + it->count; ++i) {
    const auto& e = url_entries_[i];
    std::string_view key = string_at(e.key);
    if (e.host_length == host_length && url_key.starts_with(key)) out.push_back({key, e.set});
  }
}

void Snapshot::match_expressions(std::string_view subject, std::vector<ExpressionHit>& out) const {
  for (uint32_t id : expressions_->scan(subject)) {
    if (id >= expression_refs_.size()) continue;
    out.push_back({string_at(expression_refs_[id].text), expression_refs_[id].set});
  }
}

}  // namespace inloco::filter

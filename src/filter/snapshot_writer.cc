#include "filter/snapshot_writer.h"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>

#include "filter/expression_set.h"
#include "filter/hashing.h"
#include "filter/snapshot_format.h"

namespace inloco::filter {

namespace {

using format::Section;

template <typename T>
void append_pod(std::string& out, const T& v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
std::string pod_bytes(const std::vector<T>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}
void append_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

// Category sets: each distinct sorted list of category ids gets a number.
class SetTable {
 public:
  uint32_t id(std::vector<uint16_t> members) {
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    auto [it, added] = ids_.try_emplace(members, static_cast<uint32_t>(offsets_.size()));
    if (added) {
      offsets_.push_back(static_cast<uint32_t>(flat_.size()));
      flat_.insert(flat_.end(), members.begin(), members.end());
    }
    return it->second;
  }
  uint32_t count() const { return static_cast<uint32_t>(offsets_.size()); }
  std::string offsets_bytes() const {
    auto o = offsets_;
    o.push_back(static_cast<uint32_t>(flat_.size()));
    return pod_bytes(o);
  }
  std::string members_bytes() const { return pod_bytes(flat_); }

 private:
  std::map<std::vector<uint16_t>, uint32_t> ids_;
  std::vector<uint32_t> offsets_;
  std::vector<uint16_t> flat_;
};

class StringPool {
 public:
  format::StringRef add(std::string_view s) {
    format::StringRef r{static_cast<uint32_t>(bytes_.size()), static_cast<uint32_t>(s.size())};
    bytes_.append(s);
    return r;
  }
  size_t size() const { return bytes_.size(); }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

struct DomainSections {
  std::string table, stream;
  uint32_t count = 0, index_bits = 0, slots = 0;
};

// One stream entry: the reversed domain front-coded against `previous`.
std::string stream_entry(std::string_view name, std::string_view previous, uint32_t set) {
  size_t shared = 0;
  while (shared < previous.size() && shared < name.size() && previous[shared] == name[shared])
    ++shared;
  std::string e;
  append_varint(e, static_cast<uint32_t>(shared));
  append_varint(e, static_cast<uint32_t>(name.size() - shared));
  e.append(name.substr(shared));
  append_varint(e, set);
  return e;
}

Result<DomainSections> build_domains(const CompiledLists& lists, SetTable& sets) {
  // Every (reversed domain, category) pair, as a reference into one pool.
  struct Ref {
    uint64_t offset;
    uint32_t length;
    uint16_t category;
  };
  std::string pool;
  std::vector<Ref> refs;
  size_t total = 0;
  for (const auto& c : lists.categories) total += c.domains.size();
  refs.reserve(total);
  for (size_t ci = 0; ci < lists.categories.size(); ++ci) {
    for (const auto& d : lists.categories[ci].domains) {
      refs.push_back({pool.size(), static_cast<uint32_t>(d.size()), static_cast<uint16_t>(ci)});
      pool.append(d.rbegin(), d.rend());
    }
  }
  auto view = [&](const Ref& r) { return std::string_view(pool).substr(r.offset, r.length); };
  std::sort(refs.begin(), refs.end(), [&](const Ref& a, const Ref& b) {
    int c = view(a).compare(view(b));
    return c != 0 ? c < 0 : a.category < b.category;
  });

  // The stream, in pages (snapshot_format.h Meta); each domain's name is
  // (page << kPageEntryBits) | position.
  constexpr size_t kPage = format::kPageBytes;
  DomainSections out;
  std::vector<uint64_t> hashes;
  std::vector<uint32_t> names;
  std::string_view previous;
  size_t page_start = 0;
  uint32_t in_page = 0;
  auto next_page = [&] {
    size_t end = (out.stream.size() + kPage - 1) / kPage * kPage;
    out.stream.resize(std::max(end, page_start + kPage), '\0');
    page_start = out.stream.size();
    in_page = 0;
  };
  for (size_t i = 0; i < refs.size();) {
    std::string_view name = view(refs[i]);
    std::vector<uint16_t> cats;
    size_t j = i;
    while (j < refs.size() && view(refs[j]) == name) cats.push_back(refs[j++].category);
    if (name.size() > 255) return Error::invalid("A domain is longer than 255 bytes.");
    uint32_t set = sets.id(std::move(cats));
    std::string entry = stream_entry(name, in_page > 0 ? previous : std::string_view(), set);
    if (in_page > 0 && (in_page == format::kPageEntries ||
                        out.stream.size() + entry.size() > page_start + kPage)) {
      next_page();
      entry = stream_entry(name, {}, set);
    }
    names.push_back(
        static_cast<uint32_t>(((page_start / kPage) << format::kPageEntryBits) | in_page));
    out.stream += entry;
    hashes.push_back(domain_hash(name));
    previous = name;
    ++in_page;
    // A page that is full, or an entry that ran past its page, ends it.
    if (out.stream.size() >= page_start + kPage) next_page();
    i = j;
    if (out.stream.size() / kPage >= (1u << (31 - format::kPageEntryBits)))
      return Error::invalid("The domain lists are too large.");
  }
  if (in_page > 0) next_page();
  out.count = static_cast<uint32_t>(hashes.size());
  const uint64_t max_name = uint64_t{out.stream.size() / kPage} << format::kPageEntryBits;
  out.index_bits = std::max(1u, static_cast<uint32_t>(std::bit_width(max_name)));
  // Load <= 0.8, in whole buckets (snapshot_format.h Meta says how a domain
  // finds its slot).
  const uint32_t buckets = static_cast<uint32_t>(
      (out.count + out.count / 4 + format::kBucketSlots) / format::kBucketSlots);
  out.slots = buckets * format::kBucketSlots;
  std::vector<uint32_t> table(out.slots, 0);
  std::vector<uint8_t> filled(buckets, 0);
  uint32_t tag_bits = 32 - out.index_bits;
  for (uint32_t i = 0; i < out.count; ++i) {
    uint64_t h = hashes[i];
    uint32_t b = static_cast<uint32_t>((uint64_t{static_cast<uint32_t>(h)} * buckets) >> 32);
    uint32_t tag = static_cast<uint32_t>(h >> (64 - tag_bits));
    while (filled[b] == format::kBucketSlots) b = b + 1 == buckets ? 0 : b + 1;
    table[size_t{b} * format::kBucketSlots + filled[b]++] =
        (tag << out.index_bits) | (names[i] + 1);
  }
  out.table = pod_bytes(table);
  return out;
}

}  // namespace

Result<std::string> build_snapshot(const CompiledLists& lists, SnapshotStats* stats) {
  if (lists.categories.size() > 65535) return Error::invalid("More than 65,535 categories.");
  SetTable sets;
  StringPool strings;
  format::Meta meta{};
  std::map<std::string, uint32_t> category_ids;

  std::vector<format::StringRef> categories;
  for (size_t i = 0; i < lists.categories.size(); ++i) {
    categories.push_back(strings.add(lists.categories[i].name));
    category_ids[lists.categories[i].name] = static_cast<uint32_t>(i);
  }
  std::vector<format::Alias> aliases;
  for (const auto& a : lists.aliases) {
    auto it = category_ids.find(a.target);
    if (it == category_ids.end()) continue;
    aliases.push_back({strings.add(a.name), it->second, 0});
  }

  DomainSections domains = TRY(build_domains(lists, sets));

  // Url entries: merged across categories, grouped by host.
  std::map<std::string, std::vector<uint16_t>> url_cats;
  for (size_t ci = 0; ci < lists.categories.size(); ++ci)
    for (const auto& u : lists.categories[ci].urls)
      url_cats[u].push_back(static_cast<uint16_t>(ci));
  struct PendingUrl {
    uint64_t host_hash;
    std::string key;
    uint32_t host_length;
    uint32_t set;
  };
  std::vector<PendingUrl> pending;
  for (auto& [key, cats] : url_cats) {
    size_t slash = key.find('/');
    uint32_t host_length = static_cast<uint32_t>(slash == std::string::npos ? key.size() : slash);
    pending.push_back({checksum64(std::string_view(key).substr(0, host_length)), key, host_length,
                       sets.id(cats)});
  }
  std::sort(pending.begin(), pending.end(), [](const PendingUrl& a, const PendingUrl& b) {
    return a.host_hash != b.host_hash ? a.host_hash < b.host_hash : a.key < b.key;
  });
  std::vector<format::UrlEntry> url_entries;
  std::vector<format::UrlHost> url_hosts;
  for (const auto& p : pending) {
    if (url_hosts.empty() || url_hosts.back().hash != p.host_hash)
      url_hosts.push_back({p.host_hash, static_cast<uint32_t>(url_entries.size()), 0});
    ++url_hosts.back().count;
    url_entries.push_back({strings.add(p.key), p.host_length, p.set});
  }

  // Expressions: one per distinct text, with the set of its categories.
  std::vector<std::string> texts;
  std::map<std::string, std::vector<uint16_t>> expr_cats;
  for (size_t ci = 0; ci < lists.categories.size(); ++ci) {
    for (const auto& e : lists.categories[ci].expressions) {
      auto& v = expr_cats[e];
      if (v.empty()) texts.push_back(e);
      v.push_back(static_cast<uint16_t>(ci));
    }
  }
  std::vector<format::Expression> expressions;
  for (const auto& t : texts) expressions.push_back({strings.add(t), sets.id(expr_cats[t]), 0});
  auto compiled = TRY(ExpressionSet::compile(texts));
  std::string hs_bytes = TRY(compiled->serialize());
  if (strings.size() > 0xffffffffULL) return Error::invalid("The lists hold over 4 GiB of text.");

  meta.domain_count = domains.count;
  meta.page_bytes = format::kPageBytes;
  meta.page_entries = format::kPageEntries;
  meta.index_bits = domains.index_bits;
  meta.table_slots = domains.slots;
  meta.bucket_slots = format::kBucketSlots;
  meta.url_count = static_cast<uint32_t>(url_entries.size());
  meta.url_host_count = static_cast<uint32_t>(url_hosts.size());
  meta.expression_count = static_cast<uint32_t>(expressions.size());
  meta.category_count = static_cast<uint32_t>(categories.size());
  meta.alias_count = static_cast<uint32_t>(aliases.size());
  meta.set_count = sets.count();

  std::string meta_bytes;
  append_pod(meta_bytes, meta);
  std::vector<std::pair<Section, std::string>> sections;
  sections.emplace_back(Section::kMeta, std::move(meta_bytes));
  sections.emplace_back(Section::kStrings, strings.bytes());
  sections.emplace_back(Section::kCategories, pod_bytes(categories));
  sections.emplace_back(Section::kAliases, pod_bytes(aliases));
  sections.emplace_back(Section::kSetOffsets, sets.offsets_bytes());
  sections.emplace_back(Section::kSetMembers, sets.members_bytes());
  sections.emplace_back(Section::kDomainTable, std::move(domains.table));
  sections.emplace_back(Section::kDomainStream, std::move(domains.stream));
  sections.emplace_back(Section::kUrlHosts, pod_bytes(url_hosts));
  sections.emplace_back(Section::kUrlEntries, pod_bytes(url_entries));
  sections.emplace_back(Section::kExpressions, pod_bytes(expressions));
  sections.emplace_back(Section::kHsDatabase, std::move(hs_bytes));

  auto align = [](uint64_t n) {
    return (n + format::kAlign - 1) / format::kAlign * format::kAlign;
  };
  std::vector<format::SectionEntry> directory;
  uint64_t offset = align(sizeof(format::Header) + sections.size() * sizeof(format::SectionEntry));
  for (const auto& [kind, bytes] : sections) {
    directory.push_back({static_cast<uint32_t>(kind), 0, offset, bytes.size(), checksum64(bytes)});
    offset = align(offset + bytes.size());
  }
  format::Header header{};
  std::memcpy(header.magic, format::kMagic, 8);
  header.version = format::kVersion;
  header.section_count = static_cast<uint32_t>(sections.size());
  header.file_size = offset;
  std::string dir_bytes = pod_bytes(directory);
  header.directory_checksum = checksum64(dir_bytes);
  header.header_checksum = checksum64(std::string_view(reinterpret_cast<const char*>(&header), 32));

  std::string file;
  file.reserve(offset);
  append_pod(file, header);
  file += dir_bytes;
  for (size_t i = 0; i < sections.size(); ++i) {
    file.resize(directory[i].offset, '\0');
    file += sections[i].second;
  }
  file.resize(offset, '\0');

  if (stats) {
    stats->categories = categories.size();
    stats->aliases = aliases.size();
    stats->domains = meta.domain_count;
    stats->urls = url_entries.size();
    stats->expressions = expressions.size();
    stats->bytes = file.size();
  }
  return file;
}

Result<SnapshotStats> write_snapshot(const CompiledLists& lists, const std::string& path) {
  SnapshotStats stats;
  std::string bytes = TRY(build_snapshot(lists, &stats));
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Error::unavailable("Cannot write " + tmp + ": check the folder exists.");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return Error::unavailable("Writing " + tmp + " failed (is the disk full?).");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Error::unavailable("Cannot rename the snapshot to " + path + ".");
  }
  return stats;
}

}  // namespace inloco::filter

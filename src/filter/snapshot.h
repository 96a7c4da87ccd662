// A filter snapshot mapped into memory (the file snapshot_writer writes; its
// layout is snapshot_format.h). Opening checks the magic, version, size and
// every checksum and refuses a truncated, corrupt or foreign file with an
// error that says so; the domain tables are then used in place, without
// copying or parsing. Expressions are loaded from the stored Vectorscan
// database, or compiled from their text when that database was built for
// another CPU or Vectorscan version.
//
// Lookups are the primitives the Matcher builds on; they do not allocate.
//
// Thread-safety: immutable after open(); every method may be called from any
// number of threads at once. Ownership: the Snapshot owns its mapping; views
// it returns live as long as it does.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "filter/expression_set.h"
#include "filter/mapped_file.h"
#include "filter/snapshot_format.h"

namespace inloco::filter {

using CategoryId = uint16_t;

// A listed domain that is the host or one of its parent domains.
struct DomainHit {
  uint32_t suffix_length;  // the entry is the host's last suffix_length bytes
  uint32_t set;            // its categories: Snapshot::categories(set)
};

struct UrlHit {
  std::string_view entry;  // the url entry (host + path prefix)
  uint32_t set;
};

struct ExpressionHit {
  std::string_view expression;
  uint32_t set;
};

inline constexpr int kMaxDomainHits = 128;  // a host has at most 127 labels

class Snapshot {
 public:
  [[nodiscard]] static Result<std::unique_ptr<Snapshot>> open(const std::string& path);

  size_t category_count() const { return meta_.category_count; }
  std::string_view category_name(CategoryId id) const;
  // A category by name or by alias ("porn" -> adult's id).
  std::optional<CategoryId> find_category(std::string_view name) const;
  std::vector<std::pair<std::string, std::string>> aliases() const;  // name, target
  std::span<const CategoryId> categories(uint32_t set) const;

  size_t domain_count() const { return meta_.domain_count; }
  size_t url_count() const { return meta_.url_count; }
  size_t expression_count() const { return meta_.expression_count; }
  size_t file_size() const { return file_.bytes().size(); }
  bool expressions_recompiled() const { return recompiled_; }

  // The listed domains that `host` (normalised, lower case) is or is under,
  // most specific first; writes up to kMaxDomainHits into `hits`.
  int match_domain(std::string_view host, DomainHit* hits) const;

  // Whether `host` or one of its parent domains is listed: match_domain
  // that stops at the first hit.
  bool domain_listed(std::string_view host) const;

  // Whether each host is listed by a domain entry (listed[i] for hosts[i];
  // the spans have the same size). Works through the hosts in groups,
  // overlapping their memory accesses, so it is several times faster per
  // host than match_domain when a caller has many at once (the Squid helper
  // with concurrent requests, bulk checks).
  void domains_listed(std::span<const std::string_view> hosts, std::span<bool> listed) const;

  // The url entries that are a prefix of `url_key` (NormalisedUrl::url_key)
  // for the same host; `host_length` is the length of the key's host part.
  void match_url(std::string_view url_key, size_t host_length, std::vector<UrlHit>& out) const;

  // Whether any url entry has this host (the url_key's host part), so that a
  // caller builds the url key only when it can match.
  bool has_url_entries(std::string_view key_host) const;

  // The expressions found in `subject` (NormalisedUrl::expression_subject).
  void match_expressions(std::string_view subject, std::vector<ExpressionHit>& out) const;

  // Every domain entry listed in any of `wanted` (category ids), in no
  // particular order. For exports (the DNS zone, rpz_zone.h), not lookups:
  // it reads the whole domain stream once.
  std::vector<std::string> domains_in(std::span<const CategoryId> wanted) const;

  ~Snapshot();

 private:
  Snapshot() = default;
  Status load();
  // Whether the entry named `name` (snapshot_format.h Meta) is the host's
  // suffix of `length` bytes; its category set when it is.
  bool entry_equals(uint32_t name, std::string_view host, uint32_t length, uint32_t& set) const;
  uint32_t bucket_of(uint64_t hash) const;
  // Whether the host's suffix of `length` bytes, whose key is `hash`, is a
  // listed domain; its category set when it is.
  bool find_suffix(uint64_t hash, std::string_view host, uint32_t length, uint32_t& set) const;
  std::string_view string_at(format::StringRef r) const;

  MappedFile file_;
  format::Meta meta_{};
  std::string_view strings_;
  std::span<const format::StringRef> category_refs_;
  std::span<const format::Alias> alias_refs_;
  std::span<const uint32_t> set_offsets_;
  std::span<const CategoryId> set_members_;
  std::span<const uint32_t> table_;
  uint32_t buckets_ = 0;   // table_slots / kBucketSlots
  uint32_t tag_mask_ = 0;  // the tag bits of a slot
  int tag_shift_ = 0;      // hash >> tag_shift_ is a domain's tag
  std::string_view stream_;
  std::span<const format::UrlHost> url_hosts_;
  std::span<const format::UrlEntry> url_entries_;
  // url_hosts_ is sorted by hash: url_radix_[p] is the first one whose hash's
  // top url_radix_bits_ bits are >= p (built on load), so a host is found in
  // about one step.
  std::vector<uint32_t> url_radix_;
  int url_radix_bits_ = 0;
  std::span<const format::UrlHost> url_hosts_with(uint64_t hash) const;
  std::span<const format::Expression> expression_refs_;
  std::unique_ptr<ExpressionSet> expressions_;
  bool recompiled_ = false;
};

}  // namespace inloco::filter

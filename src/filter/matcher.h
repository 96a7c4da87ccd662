// Matching a normalised URL against a snapshot with squidGuard's semantics
// (NET-1, NET-4, LAW-8), so that a school can move from squidGuard to inloco
// with the same lists and the same verdicts:
//   - domain entry: matches the host itself and every host under it
//     ("facebook.com" matches "facebook.com" and "m.facebook.com", never
//     "notfacebook.com"); squidGuard looks up "." + host against
//     "." + entry by suffix, which is the same thing.
//   - url entry: matches when it is a prefix of the request's url_key()
//     (host without www/webNN/ftpNN, then path and query, lower case; no
//     scheme or port), and its host is the request's whole host. squidGuard
//     compares the bytes with no boundary rule: "example.com/foo" matches
//     "example.com/foobar", and so does inloco. It differs from squidGuard in
//     two places, both squidGuard faults: the host must be whole (squidGuard's
//     byte prefix lets "example.com" match "example.community.org"), and every
//     entry is tried (squidGuard only looks at the nearest one in its B-tree,
//     so a shorter entry is missed when a longer one for the same path sorts
//     between).
//   - expression: a case-insensitive regular expression found anywhere in
//     expression_subject() (the lower-case URL with its scheme).
// Each category is reported once, with its first rule in the order domain
// (most specific first), url entry, expression — squidGuard's order.
//
// Thread-safety: a Matcher holds only a reference to its Snapshot, which must
// outlive it; every method may be called from any number of threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "filter/snapshot.h"
#include "filter/url_normaliser.h"

namespace inloco::filter {

enum class RuleKind { kDomain, kUrl, kExpression };

struct Match {
  CategoryId category = 0;
  std::string category_name;
  RuleKind kind = RuleKind::kDomain;
  std::string entry;  // the list entry that matched

  // "domain:facebook.com", "url:epicurious.com/community", "expression:..."
  std::string rule() const;
};

class Matcher {
 public:
  explicit Matcher(const Snapshot& snapshot) : snapshot_(snapshot) {}

  // Every matching category, each once, in category-id order.
  std::vector<Match> match_all(const NormalisedUrl& url) const;

  // The first of `order` (category ids, most important first) that matches.
  std::optional<Match> first(const NormalisedUrl& url, std::span<const CategoryId> order) const;

  // The fast path: whether a normalised host is listed in any category by a
  // domain entry. Does not allocate.
  bool domain_listed(std::string_view host) const;

  // The same for many hosts at once (listed[i] for hosts[i]), faster per
  // host: see Snapshot::domains_listed.
  void domains_listed(std::span<const std::string_view> hosts, std::span<bool> listed) const {
    snapshot_.domains_listed(hosts, listed);
  }

  const Snapshot& snapshot() const { return snapshot_; }

 private:
  const Snapshot& snapshot_;
};

}  // namespace inloco::filter

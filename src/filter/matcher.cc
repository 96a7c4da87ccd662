#include "filter/matcher.h"

#include <algorithm>

namespace inloco::filter {

std::string Match::rule() const {
  switch (kind) {
    case RuleKind::kDomain:
      return "domain:" + entry;
    case RuleKind::kUrl:
      return "url:" + entry;
    case RuleKind::kExpression:
      return "expression:" + entry;
  }
  return entry;
}

bool Matcher::domain_listed(std::string_view host) const { return snapshot_.domain_listed(host); }

namespace {

// The categories already reported: bits on the stack for the usual number
// of categories, so that matching an unlisted URL allocates nothing here.
class CategorySeen {
 public:
  explicit CategorySeen(size_t count) {
    if (count > kInline * 64) heap_.assign((count + 63) / 64, 0);
  }
  // True the first time `c` is seen.
  bool first(CategoryId c) {
    uint64_t* words = heap_.empty() ? inline_ : heap_.data();
    uint64_t bit = uint64_t{1} << (c % 64);
    if (words[c / 64] & bit) return false;
    words[c / 64] |= bit;
    return true;
  }

 private:
  static constexpr size_t kInline = 16;  // 1,024 categories
  uint64_t inline_[kInline] = {};
  std::vector<uint64_t> heap_;
};

}  // namespace

std::vector<Match> Matcher::match_all(const NormalisedUrl& url) const {
  std::vector<Match> out;
  CategorySeen seen(snapshot_.category_count());
  auto add = [&](uint32_t set, RuleKind kind, std::string_view entry) {
    for (CategoryId c : snapshot_.categories(set)) {
      if (c >= snapshot_.category_count() || !seen.first(c)) continue;
      out.push_back({c, std::string(snapshot_.category_name(c)), kind, std::string(entry)});
    }
  };
  DomainHit hits[kMaxDomainHits];
  int n = snapshot_.match_domain(url.host, hits);
  for (int i = 0; i < n; ++i)
    add(hits[i].set, RuleKind::kDomain,
        std::string_view(url.host).substr(url.host.size() - hits[i].suffix_length));
  // The key is built only for a host that has url entries (few do).
  std::string_view key_host =
      url.host_kind == HostKind::kName ? strip_www(url.host) : std::string_view(url.host);
  if (snapshot_.url_count() > 0 && snapshot_.has_url_entries(key_host)) {
    std::string key = url.url_key();
    std::vector<UrlHit> urls;
    snapshot_.match_url(key, key_host.size(), urls);
    // The longest (most specific) entry first.
    std::stable_sort(urls.begin(), urls.end(), [](const UrlHit& a, const UrlHit& b) {
      return a.entry.size() > b.entry.size();
    });
    for (const auto& u : urls) add(u.set, RuleKind::kUrl, u.entry);
  }
  if (snapshot_.expression_count() > 0) {
    // One buffer per thread for the subject: no allocation per URL.
    static thread_local std::string subject;
    url.expression_subject(subject);
    std::vector<ExpressionHit> exprs;
    snapshot_.match_expressions(subject, exprs);
    for (const auto& e : exprs) add(e.set, RuleKind::kExpression, e.expression);
  }
  std::sort(out.begin(), out.end(),
            [](const Match& a, const Match& b) { return a.category < b.category; });
  return out;
}

std::optional<Match> Matcher::first(const NormalisedUrl& url,
                                    std::span<const CategoryId> order) const {
  std::vector<Match> all = match_all(url);
  for (CategoryId c : order)
    for (auto& m : all)
      if (m.category == c) return std::move(m);
  return std::nullopt;
}

}  // namespace inloco::filter

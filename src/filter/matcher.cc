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

bool Matcher::domain_listed(std::string_view host) const {
  DomainHit hits[kMaxDomainHits];
  return snapshot_.match_domain(host, hits) > 0;
}

std::vector<Match> Matcher::match_all(const NormalisedUrl& url) const {
  std::vector<Match> out;
  std::vector<bool> seen(snapshot_.category_count(), false);
  auto add = [&](uint32_t set, RuleKind kind, std::string_view entry) {
    for (CategoryId c : snapshot_.categories(set)) {
      if (c >= seen.size() || seen[c]) continue;
      seen[c] = true;
      out.push_back({c, std::string(snapshot_.category_name(c)), kind, std::string(entry)});
    }
  };
  DomainHit hits[kMaxDomainHits];
  int n = snapshot_.match_domain(url.host, hits);
  for (int i = 0; i < n; ++i)
    add(hits[i].set, RuleKind::kDomain,
        std::string_view(url.host).substr(url.host.size() - hits[i].suffix_length));
  if (snapshot_.url_count() > 0) {
    std::string key = url.url_key();
    size_t host_length = key.find('/');
    if (host_length == std::string::npos) host_length = key.size();
    std::vector<UrlHit> urls;
    snapshot_.match_url(key, host_length, urls);
    // The longest (most specific) entry first.
    std::stable_sort(urls.begin(), urls.end(), [](const UrlHit& a, const UrlHit& b) {
      return a.entry.size() > b.entry.size();
    });
    for (const auto& u : urls) add(u.set, RuleKind::kUrl, u.entry);
  }
  if (snapshot_.expression_count() > 0) {
    std::vector<ExpressionHit> exprs;
    snapshot_.match_expressions(url.expression_subject(), exprs);
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

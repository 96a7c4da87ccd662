#include "filter/school_policy.h"

#include <algorithm>
#include <set>

#include "profile/platform_registry.h"

namespace inloco::filter {
namespace {

constexpr std::string_view kLockedMessage =
    "This site is blocked on the school network for everyone, and no one can unblock it.";

// "Pupils" -> "pupils" inside a sentence; "ICT staff" stays as written.
std::string in_sentence(std::string_view label) {
  std::string out(label);
  if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z')
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  return out;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Case-insensitive order, so a lower-case table is searched with any case.
bool less_folded(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    char x = lower(a[i]), y = lower(b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

bool equal_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !less_folded(a, b) && !less_folded(b, a);
}

// `host` is `domain` or a host under it.
bool under(std::string_view host, std::string_view domain) {
  if (host.size() < domain.size() || host.substr(host.size() - domain.size()) != domain)
    return false;
  return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

int site_index(std::string_view key) {
  auto sites = filter_sites();
  for (size_t i = 0; i < sites.size(); ++i)
    if (sites[i].key == key) return static_cast<int>(i);
  return -1;
}

// The site bits of a list of site keys; "all" is every site the filter knows.
uint64_t site_bits(const std::vector<std::string>& keys) {
  uint64_t bits = 0;
  for (const std::string& k : keys) {
    if (k == "all")
      return filter_sites().size() >= 64 ? ~0ull : (1ull << filter_sites().size()) - 1;
    if (int i = site_index(k); i >= 0) bits |= 1ull << i;
  }
  return bits;
}

}  // namespace

LocalTime school_local_time(std::chrono::sys_seconds t) {
  using namespace std::chrono;
  sys_days day = floor<days>(t);
  year y = year_month_day{day}.year();
  // BST: 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
  // Sunday of October.
  sys_seconds bst_start = sys_days{y / March / Sunday[last]} + hours{1};
  sys_seconds bst_end = sys_days{y / October / Sunday[last]} + hours{1};
  sys_seconds local = t + (t >= bst_start && t < bst_end ? hours{1} : hours{0});
  sys_days local_day = floor<days>(local);
  LocalTime out;
  out.weekday = static_cast<int>(weekday{local_day}.iso_encoding()) - 1;  // Monday 0
  out.minute = static_cast<int>(duration_cast<minutes>(local - local_day).count());
  return out;
}

Result<SchoolPolicy> SchoolPolicy::build(const FilterRules& rules, const Snapshot& snapshot,
                                         std::vector<PolicyException> exceptions) {
  return build(
      rules, [&snapshot](std::string_view name) { return snapshot.find_category(name); },
      std::move(exceptions));
}

Result<SchoolPolicy> SchoolPolicy::build(const FilterRules& rules, const CategoryLookup& lookup,
                                         std::vector<PolicyException> exceptions) {
  SchoolPolicy p;
  std::set<std::string> unknown;
  auto mask_of = [&](const std::vector<std::string>& names) {
    Mask mask;
    for (const std::string& name : names) {
      std::optional<CategoryId> id = lookup(name);
      if (!id) {
        unknown.insert(name);
        continue;
      }
      size_t word = *id / 64;
      if (mask.size() <= word) mask.resize(word + 1, 0);
      mask[word] |= 1ull << (*id % 64);
    }
    return mask;
  };
  p.locked_ = mask_of(rules.locked_categories);

  for (const auto& [key, g] : rules.groups) {
    Group group;
    group.key = key;
    group.members = g.members;
    std::string who = in_sentence(g.label.empty() ? key : g.label);
    group.categories = mask_of(g.blocked_categories);
    group.sites = site_bits(g.blocked);
    group.social_message = "Social media is blocked for " + who + " on the school network.";
    group.category_message = "This kind of site is blocked for " + who + " on the school network.";
    group.age_message = "This site is blocked for " + who +
                        " on the school network: its terms of use set a higher minimum age.";
    std::set<std::string> window_keys;
    for (const auto& [w, unused] : g.blocked_during) window_keys.insert(w);
    for (const auto& [w, unused] : g.blocked_categories_during) window_keys.insert(w);
    for (const std::string& w : window_keys) {
      auto it = rules.windows.find(w);
      if (it == rules.windows.end())
        return Error::invalid("The filter group '" + key + "' names the window '" + w +
                              "', which [filter.windows] does not define.");
      Window window;
      window.key = w;
      window.times = it->second.times;
      if (auto s = g.blocked_during.find(w); s != g.blocked_during.end())
        window.sites = site_bits(s->second);
      if (auto c = g.blocked_categories_during.find(w); c != g.blocked_categories_during.end())
        window.categories = mask_of(c->second);
      std::string when = in_sentence(it->second.label.empty() ? w : it->second.label);
      window.social_message = "Social media is blocked for " + who + " during " + when + ".";
      window.category_message = "This kind of site is blocked for " + who + " during " + when + ".";
      if (window.sites != 0 || !window.categories.empty())
        group.windows.push_back(std::move(window));
    }
    if (rules.age_limits_enforced && g.age > 0) {
      auto sites = filter_sites();
      for (size_t i = 0; i < sites.size(); ++i) {
        auto limit = rules.age_limits.find(std::string(sites[i].key));
        int age = limit != rules.age_limits.end() ? limit->second
                  : sites[i].minimum_age > 0      ? sites[i].minimum_age
                                                  : rules.minimum_age;
        if (age > g.age) group.age_sites |= 1ull << i;
      }
    }
    int index = static_cast<int>(p.groups_.size());
    for (const std::string& u : g.users) p.users_.emplace_back(lower(u), index);
    for (const std::string& s : g.sources) {
      auto range = parse_address_range(s);
      if (!range.ok())
        return Error::invalid("The filter group '" + key + "': " + range.error().message);
      p.sources_.push_back({*range, index});
    }
    p.groups_.push_back(std::move(group));
  }

  auto def = std::find_if(p.groups_.begin(), p.groups_.end(),
                          [&](const Group& g) { return g.key == rules.default_group; });
  if (def == p.groups_.end())
    return Error::invalid("The default filter group '" + rules.default_group +
                          "' is not a group defined under [filter.groups].");
  p.default_group_ = static_cast<int>(def - p.groups_.begin());

  std::sort(p.users_.begin(), p.users_.end());
  // Most specific range first; equal ranges keep the groups' order.
  std::stable_sort(p.sources_.begin(), p.sources_.end(), [](const Source& a, const Source& b) {
    return a.range.prefix > b.range.prefix;
  });
  auto sites = filter_sites();
  for (size_t i = 0; i < sites.size(); ++i)
    for (std::string_view d : sites[i].domains) p.domains_.emplace_back(d, static_cast<int>(i));
  std::sort(p.domains_.begin(), p.domains_.end());

  for (PolicyException& e : exceptions) {
    int group = -1;
    if (!e.group.empty()) {
      auto it = std::find_if(p.groups_.begin(), p.groups_.end(),
                             [&](const Group& g) { return g.key == e.group; });
      if (it == p.groups_.end())
        return Error::invalid("An exception for " + e.domain + " names the filter group '" +
                              e.group + "', which the profile does not define.");
      group = static_cast<int>(it - p.groups_.begin());
    }
    p.exceptions_.push_back({group, std::move(e.user), lower(e.domain), e.until});
  }
  p.unknown_categories_.assign(unknown.begin(), unknown.end());
  return p;
}

int SchoolPolicy::group_index(const Request& request) const {
  if (!request.group.empty())
    for (size_t i = 0; i < groups_.size(); ++i)
      if (groups_[i].key == request.group) return static_cast<int>(i);
  if (!request.user.empty() && !users_.empty()) {
    auto it = std::lower_bound(users_.begin(), users_.end(), request.user,
                               [](const std::pair<std::string, int>& e, std::string_view u) {
                                 return less_folded(e.first, u);
                               });
    if (it != users_.end() && equal_folded(it->first, request.user)) return it->second;
  }
  if (!request.source_address.empty() && !sources_.empty())
    if (auto address = parse_ip_address(request.source_address))
      for (const Source& s : sources_)
        if (s.range.contains(*address)) return s.group;
  if (!request.kind_group.empty())
    for (size_t i = 0; i < groups_.size(); ++i)
      if (groups_[i].key == request.kind_group) return static_cast<int>(i);
  return default_group_;
}

std::string_view SchoolPolicy::group_for(const Request& request) const {
  return groups_[static_cast<size_t>(group_index(request))].key;
}

std::string_view SchoolPolicy::group_for_kind(std::string_view kind) const {
  for (const Group& g : groups_)
    if (std::find(g.members.begin(), g.members.end(), kind) != g.members.end()) return g.key;
  return {};
}

int SchoolPolicy::site_of(std::string_view host) const {
  // Every parent domain of the host, most specific first.
  for (size_t start = 0; start < host.size();) {
    std::string_view suffix = host.substr(start);
    auto it = std::lower_bound(
        domains_.begin(), domains_.end(), suffix,
        [](const std::pair<std::string_view, int>& e, std::string_view s) { return e.first < s; });
    if (it != domains_.end() && it->first == suffix) return it->second;
    size_t dot = host.find('.', start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return -1;
}

const SchoolPolicy::Exception* SchoolPolicy::exception_for(const Request& request,
                                                           int group) const {
  for (const Exception& e : exceptions_) {
    if (e.until <= request.time) continue;
    if (!e.user.empty() ? !equal_folded(e.user, request.user) : e.group >= 0 && e.group != group)
      continue;
    if (under(request.url.host, e.domain)) return &e;
  }
  return nullptr;
}

Decision SchoolPolicy::decide(const Request& request, std::span<const Match> matches) const {
  // LAW-8 first: nothing below may allow a locked category.
  for (const Match& m : matches)
    if (has(locked_, m.category)) {
      Decision d{Verdict::kBlock, m, m.category_name, "locked:" + m.category_name, kLockedMessage};
      return d;
    }

  int gi = group_index(request);
  const Group& g = groups_[static_cast<size_t>(gi)];
  const Match* category = nullptr;  // the first blocked category matched
  int site = -1;                    // the site the host belongs to, if any
  std::string_view tier;            // "always", a window key, "age"
  std::string_view message;
  auto blocked_category = [&](const Mask& mask) {
    for (const Match& m : matches)
      if (has(mask, m.category)) return &m;
    return static_cast<const Match*>(nullptr);
  };
  const int host_site =
      (g.sites | g.age_sites) != 0 || !g.windows.empty() ? site_of(request.url.host) : -1;
  auto site_blocked = [&](uint64_t bits) {
    return host_site >= 0 && ((bits >> host_site) & 1u) != 0;
  };

  if ((category = blocked_category(g.categories))) {
    tier = "always";
    message = g.category_message;
  } else if (site_blocked(g.sites)) {
    site = host_site;
    tier = "always";
    message = g.social_message;
  } else {
    if (!g.windows.empty()) {
      LocalTime now =
          school_local_time(std::chrono::sys_seconds{std::chrono::seconds{request.time}});
      for (const Window& w : g.windows) {
        bool open = std::any_of(w.times.begin(), w.times.end(), [&](const TimeRange& r) {
          return r.contains(now.weekday, now.minute);
        });
        if (!open) continue;
        if ((category = blocked_category(w.categories))) {
          tier = w.key;
          message = w.category_message;
          break;
        }
        if (site_blocked(w.sites)) {
          site = host_site;
          tier = w.key;
          message = w.social_message;
          break;
        }
      }
    }
    if (tier.empty() && site_blocked(g.age_sites)) {
      site = host_site;
      tier = "age";
      message = g.age_message;
    }
  }
  if (tier.empty()) return {};

  // An approved exception lifts any block but a locked one (NET-3).
  if (const Exception* e = exception_for(request, gi)) {
    Decision d;
    if (category) d.because = *category;
    d.rule = "exception:" + e->domain;
    return d;
  }
  Decision d;
  d.verdict = Verdict::kBlock;
  d.message = message;
  if (category) {
    d.because = *category;
    d.category = category->category_name;
  } else {
    d.category = std::string(filter_sites()[static_cast<size_t>(site)].key);
    // The list match, when there is one, still says what the lists knew.
    if (!matches.empty()) d.because = matches.front();
  }
  d.rule = "group:" + g.key + ":" + std::string(tier) + ":" + d.category;
  return d;
}

}  // namespace inloco::filter

#include "filter/rpz_zone.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "core/whole_file.h"
#include "filter/school_lists_reader.h"
#include "profile/platform_registry.h"

namespace inloco::filter {
namespace {

// SafeSearch through DNS, as each provider documents it for network
// administrators:
//   - Google: "Block adult content at your school with SafeSearch", option 3
//     (https://support.google.com/websearch/answer/186669): a CNAME from each
//     Google domain people search on to forcesafesearch.google.com; the
//     country domains are those of https://www.google.com/supported_domains.
//   - YouTube: "Restrict YouTube content on your network", DNS method
//     (https://support.google.com/a/answer/6214622): www.youtube.com,
//     m.youtube.com, youtubei.googleapis.com, youtube.googleapis.com and
//     www.youtube-nocookie.com to restrict.youtube.com (strict) or
//     restrictmoderate.youtube.com (moderate).
//   - Bing: www.bing.com to strict.bing.com, and DuckDuckGo: duckduckgo.com,
//     www.duckduckgo.com and start.duckduckgo.com to safe.duckduckgo.com. We
//     found no page of Microsoft's or DuckDuckGo's own naming these hosts;
//     they are the ones DNS filter providers document (Cisco Umbrella's
//     "Enable SafeSearch", CleanBrowsing's SafeSearch guide, AdGuard's
//     engines_safe_search list).
// clang-format off
constexpr std::string_view kGoogleSuffixes[] = {
    "com",
    "ad", "ae", "al", "am", "as", "at", "az", "ba", "be", "bf", "bg", "bi", "bj", "bs", "bt",
    "by", "ca", "cat", "cd", "cf", "cg", "ch", "ci", "cl", "cm", "cn", "co", "co.ao", "co.bw",
    "co.ck", "co.cr", "co.id", "co.il", "co.in", "co.jp", "co.ke", "co.kr", "co.ls", "co.ma",
    "co.mz", "co.nz", "co.th", "co.tz", "co.ug", "co.uk", "co.uz", "co.ve", "co.vi", "com.af",
    "com.ag", "com.ai", "com.ar", "com.au", "com.bd", "com.bh", "com.bn", "com.bo", "com.br",
    "com.bz", "com.co", "com.cu", "com.cy", "com.do", "com.ec", "com.eg", "com.et", "com.fj",
    "com.gh", "com.gi", "com.gt", "com.hk", "com.jm", "com.kh", "com.kw", "com.lb", "com.ly",
    "com.mm", "com.mt", "com.mx", "com.my", "com.na", "com.nf", "com.ng", "com.ni", "com.np",
    "com.om", "com.pa", "com.pe", "com.pg", "com.ph", "com.pk", "com.pr", "com.py", "com.qa",
    "com.sa", "com.sb", "com.sg", "com.sl", "com.sv", "com.tj", "com.tr", "com.tw", "com.ua",
    "com.uy", "com.vc", "com.vn", "cv", "cz", "de", "dj", "dk", "dm", "dz", "ee", "es", "fi",
    "fm", "fr", "ga", "ge", "gg", "gl", "gm", "gp", "gr", "gy", "hn", "hr", "ht", "hu", "ie",
    "im", "iq", "is", "it", "je", "jo", "kg", "ki", "kz", "la", "li", "lk", "lt", "lu", "lv",
    "md", "me", "mg", "mk", "ml", "mn", "ms", "mu", "mv", "mw", "ne", "nl", "no", "nr", "nu",
    "pl", "pn", "ps", "pt", "ro", "rs", "ru", "rw", "sc", "se", "sh", "si", "sk", "sm", "sn",
    "so", "sr", "st", "td", "tg", "tk", "tl", "tm", "tn", "to", "tt", "vg", "vu", "ws",
};
// clang-format on
constexpr std::string_view kGoogleSafe = "forcesafesearch.google.com";
constexpr std::string_view kBingHosts[] = {"www.bing.com"};
constexpr std::string_view kBingSafe = "strict.bing.com";
constexpr std::string_view kDuckDuckGoHosts[] = {"duckduckgo.com", "www.duckduckgo.com",
                                                 "start.duckduckgo.com"};
constexpr std::string_view kDuckDuckGoSafe = "safe.duckduckgo.com";
constexpr std::string_view kYoutubeHosts[] = {"www.youtube.com", "m.youtube.com",
                                              "youtubei.googleapis.com", "youtube.googleapis.com",
                                              "www.youtube-nocookie.com"};
constexpr std::string_view kYoutubeStrict = "restrict.youtube.com";
constexpr std::string_view kYoutubeModerate = "restrictmoderate.youtube.com";

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The parent domain of `name` ("b.c" for "a.b.c"); empty at the top.
std::string_view parent(std::string_view name) {
  size_t dot = name.find('.');
  return dot == std::string_view::npos ? std::string_view{} : name.substr(dot + 1);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether `name` can be an owner name of the zone, with "*." before it and
// the zone's name after it (at most 253 characters in all): labels of 1 to
// 63 letters, digits, '-' or '_'. An IPv4 address (every label numeric) is
// no host name a resolver is asked for.
bool zone_name_ok(std::string_view name, size_t room) {
  if (name.empty() || name.size() > room) return false;
  bool numeric = true;
  for (std::string_view rest = name; !rest.empty();) {
    size_t dot = rest.find('.');
    std::string_view label = rest.substr(0, dot);
    if (label.empty() || label.size() > 63) return false;
    for (char c : label)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    numeric = numeric && all_digits(label);
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
    if (rest.empty()) return false;  // a trailing dot
  }
  return !numeric;
}

// "rpz.inloco" or "rpz.inloco." -> "rpz.inloco."; empty when not a DNS name.
std::string absolute_zone_name(std::string_view text) {
  std::string name = lower(text);
  if (!name.empty() && name.back() == '.') name.pop_back();
  if (!zone_name_ok(name, 200)) return {};
  return name + ".";
}

// The age limit of a site for the rules: the profile's, else the site's
// terms, else the profile's minimum_age (the rule SchoolPolicy applies).
int age_limit(const FilterRules& rules, const SiteFacts& site) {
  auto it = rules.age_limits.find(std::string(site.key));
  if (it != rules.age_limits.end()) return it->second;
  return site.minimum_age > 0 ? site.minimum_age : rules.minimum_age;
}

std::string comment_text(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string list_or_none(const std::vector<std::string>& items) {
  return items.empty() ? "none" : join(items, ", ");
}

}  // namespace

std::string_view youtube_restriction_key(YoutubeRestriction r) {
  switch (r) {
    case YoutubeRestriction::kStrict:
      return "strict";
    case YoutubeRestriction::kModerate:
      return "moderate";
    case YoutubeRestriction::kOff:
      return "off";
  }
  return "strict";
}

std::optional<YoutubeRestriction> parse_youtube_restriction(std::string_view key) {
  for (auto r :
       {YoutubeRestriction::kStrict, YoutubeRestriction::kModerate, YoutubeRestriction::kOff})
    if (youtube_restriction_key(r) == key) return r;
  return std::nullopt;
}

YoutubeRestriction default_youtube_restriction(const FilterGroup& group) {
  if (group.members.empty()) return YoutubeRestriction::kStrict;
  for (const std::string& kind : group.members)
    if (kind == "pupil" || kind == "guest") return YoutubeRestriction::kStrict;
  return YoutubeRestriction::kModerate;
}

std::vector<SafeSearchName> safe_search_names(YoutubeRestriction youtube) {
  std::vector<SafeSearchName> out;
  for (std::string_view suffix : kGoogleSuffixes) {
    std::string domain = "google." + std::string(suffix);
    out.push_back({domain, std::string(kGoogleSafe)});
    out.push_back({"www." + domain, std::string(kGoogleSafe)});
  }
  for (std::string_view h : kBingHosts) out.push_back({std::string(h), std::string(kBingSafe)});
  for (std::string_view h : kDuckDuckGoHosts)
    out.push_back({std::string(h), std::string(kDuckDuckGoSafe)});
  if (youtube != YoutubeRestriction::kOff) {
    std::string_view target =
        youtube == YoutubeRestriction::kStrict ? kYoutubeStrict : kYoutubeModerate;
    for (std::string_view h : kYoutubeHosts) out.push_back({std::string(h), std::string(target)});
  }
  return out;
}

Result<RpzZone> build_rpz_zone(const Snapshot& snapshot, const FilterRules& rules,
                               std::string_view group, std::span<const PolicyException> exceptions,
                               int64_t now, const RpzOptions& options) {
  auto found = rules.groups.find(std::string(group));
  if (found == rules.groups.end()) {
    std::vector<std::string> keys;
    for (const auto& [key, unused] : rules.groups) keys.push_back(key);
    return Error::invalid(
        "'" + std::string(group) +
        "' is not a filter group of the profile; its groups are: " + join(keys, ", ") + ".");
  }
  const FilterGroup& g = found->second;
  RpzZone zone;
  zone.group = std::string(group);
  zone.zone_name = absolute_zone_name(options.zone_name);
  if (zone.zone_name.empty())
    return Error::invalid("The zone name '" + options.zone_name +
                          "' is not a DNS name: write it like rpz.inloco.");
  zone.youtube = options.youtube.value_or(default_youtube_restriction(g));
  // Room for "*." and "." + the zone's name within 253 characters.
  const size_t room = 253 - 3 - (zone.zone_name.size() - 1);

  std::set<std::string> unknown;
  auto resolve = [&](const std::vector<std::string>& names, std::vector<std::string>& known) {
    std::vector<CategoryId> ids;
    for (const std::string& name : names) {
      std::optional<CategoryId> id = snapshot.find_category(name);
      if (!id) {
        unknown.insert(name);
        continue;
      }
      ids.push_back(*id);
      known.push_back(name);
    }
    return ids;
  };
  std::vector<CategoryId> locked = resolve(rules.locked_categories, zone.locked_categories);
  std::vector<CategoryId> always = resolve(g.blocked_categories, zone.categories);
  if (std::optional<CategoryId> own = snapshot.find_category(kSchoolBlockedCategory)) {
    always.push_back(*own);
    zone.categories.push_back(kSchoolBlockedCategory);
  }
  zone.unknown_categories.assign(unknown.begin(), unknown.end());

  // Every blocked domain, and whether a locked category lists it.
  std::unordered_map<std::string, bool> blocked;
  std::unordered_set<std::string> not_names;
  auto add = [&](std::string domain, bool is_locked) {
    if (!zone_name_ok(domain, room)) {
      not_names.insert(std::move(domain));
      return;
    }
    auto [it, inserted] = blocked.emplace(std::move(domain), is_locked);
    if (!inserted && is_locked) it->second = true;
  };
  for (std::string& d : snapshot.domains_in(locked)) add(std::move(d), true);
  for (std::string& d : snapshot.domains_in(always)) add(std::move(d), false);

  const bool all_sites = std::find(g.blocked.begin(), g.blocked.end(), "all") != g.blocked.end();
  for (const SiteFacts& site : filter_sites()) {
    bool always_site =
        all_sites || std::find(g.blocked.begin(), g.blocked.end(), site.key) != g.blocked.end();
    bool age_site =
        !always_site && rules.age_limits_enforced && g.age > 0 && age_limit(rules, site) > g.age;
    if (!always_site && !age_site) continue;
    (always_site ? zone.sites : zone.age_sites).emplace_back(site.key);
    for (std::string_view d : site.domains) add(std::string(d), false);
  }

  // A name is "covered" by a set when it or one of its parent domains is in it.
  auto covered_by = [](const auto& set, std::string_view name) {
    for (std::string_view n = name; !n.empty(); n = parent(n))
      if (set.count(std::string(n))) return true;
    return false;
  };
  auto locked_covers = [&](std::string_view name) {
    for (std::string_view n = name; !n.empty(); n = parent(n)) {
      auto it = blocked.find(std::string(n));
      if (it != blocked.end() && it->second) return true;
    }
    return false;
  };

  // The exceptions DNS can carry: in force, for the group or for everyone,
  // and never into a locked category (LAW-8).
  std::set<std::string> opened;
  size_t for_one_person = 0;
  for (const PolicyException& e : exceptions) {
    if (e.until <= now) continue;
    if (!e.user.empty()) {
      ++for_one_person;
      continue;
    }
    if (!e.group.empty() && e.group != group) continue;
    std::string domain = lower(e.domain);
    while (!domain.empty() && domain.back() == '.') domain.pop_back();
    if (!zone_name_ok(domain, room)) continue;
    if (locked_covers(domain)) {
      zone.left_out.push_back("The exception for " + domain +
                              " is not applied: it is in a locked category, which no exception "
                              "opens (LAW-8).");
      continue;
    }
    opened.insert(std::move(domain));
  }
  // An exception lifts every block on its names but a locked one.
  if (!opened.empty())
    for (auto it = blocked.begin(); it != blocked.end();)
      it = !it->second && covered_by(opened, it->first) ? blocked.erase(it) : std::next(it);

  // Keep an entry only when the nearest entry above it is of the other kind:
  // a blocked domain under a blocked one adds nothing, and a passthru is
  // needed only where a blocked domain above it would catch it.
  enum class Kind { kBlock, kPass };
  std::unordered_map<std::string_view, Kind> kinds;
  for (const auto& [name, unused] : blocked) kinds.emplace(name, Kind::kBlock);
  for (const std::string& name : opened) kinds.emplace(name, Kind::kPass);
  auto nearest_above = [&](std::string_view name) -> std::optional<Kind> {
    for (std::string_view n = parent(name); !n.empty(); n = parent(n))
      if (auto it = kinds.find(n); it != kinds.end()) return it->second;
    return std::nullopt;
  };
  for (const auto& [name, kind] : kinds) {
    std::optional<Kind> above = nearest_above(name);
    if (kind == Kind::kBlock && above != Kind::kBlock) zone.blocked.emplace_back(name);
    if (kind == Kind::kPass && above == Kind::kBlock) zone.passthru.emplace_back(name);
  }
  std::sort(zone.blocked.begin(), zone.blocked.end());
  std::sort(zone.passthru.begin(), zone.passthru.end());

  // SafeSearch, except where the group blocks the name or its target
  // outright (YouTube blocked: none of its hosts is redirected).
  auto blocked_outright = [&](std::string_view name) {
    auto self = kinds.find(name);
    return (self != kinds.end() ? std::optional<Kind>(self->second) : nearest_above(name)) ==
           Kind::kBlock;
  };
  for (SafeSearchName& s : safe_search_names(zone.youtube))
    if (!blocked_outright(s.name) && !blocked_outright(s.target))
      zone.safe_search.push_back(std::move(s));

  // What the zone cannot carry.
  std::set<std::string> windows;
  for (const auto& [w, unused] : g.blocked_during) windows.insert(w);
  for (const auto& [w, unused] : g.blocked_categories_during) windows.insert(w);
  for (const std::string& w : windows) {
    std::vector<std::string> what;
    if (auto s = g.blocked_during.find(w); s != g.blocked_during.end())
      for (const std::string& site : s->second) what.push_back(site);
    if (auto c = g.blocked_categories_during.find(w); c != g.blocked_categories_during.end())
      for (const std::string& cat : c->second) what.push_back(cat);
    std::vector<std::string> times;
    if (auto it = rules.windows.find(w); it != rules.windows.end())
      for (const TimeRange& t : it->second.times) times.push_back(t.text());
    zone.left_out.push_back("Blocked during " + w + " (" + list_or_none(times) +
                            "): " + list_or_none(what) +
                            ". A DNS answer knows no time: the Squid helper applies this.");
  }
  if (for_one_person > 0)
    zone.left_out.push_back(std::to_string(for_one_person) +
                            " exception(s) for one person: the resolver sees an address, not a "
                            "person; the Squid helper applies them.");
  if (!not_names.empty())
    zone.left_out.push_back(std::to_string(not_names.size()) +
                            " list entries that are IP addresses or not DNS names: the Squid "
                            "helper matches them.");
  zone.left_out.push_back(
      "Url entries and expressions of these categories: DNS sees a host name, not a path; the "
      "Squid helper matches them.");
  return zone;
}

std::string rpz_zone_text(const RpzZone& zone, const RpzZoneSource& source, int64_t now) {
  using namespace std::chrono;
  std::string when = [&] {
    auto t = sys_seconds{seconds{now}};
    auto day = floor<days>(t);
    year_month_day ymd{day};
    hh_mm_ss hms{t - day};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld UTC", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                  long(hms.minutes().count()), long(hms.seconds().count()));
    return std::string(buf);
  }();
  std::string out;
  auto line = [&](const std::string& s) { out += comment_text(s) + "\n"; };
  line("; inloco response policy zone (RPZ) for the filter group \"" + zone.group + "\"" +
       (source.school.empty() ? "" : " of " + source.school) + ".");
  line("; Written " + when + " by `inloco filter rpz` from " +
       (source.rules.empty() ? "the school's rules" : source.rules) + " and the snapshot " +
       source.snapshot + " (" + std::to_string(source.snapshot_domains) + " domains).");
  line("; Locked categories (no exception opens them, LAW-8): " +
       list_or_none(zone.locked_categories) + ".");
  line("; Blocked categories: " + list_or_none(zone.categories) + ".");
  line("; Blocked sites: " + list_or_none(zone.sites) + ".");
  line("; Sites above the group's age: " + list_or_none(zone.age_sites) + ".");
  line("; " + std::to_string(zone.blocked.size()) +
       " blocked domains: each answers NXDOMAIN, and so does every name under it.");
  line("; " + std::to_string(zone.passthru.size()) +
       " exceptions in force for the group or everyone (rpz-passthru).");
  line("; " + std::to_string(zone.safe_search.size()) +
       " SafeSearch names (Google, Bing, DuckDuckGo; YouTube restricted mode " +
       std::string(youtube_restriction_key(zone.youtube)) + ").");
  line("; Left out, for the Squid helper:");
  for (const std::string& s : zone.left_out) line(";   - " + s);
  for (const std::string& c : zone.unknown_categories)
    line(";   - The rules name the category '" + c + "', which the lists do not have.");
  out += "$ORIGIN " + zone.zone_name + "\n";
  out += "$TTL 300\n";
  out += "@ IN SOA localhost. hostmaster.localhost. " + std::to_string(static_cast<uint32_t>(now)) +
         " 3600 600 86400 300\n";
  out += "@ IN NS localhost.\n";
  out += "; Blocked\n";
  for (const std::string& d : zone.blocked) {
    out += d + " CNAME .\n";
    out += "*." + d + " CNAME .\n";
  }
  out += "; Exceptions\n";
  std::set<std::string_view> safe_names;
  for (const SafeSearchName& s : zone.safe_search) safe_names.insert(s.name);
  for (const std::string& d : zone.passthru) {
    // A SafeSearch name keeps its CNAME: an exception unblocks, it does not
    // turn SafeSearch off.
    if (!safe_names.count(d)) out += d + " CNAME rpz-passthru.\n";
    out += "*." + d + " CNAME rpz-passthru.\n";
  }
  out += "; SafeSearch\n";
  for (const SafeSearchName& s : zone.safe_search) out += s.name + " CNAME " + s.target + ".\n";
  return out;
}

Status write_zone_file(const std::string& path, std::string_view text) {
  return write_file_whole(path, text);
}

}  // namespace inloco::filter

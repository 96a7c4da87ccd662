// The web filter's rules for one filter group as a DNS response policy zone
// (RPZ), for a resolver the school already runs (Unbound, BIND) to enforce on
// every device that asks it, whether or not it goes through the proxy
// (issue 6, NET-1, NET-4, NET-7, LAW-8). docs/filter.md "DNS (RPZ)" gives the
// unbound.conf lines.
//
// What the zone blocks for the group, each domain and every name under it
// answered NXDOMAIN:
//   - the domains of the locked categories (FilterRules::locked_categories),
//   - the domains of the group's blocked_categories,
//   - the school's own block list (the "school_blocked" category, when the
//     snapshot was compiled with `inloco filter lists`' folder),
//   - the domains of the group's always-blocked sites (platform registry,
//     site_domains(); "all" is every site) and, when the profile enforces age
//     limits and states the group's age, of every site whose age limit is
//     above it (the same rule as SchoolPolicy, NET-7).
// A domain under another blocked domain is left out (its parent's wildcard
// covers it), which keeps the zone small.
//
// Exceptions in force for the whole group or for everyone (NET-3) become
// rpz-passthru entries, for the name and every name under it, so the
// resolver answers them as if there were no policy. An exception never opens
// a locked category (LAW-8): one for a locked domain (or a name under one) is
// dropped, and locked domains under an exception keep their own entries,
// which are more specific than the exception's and so win. An exception that
// lifts no blocked domain is left out.
//
// SafeSearch: Google's, Bing's and DuckDuckGo's search hosts and YouTube's
// hosts get a CNAME to the engine's restricted service (safe_search_names),
// except where the group blocks the name or that service outright (a group
// that blocks YouTube gets none of YouTube's CNAMEs).
//
// What DNS cannot see stays with the Squid helper, and the zone's comments
// say what was left out: rules for time windows (a DNS answer is cached and
// knows no time), exceptions for one person (the resolver sees an address,
// not a user), and url entries and expressions (DNS sees a host name, not a
// path). List entries that are IP addresses or not DNS names are left out
// too (counted).
//
// Thread-safety: pure functions of their inputs.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "filter/school_policy.h"
#include "filter/snapshot.h"
#include "profile/policy_profile.h"

namespace inloco::filter {

inline constexpr const char* kDefaultRpzZoneName = "rpz.inloco.";

// YouTube's restricted mode through DNS: strict hides more than moderate;
// off leaves YouTube's hosts alone.
enum class YoutubeRestriction { kStrict, kModerate, kOff };
std::string_view youtube_restriction_key(YoutubeRestriction r);  // "strict", ...
std::optional<YoutubeRestriction> parse_youtube_restriction(std::string_view key);
// The default for a group: moderate for a group of adults only (its members
// are kinds of person and none is "pupil" or "guest"), strict otherwise (a
// group of children, or one whose members the profile does not say: fail
// closed, as the default group does).
YoutubeRestriction default_youtube_restriction(const FilterGroup& group);

struct SafeSearchName {
  std::string name;    // a host, e.g. "www.google.co.uk"
  std::string target;  // the engine's restricted host, e.g. "forcesafesearch.google.com"
};

// Every host that gets a SafeSearch CNAME, in a stable order: Google's search
// hosts (google.com and each country's Google domain, with and without
// "www."), Bing, DuckDuckGo, then YouTube's hosts unless `youtube` is kOff.
std::vector<SafeSearchName> safe_search_names(YoutubeRestriction youtube);

struct RpzOptions {
  std::string zone_name = kDefaultRpzZoneName;
  std::optional<YoutubeRestriction> youtube;  // default_youtube_restriction when unset
};

struct RpzZone {
  std::string group;
  std::string zone_name;  // absolute, ends with "."
  YoutubeRestriction youtube = YoutubeRestriction::kStrict;
  std::vector<std::string> blocked;   // sorted; none is under another
  std::vector<std::string> passthru;  // sorted; each lifts a blocked domain above it
  std::vector<SafeSearchName> safe_search;
  // Where the blocked domains come from, for the zone's comments.
  std::vector<std::string> locked_categories;
  std::vector<std::string> categories;  // the group's, and school_blocked when present
  std::vector<std::string> sites;       // always blocked
  std::vector<std::string> age_sites;   // above the group's age
  // What the zone leaves out, one sentence each, for its comments.
  std::vector<std::string> left_out;
  // Category names the rules use that the lists lack (they block nothing).
  std::vector<std::string> unknown_categories;
};

// The zone for `group` (a key of rules.groups) with the exceptions in force
// at `now`. kInvalid when the group is not one of the profile's (the message
// lists them) or the zone name is not a DNS name.
Result<RpzZone> build_rpz_zone(const Snapshot& snapshot, const FilterRules& rules,
                               std::string_view group, std::span<const PolicyException> exceptions,
                               int64_t now, const RpzOptions& options = {});

// What the zone's header says it was made from.
struct RpzZoneSource {
  std::string school;    // the school's name, or empty
  std::string rules;     // e.g. "the profile policies/oak_trees_mat.toml"
  std::string snapshot;  // the snapshot's path
  size_t snapshot_domains = 0;
};

// The zone file: a header comment (school, group, lists, time, what was left
// out), $ORIGIN, $TTL, SOA with `now` as its serial, NS, then the policy
// records ("name CNAME ." and "*.name CNAME ." per blocked domain,
// rpz-passthru per exception, SafeSearch CNAMEs).
std::string rpz_zone_text(const RpzZone& zone, const RpzZoneSource& source, int64_t now);

// Writes `text` to a temporary file beside `path` and renames it into place,
// so a resolver reloading never reads half a zone. kUnavailable, saying
// why, when it cannot.
Status write_zone_file(const std::string& path, std::string_view text);

}  // namespace inloco::filter

// SchoolPolicy: the web filter's rules taken from the school's policy
// profile ([filter], policy_profile.h), issue 6 section 2.
//
// A request first joins one group: the group the caller names
// (Request::group), else the group listing its user name, else the group
// whose source range holds its address (the longest prefix wins), else the
// group of the person's kind (Request::kind_group), else the profile's
// default_group. Then, in this order:
//   1. a match in a locked category blocks, "locked:<category>"; nothing
//      below can allow it (LAW-8);
//   2. a time-limited exception for the host (an approved unblock, NET-3)
//      allows, "exception:<domain>";
//   3. the group's blocked categories and sites at all times block,
//      "group:<g>:always:<category|site>" (NET-1);
//   4. those of a window that holds the time block,
//      "group:<g>:<window>:<category|site>" (NET-2; windows may run
//      overnight);
//   5. a site whose age limit is above the group's age blocks,
//      "group:<g>:age:<site>" (NET-7, when age_limits_enforced);
//   6. anything else is allowed, listed or not.
// Sites are the profile's site keys ("facebook", "all"); each stands for its
// domains in the platform registry (site_domains()), matched as a domain
// entry is (the domain and every host under it).
//
// Times are taken in the school's local time, Europe/London: GMT, and BST
// from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
// of October. libstdc++ 12 has no time zone database (std::chrono::zoned_time
// comes with GCC 13), and the UK rule has been this one since 1996, so it is
// written out here rather than read from the system's zoneinfo.
//
// Cost: everything is resolved when the policy is built (category names to a
// bitmask of ids, sites to a sorted domain table, user names to a sorted
// table, ranges by prefix length); decide() does not allocate unless it
// blocks or an exception allows.
//
// Thread-safety: immutable once built; decide() may be called from any
// number of threads. To change the exceptions or the rules, build a new
// policy and swap it in. Decision::message points into the policy.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "filter/policy.h"
#include "filter/snapshot.h"
#include "profile/address_range.h"
#include "profile/policy_profile.h"

namespace inloco::filter {

// A weekday (0 Monday .. 6 Sunday) and minute since midnight.
struct LocalTime {
  int weekday = 0;
  int minute = 0;
  bool operator==(const LocalTime&) const = default;
};

// The school's local time (Europe/London) at `t`.
LocalTime school_local_time(std::chrono::sys_seconds t);

// An allowance for a domain until a time: an approved unblock (NET-3) or a
// lesson exception (NET-2). It applies to `user` when given, else to everyone
// in `group` when given, else to everyone.
struct PolicyException {
  std::string group;
  std::string user;
  std::string domain;  // a host name; covers every host under it
  int64_t until = 0;   // Unix seconds; the exception ends at this moment
};

// Category name -> id in the lists (aliases resolved); nullopt when the
// lists have no such category.
using CategoryLookup = std::function<std::optional<CategoryId>(std::string_view)>;

class SchoolPolicy final : public Policy {
 public:
  // kInvalid when the rules do not hold together (a default group or window
  // that does not exist, a bad address range); a profile that loaded always
  // builds. Category names the lists lack are kept in unknown_categories().
  static Result<SchoolPolicy> build(const FilterRules& rules, const CategoryLookup& lookup,
                                    std::vector<PolicyException> exceptions = {});
  static Result<SchoolPolicy> build(const FilterRules& rules, const Snapshot& snapshot,
                                    std::vector<PolicyException> exceptions = {});

  Decision decide(const Request& request, std::span<const Match> matches) const override;

  // The key of the group a request joins (see the top of this file).
  std::string_view group_for(const Request& request) const;
  // The group whose members include a kind of person ("pupil", "guest");
  // empty when none does.
  std::string_view group_for_kind(std::string_view kind) const;

  // Category names in the rules that the lists do not have, sorted: a typing
  // slip here would quietly block (or lock) nothing, so callers warn.
  const std::vector<std::string>& unknown_categories() const { return unknown_categories_; }

 private:
  using Mask = std::vector<uint64_t>;  // bit per category id
  struct Window {
    std::string key;
    std::vector<TimeRange> times;
    Mask categories;
    uint64_t sites = 0;  // bit per filter_sites() index
    std::string social_message;
    std::string category_message;
  };
  struct Group {
    std::string key;
    std::vector<std::string> members;
    Mask categories;
    uint64_t sites = 0;
    uint64_t age_sites = 0;
    std::vector<Window> windows;
    std::string social_message;
    std::string category_message;
    std::string age_message;
  };
  struct Source {
    AddressRange range;
    int group;
  };
  struct Exception {
    int group;  // -1: any
    std::string user;
    std::string domain;
    int64_t until;
  };

  SchoolPolicy() = default;
  int group_index(const Request& request) const;
  int site_of(std::string_view host) const;  // filter_sites() index, -1 when none
  const Exception* exception_for(const Request& request, int group) const;
  static bool has(const Mask& mask, CategoryId id) {
    size_t word = id / 64;
    return word < mask.size() && (mask[word] >> (id % 64)) & 1u;
  }

  std::vector<Group> groups_;
  int default_group_ = 0;
  Mask locked_;
  std::vector<std::pair<std::string, int>> users_;         // lower-case name -> group, sorted
  std::vector<Source> sources_;                            // longest prefix first
  std::vector<std::pair<std::string_view, int>> domains_;  // domain -> site, sorted
  std::vector<Exception> exceptions_;
  std::vector<std::string> unknown_categories_;
};

}  // namespace inloco::filter

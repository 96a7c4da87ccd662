// What the school network was used for (NET-5), for the profile's
// monitoring_reports_to (the DSL and ICT by default): the monitoring report
// of the last days per person and per device (source address), a person's
// activity, and the attempts to get round the filter (NET-6). Built from the
// decision records `inloco filter ingest` stored (decision_ingest.h).
//
// These are views of personal data about children: every one is audited
// ("filter.monitoring_report", "filter.activity_view",
// "filter.circumvention_view"), so call them inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "filtering/circumvention.h"
#include "filtering/filter_bans.h"
#include "people/person.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

inline constexpr int kMaxReportDays = 92;
inline constexpr size_t kMaxReportLines = 200;  // people, and devices, in one report

struct CategoryCount {
  std::string category;
  int64_t requests = 0;
};

// A search that was blocked, or whose terms are of concern (search_flags.h).
struct SearchSeen {
  int64_t at = 0;
  std::string terms;
  std::string flag;  // the checker's category, or ""
  bool blocked = false;
  std::string who;  // the person's name or the user name ("" when none)
  std::string source_address;
};

// One person, user name or device over the report's days.
struct ActivityLine {
  std::optional<int64_t> person_id;  // for a person
  std::string name;                  // the person's name, the unmatched user name, or the address
  std::string detail;                // "Pupil, Year 5, 5B"; for a device, the user names seen
  int64_t requests = 0;
  int64_t blocked = 0;
  int64_t attempts = 0;                   // to get round the filter
  std::vector<CategoryCount> categories;  // most requested first, at most 3
  std::vector<SearchSeen> searches;       // blocked or flagged, newest first, at most 5
  int64_t flagged = 0;                    // flagged searches in all
};

struct MonitoringReport {
  int days = 0;
  int64_t from = 0;  // Unix seconds, inclusive
  int64_t to = 0;
  int64_t requests = 0;
  int64_t blocked = 0;
  int64_t attempts = 0;
  std::vector<ActivityLine>
      people;  // people first by attempts, flagged searches, blocked, requests
  std::vector<ActivityLine> unknown_names;  // user names no person of the school has
  std::vector<ActivityLine> devices;
  bool cut = false;  // more than kMaxReportLines of a kind: the rest left out
};

// The report of the `days` (1..kMaxReportDays) before now. Audited.
Result<MonitoringReport> monitoring_report(const SchoolScope& at, int days);

struct DecisionView {
  int64_t at = 0;
  std::string username;
  std::string source_address;
  std::string url;
  std::string host;
  std::string search_terms;
  std::string search_flag;
  bool blocked = false;
  std::string category;
  std::string rule;
};

struct CircumventionEvent {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<int64_t> person_id;
  std::string person_name;  // "" when the user name matched no one
  std::string username;
  std::string source_address;
  std::string url;
  std::string host;
  CircumventionKind kind = CircumventionKind::kCategory;
  std::string category;
  bool blocked = false;
};

// "VPN site (vpn)", "a bare IP address", "an IP address written as a number".
std::string circumvention_description(const CircumventionEvent& e);

struct PersonActivity {
  Person person;
  std::string network_name;                // "" when they have none
  ActivityLine totals;                     // over the days
  std::vector<DecisionView> decisions;     // newest first, at most `limit`
  std::vector<CircumventionEvent> events;  // over the days, newest first
  std::vector<FilterBan> bans;             // every ban of theirs, newest first
};

// One person's use of the network over the `days` before now. kNotFound
// unless the person is of the school. Audited.
Result<PersonActivity> person_activity(const SchoolScope& at, int64_t person_id, int days,
                                       int limit);

// The attempts to get round the filter of the `days` before now, newest
// first, at most `limit`. Audited.
Result<std::vector<CircumventionEvent>> circumvention_events(const SchoolScope& at, int days,
                                                             int limit);

// For the dashboard (not audited: counts only).
struct MonitoringCounts {
  int64_t bans_in_force = 0;
  int64_t attempts = 0;  // in the days asked
};
Result<MonitoringCounts> monitoring_counts(Connection& conn, int64_t school_id, int64_t now,
                                           int days);

}  // namespace inloco::filter

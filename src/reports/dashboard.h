// The dashboard (IAM-2, INC-3, ACC-8, ACC-9, CON-5, NET-3..NET-6): for each
// school a person works at, their roles there and what waits for them, each
// line only for those whose roles allow it:
//   - people by kind, for people.view;
//   - account reviews and content checks falling due, for accounts.view;
//   - posts to take down after a withdrawal of consent, for consent.view or
//     removals.resolve;
//   - the concerns routed to them (open, new, overdue), for concerns.cases;
//   - unblock requests waiting and reported sites open, for
//     filter.unblocks_decide;
//   - bans from the network and attempts to get round the filter, for those
//     the monitoring reaches (filtering/filter_record_access.h).
// Counts are taken by the database (COUNT), never by loading the records.
// Nothing here is audited: counts and titles only, no personal records.
//
// The dashboard spans schools the caller cannot know in advance, so unlike a
// capability it reads each school's current profile itself (profile_store.h),
// only where a line needs it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "accounts/access_reviews.h"
#include "auth/permissions.h"
#include "concerns/case_access.h"
#include "core/clock.h"
#include "core/result.h"
#include "notices/notice.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "store/database.h"

namespace inloco::reports {

// NET-3, NET-4: what waits for ICT and the headteacher.
struct FilteringWaiting {
  int64_t unblock_requests = 0;  // waiting for a check or a decision
  int64_t site_reports = 0;      // open
};

// NET-5, NET-6: what the monitoring has seen.
struct MonitoringSeen {
  int64_t bans_in_force = 0;
  int64_t attempts = 0;  // to get round the filter within `days`
  int days = 0;          // the profile's monitoring_report_days
};

// One school's part. An empty optional is a line the person may not see.
struct SchoolDashboard {
  School school;
  std::vector<RoleGrant> roles;  // the person's grants that reach this school, as held
  std::optional<std::vector<KindCount>> people;  // every kind, zeros included
  std::optional<std::vector<DueReview>> due;     // within the next 30 days, and overdue
  std::optional<int64_t> removals;               // open removal tasks
  std::optional<CaseCounts> concerns;
  std::optional<FilteringWaiting> filtering;
  std::optional<MonitoringSeen> monitoring;
};

struct Dashboard {
  std::vector<SchoolDashboard> schools;
  std::vector<Notice> unread_notices;  // among the person's latest five
};

// Every school the person holds a role at, and every school of the trusts
// they hold a trust-wide role in, each once, in the order of their grants.
Result<std::vector<School>> dashboard_schools(Connection& conn, const Grants& grants);

// The person's dashboard for one school, as of the clock's now.
Result<SchoolDashboard> school_dashboard(Connection& conn, const Clock& clock, const Grants& grants,
                                         int64_t person_id, const School& school);

// The whole dashboard: school_dashboard for each of dashboard_schools, and
// the person's unread notices.
Result<Dashboard> dashboard_for(Connection& conn, const Clock& clock, const Grants& grants,
                                int64_t person_id);

}  // namespace inloco::reports

// Which web filtering records a person may see (NET-3..NET-6), decided here
// once for the pages and the API alike. The permission table decides who
// reaches the filtering routes at all; these decide, record by record, what
// a person sees there:
//   - an unblock request or a reported site: the person who made it, and
//     those with filter.unblocks_view at the school (ICT, the headteacher and
//     the leaders the table names), who see every one and the exceptions in
//     force;
//   - the monitoring of the network (bans, attempts to get round the filter)
//     reaches the people the profile names in filter.monitoring_reports_to
//     who also hold filter.monitoring_view.
// A record someone may not see is answered exactly as one that does not
// exist, so nobody learns of another person's request by trying numbers.
#pragma once

#include <cstdint>
#include <optional>

#include "auth/permissions.h"
#include "core/result.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"
#include "store/database.h"

namespace inloco::filter {

// Who is looking: the signed-in person, their grants, and the school whose
// records they are at.
struct FilterViewer {
  int64_t person_id = 0;
  const Grants& grants;
  const School& school;
};

// True when the viewer sees every unblock request, reported site and
// exception of the school, not only their own (filter.unblocks_view there).
bool sees_all_filter_requests(const FilterViewer& viewer);

// The request, when it is the viewer's own or they see them all. kNotFound,
// "There is no such request to unblock a site among yours.", for an id that
// names none (nullopt: the address named none), another school's request, or
// someone else's the viewer may not see.
Result<UnblockRequest> visible_unblock_request(Connection& conn, const FilterViewer& viewer,
                                               std::optional<int64_t> request_id);

// The reported site, on the same rule: kNotFound, "There is no such report of
// a site among yours.", unless it is the viewer's own or they see them all.
Result<SiteReport> visible_site_report(Connection& conn, const FilterViewer& viewer,
                                       std::optional<int64_t> report_id);

// True when the viewer hears of the school's monitoring (the dashboard's line
// of bans and attempts): filter.monitoring_view at the school and one of the
// roles of rules.monitoring_reports_to (the school's current rules).
bool receives_monitoring_reports(const FilterViewer& viewer, const FilterRules& rules);

}  // namespace inloco::filter

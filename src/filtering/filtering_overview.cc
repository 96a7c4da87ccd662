#include "filtering/filtering_overview.h"

namespace inloco::filter {

Result<FilteringOverview> filtering_overview(Connection& conn, const FilterViewer& viewer,
                                             int64_t now, int limit) {
  const int64_t school_id = viewer.school.id;
  FilteringOverview out;
  out.own_requests = TRY(own_unblock_requests(conn, school_id, viewer.person_id));
  out.own_reports = TRY(own_site_reports(conn, school_id, viewer.person_id));
  if (sees_all_filter_requests(viewer)) {
    SchoolFilterRecords all;
    all.requests = TRY(unblock_requests(conn, school_id, limit));
    all.exceptions = TRY(exceptions_in_force(conn, school_id, now));
    all.reports = TRY(site_reports(conn, school_id, limit));
    out.school = std::move(all);
  }
  return out;
}

}  // namespace inloco::filter

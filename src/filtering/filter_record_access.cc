#include "filtering/filter_record_access.h"

#include "auth/role_requirements.h"

namespace inloco::filter {
namespace {

// Not found and not theirs read alike; any other failure is itself.
template <class Record>
Result<Record> if_visible(Result<Record> found, const FilterViewer& viewer, int64_t Record::*owner,
                          const char* none) {
  if (!found.ok()) {
    if (found.error().code == ErrorCode::kNotFound) return Error::not_found(none);
    return found;
  }
  if (found.value().*owner != viewer.person_id && !sees_all_filter_requests(viewer))
    return Error::not_found(none);
  return found;
}

}  // namespace

bool sees_all_filter_requests(const FilterViewer& viewer) {
  return viewer.grants.can(Capability::kFilterUnblocksView, viewer.school.id,
                           viewer.school.trust_id);
}

Result<UnblockRequest> visible_unblock_request(Connection& conn, const FilterViewer& viewer,
                                               std::optional<int64_t> request_id) {
  constexpr const char* kNone = "There is no such request to unblock a site among yours.";
  if (!request_id) return Error::not_found(kNone);
  return if_visible(get_unblock_request(conn, viewer.school.id, *request_id), viewer,
                    &UnblockRequest::requested_by, kNone);
}

Result<SiteReport> visible_site_report(Connection& conn, const FilterViewer& viewer,
                                       std::optional<int64_t> report_id) {
  constexpr const char* kNone = "There is no such report of a site among yours.";
  if (!report_id) return Error::not_found(kNone);
  return if_visible(get_site_report(conn, viewer.school.id, *report_id), viewer,
                    &SiteReport::reported_by, kNone);
}

bool receives_monitoring_reports(const FilterViewer& viewer, const FilterRules& rules) {
  return viewer.grants.can(Capability::kFilterMonitoringView, viewer.school.id,
                           viewer.school.trust_id) &&
         holds_any_role(viewer.grants, rules.monitoring_reports_to, viewer.school);
}

}  // namespace inloco::filter

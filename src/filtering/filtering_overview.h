// What the web filtering page lists for a person (NET-3, NET-4): their own
// unblock requests and reported sites, and, for those who see them all
// (filter_record_access.h: sees_all_filter_requests), the school's requests,
// reported sites and the exceptions in force.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.h"
#include "filtering/filter_record_access.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "store/database.h"

namespace inloco::filter {

struct SchoolFilterRecords {
  std::vector<UnblockRequest> requests;     // waiting first, then newest first
  std::vector<FilterException> exceptions;  // in force, soonest ending first
  std::vector<SiteReport> reports;          // open first, then newest first
};

struct FilteringOverview {
  std::vector<UnblockRequest> own_requests;   // newest first
  std::vector<SiteReport> own_reports;        // newest first
  std::optional<SchoolFilterRecords> school;  // only for those who see them all
};

// The overview at `now`, with at most `limit` of the school's requests and of
// its reports.
Result<FilteringOverview> filtering_overview(Connection& conn, const FilterViewer& viewer,
                                             int64_t now, int limit);

}  // namespace inloco::filter

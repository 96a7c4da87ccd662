// Reports of inappropriate content found on the school network (NET-4).
// Anyone who works at the school reports the site and what they found; the
// roles the profile names (FilterRules::content_reports_to, ICT by default)
// block it, or dismiss the report saying why. Every blocked site is on the
// school's own block list (school_block_list), which `inloco filter lists`
// writes out in squidGuard's format for `inloco filter compile`. Handled
// reports are never changed again. Every change is audited.
//
// Call the writers inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

enum class SiteReportStatus { kOpen, kBlocked, kDismissed };
std::string_view site_report_status_key(SiteReportStatus s);  // "open", "blocked", "dismissed"

struct SiteReport {
  int64_t id = 0;
  int64_t reported_by = 0;
  std::string reported_by_name;
  int64_t reported_at = 0;
  std::string address;
  std::string domain;
  std::string what;
  SiteReportStatus status = SiteReportStatus::kOpen;
  std::string handled_by_name;
  std::optional<int64_t> handled_at;
  std::string outcome;
};

// Records the report; returns its id, and tells the roles of
// rules.content_reports_to (the school's current rules, from its profile).
// kInvalid: no site, nothing said of what was found. Audited
// "filter.site_report".
Result<int64_t> report_site(const SchoolScope& at, const FilterRules& rules,
                            std::string_view address, std::string_view what);

// Blocks the site (block = true) or dismisses the report, with the outcome
// (required). kForbidden unless the grants hold one of
// rules.content_reports_to; kConflict once handled. Audited
// "filter.site_report_handle".
Status handle_site_report(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                          int64_t report_id, bool block, std::string_view outcome);

// kNotFound unless the report is of the school.
Result<SiteReport> get_site_report(Connection& conn, int64_t school_id, int64_t report_id);
// The school's reports, open first, then newest first (at most `limit`).
Result<std::vector<SiteReport>> site_reports(Connection& conn, int64_t school_id, int limit);
// The person's own reports, newest first.
Result<std::vector<SiteReport>> own_site_reports(Connection& conn, int64_t school_id,
                                                 int64_t person_id);
// The school's own block list: every blocked site, sorted, each once.
Result<std::vector<std::string>> school_block_list(Connection& conn, int64_t school_id);

}  // namespace inloco::filter

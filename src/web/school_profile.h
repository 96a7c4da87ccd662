// The policy profile of the school a request is about (req.school), as the
// handlers of every area read it: one place instead of a lambda per file.
#pragma once

#include "core/result.h"
#include "profile/policy_profile.h"
#include "web/app.h"
#include "web/request.h"

namespace inloco::web {

// The school's current profile (profile_store.h). The request must be
// school-scoped (Access::kSchool).
Result<PolicyProfile> school_profile(AppContext& app, const Request& req);

// Its [filter] rules.
Result<FilterRules> school_filter_rules(AppContext& app, const Request& req);

// The monitoring period a request asks for: ?days=N, else the profile's
// monitoring_report_days (the services refuse a period out of range).
int monitoring_days_asked(const Request& req, const FilterRules& rules);

}  // namespace inloco::web

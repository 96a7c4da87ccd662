#include "web/school_profile.h"

#include <cstdlib>
#include <string>

#include "profile/profile_store.h"

namespace inloco::web {

Result<PolicyProfile> school_profile(AppContext& app, const Request& req) {
  return app.db.read([&](Connection& c) { return profile_for_school(c, req.school->id); });
}

Result<FilterRules> school_filter_rules(AppContext& app, const Request& req) {
  PolicyProfile p = TRY(school_profile(app, req));
  return std::move(p.filter);
}

int monitoring_days_asked(const Request& req, const FilterRules& rules) {
  std::string d = req.query_value("days");
  return d.empty() ? rules.monitoring_report_days : std::atoi(d.c_str());
}

}  // namespace inloco::web

#include "reports/dashboard.h"

#include "core/calendar_date.h"
#include "filtering/filter_record_access.h"
#include "filtering/monitoring_reports.h"
#include "notices/notice_store.h"
#include "profile/profile_store.h"

namespace inloco::reports {
namespace {

constexpr int kLatestNotices = 5;

Result<int64_t> count(Connection& conn, std::string_view sql, const SqlParams& params) {
  Rows rows = TRY(conn.query(sql, params));
  return rows[0][0].as_int();
}

// The profile is read once per school, and only when a line needs it.
class ProfileOnce {
 public:
  ProfileOnce(Connection& conn, int64_t school_id) : conn_(conn), school_id_(school_id) {}
  Result<const PolicyProfile*> get() {
    if (!profile_) profile_ = TRY(profile_for_school(conn_, school_id_));
    return &*profile_;
  }

 private:
  Connection& conn_;
  int64_t school_id_;
  std::optional<PolicyProfile> profile_;
};

}  // namespace

Result<std::vector<School>> dashboard_schools(Connection& conn, const Grants& grants) {
  std::vector<School> visible;
  auto add = [&](const School& s) {
    for (const auto& v : visible)
      if (v.id == s.id) return;
    visible.push_back(s);
  };
  for (const RoleGrant& g : grants.all()) {
    if (g.school_id) {
      add(TRY(get_school(conn, *g.school_id)));
    } else {
      for (const School& s : TRY(list_schools(conn, g.trust_id))) add(s);
    }
  }
  return visible;
}

Result<SchoolDashboard> school_dashboard(Connection& conn, const Clock& clock, const Grants& grants,
                                         int64_t person_id, const School& school) {
  const int64_t id = school.id;
  auto can = [&](Capability c) { return grants.can(c, id, school.trust_id); };
  ProfileOnce profile(conn, id);
  SchoolDashboard out;
  out.school = school;
  for (const RoleGrant& g : grants.all()) {
    if (g.school_id ? *g.school_id == id : g.trust_id == school.trust_id) out.roles.push_back(g);
  }
  if (can(Capability::kPeopleView)) out.people = TRY(count_people(conn, id));
  if (can(Capability::kAccountsView)) {
    const PolicyProfile* p = TRY(profile.get());
    out.due = TRY(list_due(conn, id, date_of(clock.now()), p->accounts));
  }
  if (can(Capability::kConsentView) || can(Capability::kRemovalsResolve)) {
    out.removals = TRY(count(
        conn, "SELECT COUNT(*) FROM removal_tasks WHERE school_id = ? AND status = 'open'", {id}));
  }
  if (can(Capability::kConcernsCases))
    out.concerns = TRY(count_cases_for(conn, clock, person_id, id));
  if (can(Capability::kFilterUnblocksDecide)) {
    FilteringWaiting w;
    w.unblock_requests = TRY(count(
        conn,
        "SELECT COUNT(*) FROM filter_unblock_requests WHERE school_id = ? AND status = 'waiting'",
        {id}));
    w.site_reports = TRY(count(
        conn, "SELECT COUNT(*) FROM filter_site_reports WHERE school_id = ? AND status = 'open'",
        {id}));
    out.filtering = w;
  }
  if (can(Capability::kFilterMonitoringView)) {
    const FilterRules& rules = TRY(profile.get())->filter;
    if (filter::receives_monitoring_reports({person_id, grants, school}, rules)) {
      const filter::MonitoringCounts mc =
          TRY(filter::monitoring_counts(conn, id, clock.now(), rules.monitoring_report_days));
      out.monitoring = MonitoringSeen{mc.bans_in_force, mc.attempts, rules.monitoring_report_days};
    }
  }
  return out;
}

Result<Dashboard> dashboard_for(Connection& conn, const Clock& clock, const Grants& grants,
                                int64_t person_id) {
  Dashboard out;
  for (const School& s : TRY(dashboard_schools(conn, grants)))
    out.schools.push_back(TRY(school_dashboard(conn, clock, grants, person_id, s)));
  for (Notice& n : TRY(notices_for(conn, person_id, kLatestNotices)))
    if (n.unread()) out.unread_notices.push_back(std::move(n));
  return out;
}

}  // namespace inloco::reports

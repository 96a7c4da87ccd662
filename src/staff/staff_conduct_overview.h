// What one's own staff conduct page (STF-1..4) and GET .../staff-conduct show,
// gathered in one transaction. A current member of staff of the school sees
// their induction checklist, the relationships they declared, the contact
// through personal accounts approved for them and the blogging they are
// authorised for, both in force today. Those whose role lets them see the
// school's records (the permission table, at this school) also get how many
// relationships need attention and how many inductions are unfinished: only
// numbers, so a member of staff without that role learns nothing of others.
// Listing their own relationships and approvals is audited, as every list of
// those records is (IAM-3).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/staff_relationships.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace inloco {

struct StaffConductOverview {
  CalendarDate today;  // the day "in force" was judged on (staff_today)

  // Their own records: only for a current member of staff of the school.
  bool is_staff = false;
  std::optional<InductionProgress> induction;  // when the profile keeps a checklist
  std::vector<StaffRelationship> relationships;
  std::vector<ContactApproval> contact_approvals;      // in force today
  std::vector<BlogAuthorisation> blog_authorisations;  // in force today

  // The school's records, for those who may see them.
  std::optional<int64_t> relationships_needing_attention;  // with staff.conduct_view
  std::optional<int64_t> unfinished_inductions;  // with staff.induction_view and a checklist
};

// For person_id (the actor) at `school`; `grants` are theirs. Audited
// "staff.relationship.view" and "staff.contact.view" when they are staff.
Result<StaffConductOverview> staff_conduct_overview(Database& db, const Clock& clock,
                                                    const Actor& actor, int64_t person_id,
                                                    const Grants& grants, const StaffRules& rules,
                                                    const School& school);

}  // namespace inloco

#include "staff/staff_conduct_overview.h"

#include "people/school_members.h"
#include "staff/staff_members.h"

namespace inloco {

namespace {

// Their own records; left empty for someone who is not a current member of
// staff of the school (a governor, a leaver, trust staff).
Status add_own_records(const SchoolScope& at, int64_t person_id, const StaffRules& rules,
                       StaffConductOverview& out) {
  auto member = load_staff_member(at.conn, at.school_id, person_id);
  if (!member.ok()) {
    ErrorCode code = member.error().code;
    if (code == ErrorCode::kNotFound || code == ErrorCode::kInvalid) return {};
    return std::move(member).error();
  }
  out.is_staff = true;
  if (rules.induction_checklist)
    out.induction = TRY(induction_of(at.conn, rules, at.school_id, person_id));
  out.relationships = TRY(list_relationships(at, person_id));
  for (ContactApproval& a : TRY(list_contact_approvals(at, person_id)))
    if (a.in_force_on(out.today)) out.contact_approvals.push_back(std::move(a));
  out.blog_authorisations =
      TRY(list_blog_authorisations(at.conn, at.school_id, person_id, out.today));
  return {};
}

}  // namespace

Result<StaffConductOverview> staff_conduct_overview(Database& db, const Clock& clock,
                                                    const Actor& actor, int64_t person_id,
                                                    const Grants& grants, const StaffRules& rules,
                                                    const School& school) {
  return db.transaction([&](Connection& conn) -> Result<StaffConductOverview> {
    StaffConductOverview out;
    out.today = staff_today(clock);
    TRY(add_own_records(SchoolScope{conn, clock, actor, school.id}, person_id, rules, out));
    if (grants.can(Capability::kStaffConductView, school.id, school.trust_id)) {
      auto attention = TRY(relationships_needing_attention(conn, school.id, out.today));
      out.relationships_needing_attention = static_cast<int64_t>(attention.size());
    }
    if (grants.can(Capability::kStaffInductionView, school.id, school.trust_id) &&
        rules.induction_checklist) {
      auto open = TRY(incomplete_inductions(conn, rules, school.id));
      out.unfinished_inductions = static_cast<int64_t>(open.size());
    }
    return out;
  });
}

}  // namespace inloco

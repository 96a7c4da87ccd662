#include "staff/dated_grant.h"

#include <nlohmann/json.hpp>

#include "core/typed_text.h"
#include "staff/staff_members.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

// What differs between the records that hold a grant: fixed here, so no SQL
// is ever built from input.
struct GrantKindTraits {
  const char* update_sql;  // the one write after the insert, guarded to happen once
  const char* noun;        // as the refusals name it
  const char* audit_action;
  const char* audit_record_type;
};

GrantKindTraits traits_of(GrantKind kind) {
  switch (kind) {
    case GrantKind::kContactApproval:
      return {
          "UPDATE staff_contact_approvals SET revoked_by = ?, revoked_by_name = ?, "
          "revoked_at = ?, revoked_on = ?, revoke_reason = ? WHERE id = ? AND school_id = ? "
          "AND revoked_at IS NULL",
          "approval", "staff.contact.revoke", "staff_contact_approval"};
    case GrantKind::kBlogAuthorisation:
      return {
          "UPDATE staff_blog_authorisations SET revoked_by = ?, revoked_by_name = ?, "
          "revoked_at = ?, revoked_on = ?, revoke_reason = ? WHERE id = ? AND school_id = ? "
          "AND revoked_at IS NULL",
          "authorisation", "staff.blog.revoke", "staff_blog_authorisation"};
  }
  return traits_of(GrantKind::kContactApproval);
}

}  // namespace

bool DatedGrant::in_force_on(const CalendarDate& day) const {
  return starts_on <= day && (!ends_on || day <= *ends_on) && (!revoked_on || day < *revoked_on);
}

bool DatedGrant::revocable_on(const CalendarDate& day) const {
  return !revoked_on && (!ends_on || *ends_on >= day);
}

Result<DatedGrant> dated_grant_from_row(const Row& row, size_t first) {
  RowReader in(row, first);
  DatedGrant g;
  g.starts_on = TRY(stored_day(in.value(), "starts_on"));
  g.ends_on = TRY(stored_optional_day(in.value(), "ends_on"));
  g.revoked_by = in.optional_integer();
  g.revoked_by_name = in.text();
  g.revoked_at = in.optional_integer();
  g.revoked_on = TRY(stored_optional_day(in.value(), "revoked_on"));
  g.revoke_reason = in.text();
  return g;
}

Result<std::string> revocation_reason(GrantKind kind, const DatedGrant& grant,
                                      const CalendarDate& today, std::string_view reason) {
  const std::string noun = traits_of(kind).noun;
  if (grant.revoked_at)
    return Error::conflict("This " + noun + " was already revoked on " +
                           optional_iso(grant.revoked_on).value_or("") + " by " +
                           grant.revoked_by_name + ".");
  if (grant.ends_on && *grant.ends_on < today)
    return Error::conflict("This " + noun + " already ended on " + grant.ends_on->iso() +
                           "; there is nothing to revoke.");
  return required_text(reason, "reason", "Say why the " + noun + " is revoked.", kMaxStaffLongText,
                       true);
}

Status revoke_dated_grant(const SchoolScope& at, GrantKind kind, int64_t grant_id, int64_t staff_id,
                          const DatedGrant& grant, std::string_view reason) {
  const GrantKindTraits t = traits_of(kind);
  const CalendarDate today = staff_today(at.clock);
  std::string why = TRY(revocation_reason(kind, grant, today, reason));
  int64_t changed = TRY(at.conn.execute(t.update_sql, {at.actor.person_id, at.actor.name, at.now(),
                                                       today.iso(), why, grant_id, at.school_id}));
  if (changed != 1)
    return Error::conflict("Someone revoked this " + std::string(t.noun) +
                           " at the same moment; reload the page.");
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{t.audit_action, t.audit_record_type, std::to_string(grant_id), at.school_id,
                 nlohmann::json{{"staff", staff_id}, {"revoked_on", today.iso()}}.dump()}));
  return {};
}

}  // namespace inloco

// DatedGrant: the lifetime of a staff conduct permission given for a span of
// days and revocable once, with a reason. Two records have it: prior
// approval of contact through personal accounts (STF-2, contact_approvals.h)
// and authorisation to blog or post about the school (STF-3,
// blog_authorisations.h). Each holds a DatedGrant beside its own fields.
//
// It is shared so that both answer "does it count on this day?" by one rule,
// refuse a revocation in the same cases and words, and write the revocation
// the same way: only the revocation columns, only once (the UPDATE is guarded
// by revoked_at IS NULL), with its audit entry in the same transaction.
//
// The rule: a grant counts from starts_on to ends_on, both included (no end:
// until revoked); a revocation takes effect on the day it is made, so the
// last day it counted is the day before revoked_on. Days are UTC calendar
// days (staff_today); revoked_at is Unix seconds.
//
// Storage: each record's table has the columns starts_on, ends_on,
// revoked_by, revoked_by_name, revoked_at, revoked_on and revoke_reason
// (migration 0009). Which table is written is chosen by GrantKind, never by
// text from a request. Functions that write must be called inside
// Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

// The records that hold a DatedGrant; each names one table, the noun its
// refusals use and its audit action.
enum class GrantKind {
  kContactApproval,    // staff_contact_approvals, "approval", "staff.contact.revoke"
  kBlogAuthorisation,  // staff_blog_authorisations, "authorisation", "staff.blog.revoke"
};

struct DatedGrant {
  CalendarDate starts_on;
  std::optional<CalendarDate> ends_on;  // none: until revoked
  std::optional<int64_t> revoked_by;
  std::string revoked_by_name;
  std::optional<int64_t> revoked_at;  // Unix seconds
  // The UTC day of revoked_at: the first day it no longer counts.
  std::optional<CalendarDate> revoked_on;
  std::string revoke_reason;

  // Started by the day, not past its end, and not revoked on or before it.
  bool in_force_on(const CalendarDate& day) const;
  // Can still be revoked on the day: not revoked, and not ended before it.
  bool revocable_on(const CalendarDate& day) const;
};

// The seven grant columns in the order listed above (starts_on first,
// revoke_reason last), read from `row` from position `first`: each record's
// SELECT lists them together so they are read in one place. kInternal for a
// stored day that is not 'YYYY-MM-DD' (stored_day).
Result<DatedGrant> dated_grant_from_row(const Row& row, size_t first);

// The checks before a revocation on `today`, in the kind's words: kConflict
// for one already revoked ("This approval was already revoked on 2026-03-02
// by ...") or ended before today ("This approval already ended on ...; there
// is nothing to revoke."), then kInvalid for no reason or bad text ("Say why
// the approval is revoked."). Returns the reason as it is stored. Pure.
Result<std::string> revocation_reason(GrantKind kind, const DatedGrant& grant,
                                      const CalendarDate& today, std::string_view reason);

// Revokes grant `grant_id` of the school from today, by the actor, after the
// caller's own checks of who may: revocation_reason on `grant` (the stored
// state), then the revocation columns written once (kConflict when someone
// revoked it at the same moment) and the kind's audit entry appended, with
// {"staff": staff_id, "revoked_on": today}.
Status revoke_dated_grant(const SchoolScope& at, GrantKind kind, int64_t grant_id, int64_t staff_id,
                          const DatedGrant& grant, std::string_view reason);

}  // namespace inloco

// Periodic reviews of the school's accounts (ACC-8, ACC-9): who has access
// to each open official account (and what it sends and receives), and what
// each affiliated channel is publishing.
//
// The profile sets the cadence: an open official account is due an access
// review AccountRules::access_review_months after its last one (or after it
// was opened); an open affiliated channel is due a content check
// AccountRules::affiliated_check_months after its last check (or after it
// was registered). A cadence of 0 or less schedules nothing. Closed accounts
// need no review. The dashboard shows what list_due returns; the review is
// recorded with who, when, the findings and any access removed, and removing
// access revokes the authorisations in the same transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/official_account.h"
#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

enum class ReviewKind {
  kAccessReview,  // ACC-8: an official account
  kContentCheck,  // ACC-9: an affiliated channel
};
std::string_view review_kind_key(ReviewKind k);    // "access_review", "content_check" (stored)
std::string_view review_kind_label(ReviewKind k);  // "Access review", "Content check"

// A day plus whole months; the 31st becomes the month's last day.
CalendarDate add_months(const CalendarDate& date, int months);

struct DueReview {
  int64_t account_id = 0;
  std::string platform;  // key
  std::string account_name;
  ReviewKind kind = ReviewKind::kAccessReview;
  CalendarDate due_on;
  std::optional<CalendarDate> last_done_on;  // empty: never reviewed; counted from opening
  bool overdue = false;                      // due before today
};

// The open accounts of the school whose next review is due on or before
// today + days_ahead, soonest first (overdue ones first of all). kInternal
// for a stored date opened that is not a day (store/stored_dates.h).
Result<std::vector<DueReview>> list_due(Connection& conn, int64_t school_id,
                                        const CalendarDate& today, const AccountRules& rules,
                                        int days_ahead = 30);

struct ReviewRecord {
  std::string findings;  // required: what was checked and found ("No changes needed" is a finding)
  // Live authorisations of this account that the review removes.
  std::vector<int64_t> revoke_authorisation_ids;
};

// Records a review of an open account, done now by the actor: an access
// review for an official account, a content check for an affiliated channel.
// Revokes the listed authorisations in the same transaction (reason "Removed
// at the access review of <date>", linked to the review). Call inside
// Database::transaction. Returns the review's id.
// kInvalid: empty or over-long findings, an id that is not a live
// authorisation of this account (nothing is revoked then), an account that
// is not open. kForbidden: a content check by someone not holding one of
// rules.affiliated_checkers (when it names any); removing access without
// holding one of rules.authorisers. An access review itself needs no
// profile role: who may record one is the permission table's business.
Result<int64_t> record_review(const SchoolScope& at, const Grants& grants,
                              const AccountRules& rules, int64_t account_id,
                              const ReviewRecord& record);

struct AccountReview {
  int64_t id = 0;
  int64_t account_id = 0;
  ReviewKind kind = ReviewKind::kAccessReview;
  std::optional<int64_t> reviewed_by;
  std::string reviewer_name;
  int64_t reviewed_at = 0;
  std::string findings;
  std::vector<AccountAuthorisation> access_removed;
};

// The account's reviews, newest first; kNotFound for an account of another school.
Result<std::vector<AccountReview>> list_reviews(Connection& conn, int64_t school_id,
                                                int64_t account_id);

}  // namespace inloco

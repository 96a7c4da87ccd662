// Removal tasks (CON-5): when consent is withdrawn, every published post that
// shows the pupil gets a task to take it down, assigned to the
// administrators of the account it is on, due ConsentRules::removal_within_days
// after the withdrawal takes effect. A task ends as removed (when, by whom) or
// as not practicable (why); it is never deleted. Open tasks appear on the
// dashboard (outstanding_removals).
//
// Tasks are opened by the consent register (consent_register.h) inside the
// withdrawal's transaction. Functions take a Connection; those that write
// take it in a SchoolScope, must be called inside Database::transaction and
// audit there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "consent/published_posts.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

enum class RemovalStatus { kOpen, kRemoved, kNotPracticable };
std::string_view removal_status_key(RemovalStatus status);  // "open", "removed", "not_practicable"
std::optional<RemovalStatus> parse_removal_status(std::string_view key);

struct RemovalAssignee {
  int64_t person_id = 0;
  std::string name;
};

struct RemovalTask {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t withdrawal_id = 0;  // the consent decision that withdrew consent
  int64_t pupil_id = 0;
  std::string pupil_name;
  std::string use;
  int64_t post_id = 0;
  int64_t account_id = 0;
  std::string account_name;  // "@oakfieldprimary"
  std::string platform;      // platform key
  std::string live_url;
  CalendarDate published_on;
  CalendarDate due_on;
  RemovalStatus status = RemovalStatus::kOpen;
  std::vector<RemovalAssignee> assigned_to;  // by name
  int64_t created_at = 0;
  std::optional<int64_t> resolved_by;
  std::string resolved_by_name;
  std::optional<int64_t> resolved_at;
  std::string reason;
};

// Opens one task per post for the withdrawal `withdrawal_id` (already
// stored), due `removal_within_days` after `effective_from`; one audit entry
// ("consent.removal_open") per task. kNotFound when a post names an account
// that is not the school's. Returns the new tasks' ids. Called by the
// consent register; exposed for it and for tests.
Result<std::vector<int64_t>> open_removal_tasks(const SchoolScope& at, const ConsentRules& rules,
                                                int64_t withdrawal_id, int64_t pupil_id,
                                                std::string_view use,
                                                const CalendarDate& effective_from,
                                                const std::vector<PublishedPostRef>& posts);

// Ends an open task as removed or not practicable (a reason is required for
// not practicable: what was tried and why it cannot be done). Audited
// ("consent.removal_resolve"). kNotFound for a task of another school;
// kConflict when it has already ended; kInvalid for kOpen or a missing reason.
Status resolve_removal(const SchoolScope& at, int64_t task_id, RemovalStatus outcome,
                       std::string_view reason);

Result<RemovalTask> get_removal_task(Connection& conn, int64_t school_id, int64_t task_id);

// The school's open tasks, the soonest due first: for the dashboard.
Result<std::vector<RemovalTask>> outstanding_removals(Connection& conn, int64_t school_id);

// Every task opened by one withdrawal, open or ended, in post order.
Result<std::vector<RemovalTask>> removal_tasks_for(Connection& conn, int64_t school_id,
                                                   int64_t withdrawal_id);

}  // namespace inloco

// The induction checklist (STF-4): each member of staff ticks, with the date
// they did it, that they have read the social media policy, reviewed their
// own past posts and set the privacy settings of their personal accounts.
// A tick is made by the member of staff themselves (it is their own
// statement), is never changed or removed, and is audited. The school sees
// who has not finished.
//
// The profile switches the checklist on or off (StaffRules::induction_checklist);
// it has no list of extra items yet, so every school has the three items of
// STF-4. induction_items() is the one place that list is made, ready to add
// a profile's own items.
//
// Functions take a Connection; those that write must be called inside
// Database::transaction and append their audit entry there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

struct InductionItem {
  std::string key;    // "read_policy" (stored)
  std::string label;  // "I have read the school's social media policy"
};

// The items of the school's checklist, in the order shown; empty when the
// profile has no checklist.
std::vector<InductionItem> induction_items(const StaffRules& rules);

// The member of staff (at.actor.person_id == staff_id) ticks one item, done on
// `done_on` (default today; not in the future). kForbidden for anyone else;
// kNotFound for a member of staff not of this school; kInvalid for an item
// not on the checklist or a date in the future; kConflict when already ticked.
// Audited "staff.induction.tick".
Status tick_induction_item(const SchoolScope& at, const StaffRules& rules, int64_t staff_id,
                           std::string_view item_key,
                           std::optional<CalendarDate> done_on = std::nullopt);

struct InductionItemState {
  InductionItem item;
  std::optional<CalendarDate> done_on;  // empty: not ticked
  std::optional<int64_t> ticked_at;
};

struct InductionProgress {
  int64_t staff_id = 0;
  std::string name;
  std::optional<std::string> job_title;
  std::vector<InductionItemState> items;  // in the order of induction_items
  int done = 0;
  bool complete() const { return done == static_cast<int>(items.size()); }
};

// One member of staff's checklist; kNotFound for one not of this school.
Result<InductionProgress> induction_of(Connection& conn, const StaffRules& rules, int64_t school_id,
                                       int64_t staff_id);

// Current staff of the school who have not ticked every item, by name; empty
// when the profile has no checklist. Not audited: it is a to-do list.
Result<std::vector<InductionProgress>> incomplete_inductions(Connection& conn,
                                                             const StaffRules& rules,
                                                             int64_t school_id);

}  // namespace inloco

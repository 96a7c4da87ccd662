// Prior approval of contact through personal accounts (STF-2): one of the
// profile's approvers (StaffRules::personal_contact_approvers, by default the
// headteacher) decides in advance whether a named member of staff may contact
// named pupils or parents, or a described group, through a personal account
// on one platform, with the reason, from a day (today or later: the approval
// is prior) and until an optional end date. A refusal is recorded the same
// way. An approval can be revoked, with a reason; it then stops counting from
// the day of revocation. Nothing is deleted, and only the revocation columns
// are ever written after a decision is stored, once. That lifetime is a
// DatedGrant (dated_grant.h), the same as a blogging authorisation's.
//
// A school whose profile says staff.personal_contact = "never" approves no
// such contact: approvals are refused there, refusals are still recorded.
//
// Functions take a Connection so callers compose them in one transaction;
// those that write, and those that show the records (they name pupils and
// parents: IAM-3), must be called inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "staff/dated_grant.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

enum class ContactDecision { kApproved, kRefused };
std::string_view contact_decision_key(ContactDecision d);  // "approved", "refused" (stored)

// The channels a personal contact goes through: every known platform
// (profile/platform_registry.h) and a personal email or phone. Reads keys,
// labels and common names ("Twitter", "text message"); kInvalid names them.
Result<std::string> parse_contact_channel(std::string_view text);
std::string contact_channel_label(std::string_view key);  // "WhatsApp", "Personal email"

struct ContactDecisionInput {
  int64_t staff_id = 0;
  ContactDecision decision = ContactDecision::kApproved;
  std::vector<int64_t> people;    // pupils and parents of this school
  std::string group_description;  // a described group ("the Year 6 football team"); or both
  std::string platform;           // as typed: "WhatsApp", "facebook", "email"
  std::string reason;
  std::optional<CalendarDate> starts_on;  // default today; not before today
  std::optional<CalendarDate> ends_on;    // approvals only; on or after starts_on
};

// Records the decision by the actor; returns its id. kForbidden: the actor
// holds none of rules.personal_contact_approvers, decides about themselves,
// or approves where the profile says "never". kInvalid: no people and no
// group, someone who is not a pupil or parent, an unknown platform, no
// reason, a start before today, an end before the start, bad text.
// kNotFound: a member of staff or person not of this school. Audited
// "staff.contact.decide".
Result<int64_t> decide_contact(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                               const ContactDecisionInput& input);

// Revokes an approval from today, with the reason. kForbidden as above;
// kNotFound for another school's; kConflict for a refusal, one already
// revoked or one that has ended; kInvalid for no reason. Audited
// "staff.contact.revoke".
Status revoke_contact_approval(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                               int64_t approval_id, std::string_view reason);

struct ContactPerson {
  int64_t person_id = 0;
  std::string name;
  std::string kind;  // "pupil", "parent"
};

struct ContactApproval {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t staff_id = 0;
  std::string staff_name;
  ContactDecision decision = ContactDecision::kApproved;
  std::string platform;               // key
  std::vector<ContactPerson> people;  // by name
  std::string group_description;
  std::string reason;
  std::optional<int64_t> decided_by;
  std::string decided_by_name;
  int64_t decided_at = 0;
  DatedGrant grant;  // from when, until when (a refusal: no end), and a revocation

  // Approved and in force on the day: started, not ended, not revoked by then.
  bool in_force_on(const CalendarDate& day) const;
  // An approval that can still be revoked on the day: not revoked, not ended.
  bool revocable_on(const CalendarDate& day) const;
};

// One decision; kNotFound for another school's. Audited "staff.contact.view".
Result<ContactApproval> get_contact_approval(const SchoolScope& at, int64_t approval_id);

// The school's decisions, or one member of staff's, newest first. One audit
// entry "staff.contact.view" for the list.
Result<std::vector<ContactApproval>> list_contact_approvals(
    const SchoolScope& at, std::optional<int64_t> staff_id = std::nullopt);

// "Is this contact approved on this day?"
struct ContactCheck {
  bool approved = false;                    // a named approval on this platform is in force
  std::optional<int64_t> approval_id;       // the one that approves it
  std::vector<int64_t> group_approval_ids;  // in force for a described group: a person must
                                            // judge whether this person is in it
  std::string explanation;                  // one sentence for the person asking
};

// Answers for a member of staff, a pupil or parent, and a platform, on a day.
// Not audited: a check made by the software, as consent_for. kNotFound for
// people not of this school; kInvalid for an unknown platform.
Result<ContactCheck> contact_approved_on(Connection& conn, const StaffRules& rules,
                                         int64_t school_id, int64_t staff_id, int64_t person_id,
                                         std::string_view platform, const CalendarDate& on);

}  // namespace inloco

// Bans from the school network after attempts to get round the filter
// (NET-6). When the profile's sanction is not record_only and a person's
// attempts within circumvention_window_days reach circumvention_threshold,
// they are banned: inloco-squid-helper refuses them (it reads the bans from
// `inloco filter lists`, ban_list.h) until one of the profile's
// monitoring_reports_to lifts the ban, giving the reason. Under
// supervised_use_only a member of staff may be recorded as supervising the
// person until a time, which lets them through until then. Attempts made
// before a ban was lifted never count towards the next one.
//
// Every change is audited; the roles of monitoring_reports_to are told of a
// ban in the same transaction. Call the writers inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "people/person.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

inline constexpr int kMaxSupervisedMinutes = 8 * 60;  // a school day at most

std::string_view sanction_key(
    CircumventionSanction s);  // "record_only", "supervised_use_only", ...

struct SupervisedSession {
  int64_t id = 0;
  int64_t supervisor_id = 0;
  std::string supervisor_name;
  std::string recorded_by_name;
  int64_t starts_at = 0;
  int64_t ends_at = 0;
};

struct FilterBan {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t person_id = 0;
  std::string person_name;
  std::string network_name;  // as the filter knows them now ("" if none)
  CircumventionSanction sanction = CircumventionSanction::kRemoveInternetAccess;
  int64_t started_at = 0;
  std::string why;
  int events_count = 0;
  int window_days = 0;
  std::optional<int64_t> lifted_at;
  std::string lifted_by_name;
  std::string lift_reason;
  std::vector<SupervisedSession> sessions;  // newest first (get_ban only)
  std::optional<int64_t> supervised_until;  // a session running at the time asked

  bool in_force() const { return !lifted_at.has_value(); }
};

// Attempts the person made within the window before `now`, after any ban of
// theirs was lifted.
Result<int64_t> attempts_in_window(Connection& conn, const FilterRules& rules, int64_t person_id,
                                   int64_t now);

// Bans the person when the rules call for it: a sanction other than
// record_only, attempts_in_window >= the threshold, and no ban in force.
// Returns the new ban's id, or nullopt when no ban follows. Audited
// "filter.ban"; rules.monitoring_reports_to are told (kNetworkBanned).
Result<std::optional<int64_t>> ban_if_due(const SchoolScope& at, const FilterRules& rules,
                                          int64_t person_id);

// Lifts the ban, with the reason (required). kForbidden unless the grants
// hold one of rules.monitoring_reports_to; kConflict once lifted. Audited
// "filter.ban_lift".
Status lift_ban(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                int64_t ban_id, std::string_view reason);

// Records that a member of staff (an active person of kind staff at the
// school) supervises the banned person from now for `minutes`
// (1..kMaxSupervisedMinutes). kConflict unless the ban is in force and its
// sanction is supervised_use_only; kInvalid for a bad supervisor or length;
// kForbidden as lift_ban. Audited "filter.supervision". Returns the session's id.
Result<int64_t> record_supervision(const SchoolScope& at, const Grants& grants,
                                   const FilterRules& rules, int64_t ban_id, int64_t supervisor_id,
                                   int minutes);

// Whom record_supervision accepts as the supervisor: the school's active
// staff, in the people list's order (the first kMaxPeoplePageSize staff), for
// the form that records a session.
Result<std::vector<Person>> possible_supervisors(Connection& conn, int64_t school_id);

// kNotFound unless the ban is of the school; with its sessions, and
// supervised_until as of `now`.
Result<FilterBan> get_ban(Connection& conn, int64_t school_id, int64_t ban_id, int64_t now);
// The bans in force at the school, newest first, supervised_until as of `now`.
Result<std::vector<FilterBan>> bans_in_force(Connection& conn, int64_t school_id, int64_t now);
// Every ban of one person, newest first.
Result<std::vector<FilterBan>> bans_of(Connection& conn, int64_t school_id, int64_t person_id,
                                       int64_t now);

}  // namespace inloco::filter

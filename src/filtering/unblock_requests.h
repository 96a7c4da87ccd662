// Requests to unblock a wrongly blocked site (NET-3). Any member of staff asks,
// with the address, what it is needed for, for whom (themselves or one of the
// profile's filter groups, e.g. a class in a lesson) and for how many days.
// ICT (FilterRules::unblock_handlers) checks it and notes what they found; the
// profile's unblock_approvers (by default the headteacher) approve or refuse
// it, always with the decision in writing. An approval creates a
// time-limited exception the filter reads (filter_exceptions); the filter
// never lets an exception open a locked category (LAW-8). Decided requests
// are never changed again; an exception can be ended early, with the reason.
//
// Every change is audited. Call the writers inside Database::transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

inline constexpr int kMaxUnblockDays = 365;

enum class UnblockStatus { kWaiting, kApproved, kRefused };
std::string_view unblock_status_key(UnblockStatus s);  // "waiting", "approved", "refused"

struct UnblockInput {
  std::string address;    // "https://www.example.org/page" or "example.org"
  std::string reason;     // required
  std::string for_group;  // a key of rules.groups, or "" for the requester alone
  int days = 7;           // 1..kMaxUnblockDays
};

struct UnblockRequest {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t requested_by = 0;
  std::string requested_by_name;
  int64_t requested_at = 0;
  std::string address;
  std::string domain;
  std::string reason;
  std::string for_group;
  int days = 0;
  UnblockStatus status = UnblockStatus::kWaiting;
  std::string checked_by_name;
  std::optional<int64_t> checked_at;
  std::string check_note;
  std::string decided_by_name;
  std::optional<int64_t> decided_at;
  std::string decision_reason;
  std::optional<int64_t> exception_ends_at;  // when approved
};

// The site an address names: its host, normalised (lower case, punycode,
// numeric forms as dotted quads) and without a leading www. kInvalid, saying
// what to type, when it names no site.
Result<std::string> unblock_domain(std::string_view address);

// Records the request; returns its id. kInvalid: no site, no reason, a group
// the profile does not have, days out of range. Audited "filter.unblock_request".
Result<int64_t> request_unblock(const SchoolScope& at, const FilterRules& rules,
                                const UnblockInput& in);

// ICT's check, with what they found (required). kForbidden unless the grants
// hold one of rules.unblock_handlers; kConflict once decided. Audited
// "filter.unblock_check".
Status check_unblock(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                     int64_t request_id, std::string_view note);

// The decision in writing (required, approve or refuse). kForbidden unless
// the grants hold one of rules.unblock_approvers, or for one's own request;
// kConflict once decided. An approval adds the exception from now for the
// request's days. Audited "filter.unblock_decide".
Status decide_unblock(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                      int64_t request_id, bool approve, std::string_view reason);

// kNotFound unless the request is of the school.
Result<UnblockRequest> get_unblock_request(Connection& conn, int64_t school_id, int64_t request_id);
// The school's requests, waiting first, then newest first (at most `limit`).
Result<std::vector<UnblockRequest>> unblock_requests(Connection& conn, int64_t school_id,
                                                     int limit);
// The person's own requests, newest first.
Result<std::vector<UnblockRequest>> own_unblock_requests(Connection& conn, int64_t school_id,
                                                         int64_t person_id);

struct FilterException {
  int64_t id = 0;
  int64_t request_id = 0;
  std::string domain;
  std::string for_group;
  std::optional<int64_t> for_person_id;
  std::string
      for_username;  // the person's network name (network_names.h), for the filter ("" if none)
  int64_t starts_at = 0;
  int64_t ends_at = 0;
};

// The exceptions in force at `now`, soonest ending first.
Result<std::vector<FilterException>> exceptions_in_force(Connection& conn, int64_t school_id,
                                                         int64_t now);

// Ends an exception early, with the reason (required). kForbidden unless the
// grants hold one of rules.unblock_approvers or rules.unblock_handlers;
// kConflict when it has already ended. Audited "filter.exception_end".
Status end_exception(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                     int64_t exception_id, std::string_view reason);

}  // namespace inloco::filter

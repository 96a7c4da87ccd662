// Network user names (NET-5, NET-6): the sign-in name the school's network
// passes to the proxy, which the Squid helper writes in the decision log.
// It is how a decision record is matched to a person, and how the filter
// knows whom a ban or a person's filter group is for.
//
// A person's network name is their people.network_username when set, else
// their inloco user name (so staff who sign in to both with one name need
// nothing set). Names are compared in lower case. Within a school a name
// belongs to one person: set_network_username refuses a name someone else
// already goes by. Should an inloco user name created later equal another
// person's network_username, the network_username wins.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco::filter {

inline constexpr size_t kMaxNetworkUsername = 128;

// The name in lower case (A-Z). kInvalid when empty, longer than
// kMaxNetworkUsername bytes, not UTF-8, or holding a space or a control
// character. "DOMAIN\user" and "user@realm" forms are kept as they are.
Result<std::string> normalise_network_username(std::string_view name);

// Every network name of the school's people (active or not), lower case ->
// person id.
Result<std::map<std::string, int64_t>> network_names(Connection& conn, int64_t school_id);

// The person's network name; "" when they have none.
Result<std::string> network_name_of(Connection& conn, int64_t person_id);

// Sets the person's network name, or with "" clears it (their inloco user
// name then stands for it). kNotFound unless the person is of the school;
// kInvalid for a bad name; kConflict, naming no one, when another person of
// the school goes by it; kForbidden unless the grants hold one of
// rules.monitoring_reports_to. Audited "filter.network_name". Call inside
// Database::transaction.
Status set_network_username(const SchoolScope& at, const Grants& grants, const FilterRules& rules,
                            int64_t person_id, std::string_view name);

}  // namespace inloco::filter

// Choosing a platform for the account register (ACC-1). The platforms
// themselves are listed once, in profile/platform_registry.h.
//
// A platform is stored by its key ("facebook", "x"); people see its label
// ("Facebook", "X (Twitter)"). parse_platform reads what a headteacher types
// or an old paper log says: keys, labels and a few common other names
// ("Twitter"), ignoring the case of A-Z. A policy profile may allow only some
// platforms (AccountRules::platforms, empty meaning every known platform);
// check_platform_allowed applies that on top of parsing.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "profile/platform_registry.h"
#include "profile/policy_profile.h"

namespace inloco {

// Key, label or another common name, any case, surrounding spaces ignored.
// kInvalid for anything else, naming the platforms that are known.
Result<Platform> parse_platform(std::string_view text);

// The label of a stored key; the key itself if this version does not know it.
std::string platform_label(std::string_view key);

// kInvalid when the profile allows only some platforms and this is not one,
// naming those that are allowed.
Status check_platform_allowed(const Platform& platform, const AccountRules& rules);

}  // namespace inloco

// ACC-4: each account is linked to an official school email address, kept
// separate from personal accounts.
//
// An address "looks official" when it is a well-formed address whose domain
// is not a personal webmail service (gmail.com, hotmail.*, outlook.com,
// yahoo.*, icloud.com, ...): an account registered to someone's own mailbox
// leaves with them, and the school loses the master access (ACC-2). The list
// is a guard against the common mistake, not a proof that a domain is the
// school's.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

// True for the domains of free personal mail services (case ignored).
bool is_personal_webmail_domain(std::string_view domain);

// The address trimmed and with its domain in lower case; kInvalid saying
// what is wrong when it is not an address, or is a personal webmail address.
Result<std::string> normalise_official_email(std::string_view email);

}  // namespace inloco

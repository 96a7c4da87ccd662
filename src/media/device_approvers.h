// Who approves and retires the devices that take pictures (PST-10). The
// permission table lets the roles that may manage devices (devices.manage)
// reach the forms; the school's profile names which of those roles decide
// (PostRules::device_approvers), held at the school or across its trust.
// Everyone who uses the media library sees the register and who decides.
#pragma once

#include <string>

#include "auth/permissions.h"
#include "core/result.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"

namespace inloco {

// "the Online safety lead or the Headteacher", in the school's own titles.
std::string device_approvers_phrase(const PolicyProfile& profile);

// May the person approve and retire devices at the school?
bool may_approve_devices(const PolicyProfile& profile, const Grants& grants, const School& school);

// kForbidden unless they may: "Devices here are approved by <phrase>, as the
// school's policy says."
Status require_device_approver(const PolicyProfile& profile, const Grants& grants,
                               const School& school);

}  // namespace inloco

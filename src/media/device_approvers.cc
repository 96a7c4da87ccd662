#include "media/device_approvers.h"

namespace inloco {

std::string device_approvers_phrase(const PolicyProfile& profile) {
  std::string out;
  for (Role r : profile.posts.device_approvers)
    out += (out.empty() ? "the " : " or the ") + role_title(profile, r);
  return out;
}

bool may_approve_devices(const PolicyProfile& profile, const Grants& grants, const School& school) {
  return grants.can(Capability::kDevicesManage, school.id, school.trust_id) &&
         grants.holds_any(profile.posts.device_approvers, school.id, school.trust_id);
}

Status require_device_approver(const PolicyProfile& profile, const Grants& grants,
                               const School& school) {
  if (may_approve_devices(profile, grants, school)) return {};
  return Error::forbidden("Devices here are approved by " + device_approvers_phrase(profile) +
                          ", as the school's policy says.");
}

}  // namespace inloco

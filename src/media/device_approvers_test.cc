// REQ PST-10: devices are approved by the roles the school's policy names.
// Who approves devices (device_approvers.h): the profile's roles among those
// the permission table lets manage devices, at the school or across its trust.
#include "media/device_approvers.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

constexpr int64_t kTrust = 7;
const School kSchool{3, kTrust, "oakfield", "Oakfield Primary School", std::nullopt, "primary"};
const School kOtherSchool{4, kTrust, "riverside", "Riverside Academy", std::nullopt, "secondary"};

Grants at_school(Role role, int64_t school_id = kSchool.id) {
  return Grants({RoleGrant{role, kTrust, school_id}});
}

PolicyProfile profile_naming(std::vector<Role> approvers) {
  PolicyProfile p;
  p.posts.device_approvers = std::move(approvers);
  return p;
}

TEST(DeviceApproversTest, OnlyTheProfilesRolesDecide) {
  PolicyProfile p = profile_naming({Role::kOnlineSafetyOfficer, Role::kIctTechnician});
  EXPECT_TRUE(may_approve_devices(p, at_school(Role::kOnlineSafetyOfficer), kSchool));
  EXPECT_TRUE(may_approve_devices(p, at_school(Role::kIctTechnician), kSchool));
  EXPECT_FALSE(may_approve_devices(p, at_school(Role::kHeadteacher), kSchool))
      << "may manage devices, but the profile names other roles";
  EXPECT_FALSE(
      may_approve_devices(p, at_school(Role::kOnlineSafetyOfficer, kOtherSchool.id), kSchool))
      << "a role at another school";
  Grants trust_wide({RoleGrant{Role::kIctTechnician, kTrust, std::nullopt}});
  EXPECT_TRUE(may_approve_devices(p, trust_wide, kSchool)) << "a role across the trust";
}

TEST(DeviceApproversTest, ARoleWithoutTheCapabilityNeverDecides) {
  // A profile naming a role the permission table does not let manage devices.
  PolicyProfile p = profile_naming({Role::kStaff});
  EXPECT_FALSE(may_approve_devices(p, at_school(Role::kStaff), kSchool));
}

TEST(DeviceApproversTest, TheRefusalNamesWhoDecidesInTheSchoolsOwnTitles) {
  PolicyProfile p = profile_naming({Role::kOnlineSafetyOfficer, Role::kHeadteacher});
  p.titles["headteacher"] = "Principal";
  EXPECT_EQ(device_approvers_phrase(p),
            "the " + std::string(role_label(Role::kOnlineSafetyOfficer)) + " or the Principal");
  Status refused = require_device_approver(p, at_school(Role::kIctTechnician), kSchool);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(refused.error().message, "Devices here are approved by " + device_approvers_phrase(p) +
                                         ", as the school's policy says.");
  EXPECT_TRUE(require_device_approver(p, at_school(Role::kHeadteacher), kSchool).ok());
}

}  // namespace
}  // namespace inloco

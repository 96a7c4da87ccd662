// Permissions (IAM-2): the one table of what each role may do, and the one
// check every route goes through (check_access in web/app.cc calls Grants::can). No
// database here: the table is read by the profile checks and the filter engine too, and
// grants_store.h loads a person's grants.
//
// A role is held at a school, or across a trust when the assignment has no
// school. A grant at one school never opens another school's data (ORG-1);
// a trust-wide grant opens every school of that trust for that role's
// capabilities.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "people/role.h"

namespace inloco {

enum class Capability {
  kDashboardView,        // the dashboard of one's own schools
  kOwnSignIn,            // one's own password and second factor
  kPeopleView,           // lists of staff, pupils and parents; names and roles
  kPeopleViewSensitive,  // a pupil's date of birth, contacts and parents (audited when viewed)
  kPeopleImport,         // import people from the school information system
  kPupilCompetence,      // decide whether a pupil may consent for themselves (ORG-5)
  kUsersManage,          // create sign-ins and reset passwords for others
  kAuditView,            // read the audit log
  kPolicyView,           // read the school's policy as generated from its profile (RPT-3)
  kPolicyManage,         // assign or change the school's policy profile
  kAccountsOwn,          // see the official accounts one may post to or administer (ACC-5)
  kAccountsView,         // see the whole account register and its log export (ACC-1, ACC-2)
  kAccountsPropose,      // register an account or affiliated channel, with its assessment (ACC-3)
  kAccountsApprove,      // decide assessments (the profile names which of these roles)
  kAccountsAuthorise,    // grant and revoke posting and admin rights (ACC-5)
  kAccountsManage,    // privacy-notice and access flags, stored passwords, closing (ACC-6, 7, 10)
  kAccountsReview,    // record access reviews and affiliated-content checks (ACC-8, ACC-9)
  kPostsWrite,        // draft posts (to accounts one is authorised for) and publish approved ones
  kPostsApprove,      // approve others' posts (the profile names which of these roles)
  kIncidentsDeclare,  // declare and close a critical incident (PST-9)
  kConsentView,       // the consent register, its log and renewals (CON-6, CON-7)
  kConsentRecord,     // record consent decisions and withdrawals from forms (CON-1..4)
  kRemovalsResolve,   // close removal tasks after a withdrawal (CON-5)
  kMediaView,         // the school's media library: its images and what was removed from them
  kMediaUpload,       // add images to the media library, with their source and owner (PST-6)
  kDevicesManage,     // approve and retire picture-taking devices (the profile names which roles)
  kConcernsReport,    // report a concern (INC-1, INC-8) and read one's own reports as sent
  kConcernsCases,  // the concerns list and case pages: each case only for those it was routed to or
                   // added to
  kConcernsChronology,  // a pupil's safeguarding chronology (LAW-1), each case still filtered by
                        // who may see it
  kStaffOwnConduct,  // declare one's own relationships (STF-1) and tick one's own induction (STF-4)
  kStaffConductView,      // staff relationships and contact approvals (audited when viewed)
  kStaffConductDecide,    // decide relationships, approve contact and blogging (the profile names
                          // which roles)
  kStaffInductionView,    // who has not finished their induction (STF-4)
  kFilterUnblockRequest,  // ask for a wrongly blocked site to be unblocked, and see one's own
                          // requests (NET-3)
  kFilterUnblocksView,    // the school's unblock requests and the exceptions in force
  kFilterUnblocksDecide,  // check (ICT) or decide (headteacher) unblock requests: the profile names
                          // which roles
  kFilterMonitoringView,  // NET-5, NET-6: monitoring reports, a person's activity (audited),
                          // circumvention events, bans
  kFilterBansManage,  // lift bans, record supervised use, set network user names: the profile names
                      // which roles
};

std::span<const Capability> all_capabilities();
std::string_view capability_key(Capability c);    // "people.view"
std::string_view capability_label(Capability c);  // "See people"

// The table: does this role have this capability?
bool role_has(Role role, Capability c);

struct RoleGrant {
  Role role;
  int64_t trust_id = 0;
  std::optional<int64_t> school_id;  // empty: across the trust
};

class Grants {
 public:
  Grants() = default;
  explicit Grants(std::vector<RoleGrant> grants) : grants_(std::move(grants)) {}

  // May this person use capability c on the data of this school?
  bool can(Capability c, int64_t school_id, int64_t school_trust_id) const;
  // For capabilities that are not about one school (own account, dashboard):
  // true if any role held anywhere has it.
  bool can_somewhere(Capability c) const;
  // Does the person hold any of these roles at the school (or across its
  // trust)? For rules a school's profile sets, such as who approves posts.
  bool holds_any(const std::vector<Role>& roles, int64_t school_id, int64_t school_trust_id) const;
  bool empty() const { return grants_.empty(); }
  const std::vector<RoleGrant>& all() const { return grants_; }

 private:
  std::vector<RoleGrant> grants_;
};

}  // namespace inloco

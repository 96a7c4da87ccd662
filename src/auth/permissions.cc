#include "auth/permissions.h"

#include <algorithm>
#include <array>

namespace inloco {
namespace {

using R = Role;
using C = Capability;

struct CapabilityInfo {
  Capability capability;
  std::string_view key;
  std::string_view label;
  std::vector<Role> roles;  // who has it
};

// THE permission table. Least privilege: a role has only what its work needs.
// Every signed-in role may see its dashboard and manage its own sign-in.
const std::vector<CapabilityInfo>& table() {
  static const std::vector<CapabilityInfo> t = {
      {C::kDashboardView,
       "dashboard.view",
       "See the dashboard",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kGovernor,
        R::kChairOfGovernors, R::kTrustBoardMember, R::kPtaChair, R::kStaff, R::kVolunteer,
        R::kOfficeManager}},
      {C::kOwnSignIn,
       "signin.own",
       "Manage one's own sign-in",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kGovernor,
        R::kChairOfGovernors, R::kTrustBoardMember, R::kPtaChair, R::kStaff, R::kVolunteer,
        R::kOfficeManager}},
      {C::kPeopleView,
       "people.view",
       "See people",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kDpo, R::kYearGroupLeader, R::kOfficeManager}},
      {C::kPeopleViewSensitive,
       "people.view_sensitive",
       "See pupils' dates of birth, contacts and parents",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kDpo,
        R::kOfficeManager}},
      {C::kPeopleImport,
       "people.import",
       "Import people from the school information system",
       {R::kHeadteacher, R::kOfficeManager}},
      {C::kPupilCompetence,
       "people.competence",
       "Decide whether a pupil can consent for themselves",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl}},
      {C::kUsersManage,
       "users.manage",
       "Create sign-ins and reset passwords",
       {R::kHeadteacher, R::kOfficeManager}},
      {C::kAuditView, "audit.view", "Read the audit log", {R::kHeadteacher, R::kDpo}},
      {C::kPolicyView,
       "policy.view",
       "Read the school's social media policy",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kGovernor,
        R::kChairOfGovernors, R::kTrustBoardMember, R::kPtaChair, R::kStaff, R::kVolunteer,
        R::kOfficeManager}},
      {C::kPolicyManage, "policy.manage", "Change the school's policy profile", {R::kHeadteacher}},
      // Everyone on staff may be authorised to post; they see only their own accounts.
      {C::kAccountsOwn,
       "accounts.own",
       "See the accounts one may post to or administer",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kOfficeManager}},
      {C::kAccountsView,
       "accounts.view",
       "See the whole register of official accounts",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead, R::kOnlineSafetyOfficer,
        R::kIctTechnician, R::kDpo, R::kGovernor, R::kChairOfGovernors}},
      {C::kAccountsPropose,
       "accounts.propose",
       "Register an account or an affiliated channel",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead}},
      // The profile says which of these roles approves (AccountRules::account_approvers).
      {C::kAccountsApprove,
       "accounts.approve",
       "Decide on a new account's assessment",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kChairOfGovernors}},
      {C::kAccountsAuthorise,
       "accounts.authorise",
       "Authorise people to post or administer",
       {R::kHeadteacher}},
      {C::kAccountsManage,
       "accounts.manage",
       "Keep account details, stored passwords and closing",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead}},
      {C::kAccountsReview,
       "accounts.review",
       "Record access reviews and content checks",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead}},
      // Posting itself also needs the account's authorisation (ACC-5), checked per post.
      {C::kPostsWrite,
       "posts.write",
       "Write posts for the school's accounts",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kOfficeManager}},
      // The profile says which of these approves (PostRules::approvers).
      {C::kPostsApprove,
       "posts.approve",
       "Approve posts before they are published",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead, R::kYearGroupLeader}},
      {C::kIncidentsDeclare,
       "incidents.declare",
       "Declare and close a critical incident",
       {R::kHeadteacher, R::kDeputyHeadteacher}},
      {C::kConsentView,
       "consent.view",
       "See the consent register",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kDpo, R::kOfficeManager}},
      {C::kConsentRecord,
       "consent.record",
       "Record consent and withdrawals from forms",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kOfficeManager}},
      // Tasks are assigned to the account's administrators; others with this may close them too.
      {C::kRemovalsResolve,
       "removals.resolve",
       "Record that a post was taken down",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kSocialMediaLead, R::kIctTechnician}},
      // Images of pupils: those who write or approve posts, and the DPO.
      {C::kMediaView,
       "media.view",
       "See the school's media library",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kOfficeManager}},
      // Adding photographs is part of writing a post: the same roles.
      {C::kMediaUpload,
       "media.upload",
       "Add images to the media library",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kOfficeManager}},
      // The profile says which of these approves devices (PostRules::device_approvers).
      {C::kDevicesManage,
       "devices.manage",
       "Approve and retire devices that take pictures",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kOnlineSafetyOfficer, R::kIctTechnician,
        R::kSocialMediaLead}},
      // Anyone who works or volunteers with the school reports what they see (INC-1).
      {C::kConcernsReport,
       "concerns.report",
       "Report a concern",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kGovernor,
        R::kChairOfGovernors, R::kTrustBoardMember, R::kPtaChair, R::kStaff, R::kVolunteer,
        R::kOfficeManager}},
      // The list and case pages: the concerns library then shows each case only to the people it
      // was routed to or added to, so anyone who may be routed to or added needs this.
      {C::kConcernsCases,
       "concerns.cases",
       "Open the concerns routed to you",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kGovernor,
        R::kChairOfGovernors, R::kTrustBoardMember, R::kStaff, R::kOfficeManager}},
      {C::kConcernsChronology,
       "concerns.chronology",
       "See a pupil's safeguarding chronology",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl}},
      {C::kStaffOwnConduct,
       "staff.own_conduct",
       "Declare relationships and complete one's induction",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kVolunteer, R::kOfficeManager}},
      {C::kStaffConductView,
       "staff.conduct_view",
       "See staff relationships and contact approvals",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl}},
      // The profile says which of these decides (StaffRules).
      {C::kStaffConductDecide,
       "staff.conduct_decide",
       "Decide on relationships, contact and blogging",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl}},
      // NET-3: anyone who teaches or supports may find a useful site wrongly blocked.
      {C::kFilterUnblockRequest,
       "filter.unblock_request",
       "Ask for a site to be unblocked, or report one to block",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kSocialMediaLead,
        R::kOnlineSafetyOfficer, R::kIctTechnician, R::kDpo, R::kYearGroupLeader, R::kStaff,
        R::kOfficeManager}},
      {C::kFilterUnblocksView,
       "filter.unblocks_view",
       "See unblock requests, reported sites and the exceptions in force",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kOnlineSafetyOfficer,
        R::kIctTechnician}},
      // The profile's unblock_handlers check, its unblock_approvers decide and its
      // content_reports_to block reported sites (FilterRules).
      {C::kFilterUnblocksDecide,
       "filter.unblocks_decide",
       "Check or decide unblock requests and reported sites",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kOnlineSafetyOfficer, R::kIctTechnician}},
      // NET-5, NET-6: those a profile may name in filter.monitoring_reports_to (the
      // DSL and ICT by default): safeguarding leads, ICT and the school's leaders.
      {C::kFilterMonitoringView,
       "filter.monitoring_view",
       "See monitoring reports, people's web activity, circumvention events and bans",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kOnlineSafetyOfficer,
        R::kIctTechnician}},
      // The profile's monitoring_reports_to lift bans and record supervised use.
      {C::kFilterBansManage,
       "filter.bans_manage",
       "Lift bans from the network, record supervised use and set network user names",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kDsl, R::kDeputyDsl, R::kOnlineSafetyOfficer,
        R::kIctTechnician}},
      {C::kStaffInductionView,
       "staff.induction_view",
       "See who has not finished their induction",
       {R::kHeadteacher, R::kDeputyHeadteacher, R::kOfficeManager}},
  };
  return t;
}

const CapabilityInfo& info(Capability c) {
  for (const auto& i : table())
    if (i.capability == c) return i;
  return table().front();
}

}  // namespace

std::span<const Capability> all_capabilities() {
  static const std::vector<Capability> all = [] {
    std::vector<Capability> v;
    for (const auto& i : table()) v.push_back(i.capability);
    return v;
  }();
  return all;
}

std::string_view capability_key(Capability c) { return info(c).key; }
std::string_view capability_label(Capability c) { return info(c).label; }

bool role_has(Role role, Capability c) {
  const auto& roles = info(c).roles;
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Grants::can(Capability c, int64_t school_id, int64_t school_trust_id) const {
  for (const auto& g : grants_) {
    if (!role_has(g.role, c)) continue;
    if (g.school_id) {
      if (*g.school_id == school_id) return true;
    } else if (g.trust_id == school_trust_id) {
      return true;
    }
  }
  return false;
}

bool Grants::can_somewhere(Capability c) const {
  return std::any_of(grants_.begin(), grants_.end(),
                     [c](const RoleGrant& g) { return role_has(g.role, c); });
}

bool Grants::holds_any(const std::vector<Role>& roles, int64_t school_id,
                       int64_t school_trust_id) const {
  for (const auto& g : grants_) {
    if (std::find(roles.begin(), roles.end(), g.role) == roles.end()) continue;
    if (g.school_id ? *g.school_id == school_id : g.trust_id == school_trust_id) return true;
  }
  return false;
}

}  // namespace inloco

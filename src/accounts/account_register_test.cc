// REQ ACC-1: a register of accounts with platform, name, purpose, master role, users, dates.
// REQ ACC-2: the register shows which accounts fail the official criteria.
// REQ ACC-3: an account opens only after an approver (not the person who asked) approves its
// assessment. REQ ACC-4: linked to an official school email address, not a personal one. REQ ACC-5:
// only people the headteacher authorised post or administer; dated and revocable. REQ ACC-7: the
// privacy-notice flag. REQ ACC-9: affiliated channels registered as such; nobody is authorised on
// them. REQ ACC-10: closing keeps the account in the log with its closing date. REQ ORG-1: another
// school's accounts are never seen or changed.
#include "accounts/account_register.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "accounts/credential_vault.h"
#include "core/secret_key.h"
#include "store/audit_log.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

class AccountRegisterTest : public test::AccountFixture {
 protected:
  Result<RegisterEntry> entry(int64_t account, int64_t school = 0) {
    return read(
        [&](Connection& c) { return get_account(c, school ? school : alpha_, account, rules_); });
  }
  std::vector<RegisterEntry> reg(std::optional<int64_t> person = std::nullopt, int64_t school = 0) {
    auto r = read(
        [&](Connection& c) { return list_register(c, school ? school : alpha_, rules_, person); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<RegisterEntry>{};
  }
  std::vector<std::string> codes(const RegisterEntry& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems) out.push_back(p.code);
    return out;
  }
  std::string last_action() {
    auto r = read([&](Connection& c) {
      return c.query("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1");
    });
    return r.ok() && !r->empty() ? (*r)[0][0].as_text() : "";
  }
  static bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }
  static bool any_detail(const Error& e, const std::string& part) {
    for (const auto& d : e.details)
      if (has(d, part)) return true;
    return false;
  }
};

using Codes = std::vector<std::string>;

TEST_P(AccountRegisterTest, ProposalKeepsEveryFieldAndOpensOnlyWhenApproved) {
  AccountProposal p = proposal("Instagram", " @AlphaPrimary ");
  p.url = "https://www.instagram.com/alphaprimary";
  p.master_admin_role = Role::kIctTechnician;
  p.official_email = "Office@Alpha.Example.org";
  p.assessment.pupils_contribute = true;
  p.assessment.parents_contribute = true;
  auto id = propose(p, lead_);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(last_action(), "account.propose");

  auto e = entry(*id);
  ASSERT_TRUE(e.ok()) << e.error().message;
  const OfficialAccount& a = e->account;
  EXPECT_EQ(a.platform, "instagram");
  EXPECT_EQ(a.account_name, "@AlphaPrimary");
  EXPECT_EQ(a.url, "https://www.instagram.com/alphaprimary");
  EXPECT_EQ(a.purpose, "News and reminders for families.");
  EXPECT_EQ(a.master_admin_role, Role::kIctTechnician);
  EXPECT_EQ(a.official_email, "Office@alpha.example.org");
  EXPECT_EQ(a.status, AccountStatus::kProposed);
  EXPECT_FALSE(a.date_opened);
  EXPECT_FALSE(a.date_closed);
  EXPECT_TRUE(a.school_holds_master_access);
  EXPECT_TRUE(a.listed_in_privacy_notice);
  EXPECT_EQ(a.assessment.investment_achieves, "Yes: parents read it daily.");
  EXPECT_EQ(a.assessment.interaction, InteractionLevel::kModeratedComments);
  EXPECT_TRUE(a.assessment.pupils_contribute);
  EXPECT_TRUE(a.assessment.staff_contribute);
  EXPECT_TRUE(a.assessment.parents_contribute);
  EXPECT_FALSE(a.assessment.public_contribute);
  EXPECT_EQ(a.assessment.staff_minutes_per_week, 90);
  EXPECT_EQ(a.assessment.success_measures, "Fewer calls to the office.");
  EXPECT_EQ(a.assessment.requested_by, lead_);
  EXPECT_EQ(a.assessment.requested_at, clock_.now());
  EXPECT_FALSE(a.assessment.approved);
  EXPECT_EQ(codes(*e), Codes{"not_approved"});

  clock_.advance(3600);
  ASSERT_TRUE(decide(*id, head_, true, "Good plan.").ok());
  EXPECT_EQ(last_action(), "account.approve");
  e = entry(*id);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->account.status, AccountStatus::kOpen);
  EXPECT_EQ(optional_iso(e->account.date_opened), "2026-09-01");
  EXPECT_EQ(e->account.assessment.approved, true);
  EXPECT_EQ(e->account.assessment.decided_by, head_);
  EXPECT_EQ(e->account.assessment.decided_at, clock_.now());
  EXPECT_EQ(e->account.assessment.decision_note, "Good plan.");
  EXPECT_EQ(codes(*e), Codes{"no_admin"});

  // Deciding again is refused.
  auto again = decide(*id, head_, false, "No");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(again.error().message, "already approved on 2026-09-01 by Helen Head"));
}

TEST_P(AccountRegisterTest, AnExistingAccountKeepsTheDateItWasOpened) {
  AccountProposal p = proposal();
  p.date_opened = "06/09/2021";
  int64_t id = open_account(p);
  EXPECT_EQ(optional_iso(entry(id)->account.date_opened), "2021-09-06");

  p = proposal("youtube", "Alpha");
  p.date_opened = "2027-01-01";
  auto future = propose(p, lead_);
  ASSERT_FALSE(future.ok());
  EXPECT_TRUE(has(future.error().message, "is in the future"));
}

TEST_P(AccountRegisterTest, ApprovingYourOwnRequestIsRefused) {
  auto id = propose(proposal(), head_);
  ASSERT_TRUE(id.ok());
  std::string before = snapshot();
  auto own = decide(*id, head_, true);
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(
      has(own.error().message, "You asked for this account, so someone else must approve it"));
  EXPECT_EQ(snapshot(), before);
  EXPECT_EQ(entry(*id)->account.status, AccountStatus::kProposed);

  // An executive head (headteacher across the trust) may approve it.
  ASSERT_TRUE(decide(*id, exec_head_, true).ok());
  EXPECT_EQ(entry(*id)->account.status, AccountStatus::kOpen);
}

TEST_P(AccountRegisterTest, OnlyTheProfilesApproversDecide) {
  auto id = propose(proposal(), lead_);
  ASSERT_TRUE(id.ok());
  std::string before = snapshot();
  for (int64_t who : {deputy_, ict_, beta_head_}) {
    auto r = decide(*id, who, true);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_TRUE(has(r.error().message, "Only the Headteacher can approve or reject a new account"))
        << r.error().message;
  }
  EXPECT_EQ(snapshot(), before);

  // Rejecting needs a reason, and keeps the record.
  auto no_reason = decide(*id, head_, false, "  ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(has(no_reason.error().message, "Say why"));
  EXPECT_EQ(snapshot(), before);

  rules_.account_approvers = {Role::kHeadteacher, Role::kDeputyHeadteacher};
  ASSERT_TRUE(decide(*id, deputy_, false, "Too little staff time to answer messages.").ok());
  auto e = entry(*id);
  EXPECT_EQ(e->account.status, AccountStatus::kRejected);
  EXPECT_EQ(e->account.assessment.approved, false);
  EXPECT_FALSE(e->account.date_opened);
  EXPECT_EQ(codes(*e), (Codes{"rejected"}));
  EXPECT_EQ(last_action(), "account.reject");
}

TEST_P(AccountRegisterTest, UnknownPlatformIsRefusedAndNothingChanges) {
  std::string before = snapshot();
  auto r = propose(proposal("Myspace"), lead_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(has(r.error().message, "'Myspace' is not a platform inloco knows"));
  EXPECT_TRUE(has(r.error().message, "Facebook"));
  EXPECT_EQ(snapshot(), before);

  rules_.platforms = {"facebook"};
  auto disallowed = propose(proposal("TikTok"), lead_);
  ASSERT_FALSE(disallowed.ok());
  EXPECT_TRUE(has(disallowed.error().message, "does not allow accounts on TikTok"));
  EXPECT_EQ(snapshot(), before);
}

TEST_P(AccountRegisterTest, DuplicateNameOnOnePlatformIsRefusedNamingTheSchool) {
  open_account(proposal("instagram", "@AlphaPrimary"));
  std::string before = snapshot();

  auto same = propose(proposal("Instagram", "alphaprimary"), lead_);
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(same.error().message, "already in this school's register (open)"));

  auto sister = propose(proposal("instagram", "ALPHAPRIMARY"), beta_head_, beta_);
  ASSERT_FALSE(sister.ok());
  EXPECT_EQ(sister.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(sister.error().message, "already registered by Alpha Primary"));

  // A school of another trust is told, but not which school (ORG-1).
  auto stranger = propose(proposal("instagram", "@alphaprimary"), beta_head_, gamma_);
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(stranger.error().message, "another school on this server"));
  EXPECT_FALSE(has(stranger.error().message, "Alpha"));
  EXPECT_EQ(snapshot(), before);

  // The same name on another platform is another account.
  EXPECT_TRUE(propose(proposal("facebook", "AlphaPrimary"), lead_).ok());
}

TEST_P(AccountRegisterTest, RejectedOrClosedAccountsDoNotBlockTheName) {
  auto first = propose(proposal("x", "@alpha"), lead_);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(decide(*first, head_, false, "Not now.").ok());
  auto second = propose(proposal("twitter", "alpha"), lead_);
  ASSERT_TRUE(second.ok()) << second.error().message;
}

TEST_P(AccountRegisterTest, MissingFieldsAreAllListed) {
  std::string before = snapshot();
  AccountProposal p;
  p.platform = "facebook";
  p.assessment.staff_contribute = false;
  auto r = propose(p, lead_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(has(r.error().message, "please correct the"));
  EXPECT_TRUE(any_detail(r.error(), "Enter the account name"));
  EXPECT_TRUE(any_detail(r.error(), "Enter the purpose"));
  EXPECT_TRUE(any_detail(r.error(), "master administration role"));
  EXPECT_TRUE(any_detail(r.error(), "official school email"));
  EXPECT_TRUE(any_detail(r.error(), "investment"));
  EXPECT_TRUE(any_detail(r.error(), "how success will be judged"));
  EXPECT_TRUE(any_detail(r.error(), "who may contribute"));
  EXPECT_TRUE(any_detail(r.error(), "staff time"));
  EXPECT_EQ(r.error().details.size(), 8u);
  EXPECT_EQ(snapshot(), before);

  AccountProposal bad = proposal();
  bad.url = "javascript:alert(1)";
  bad.master_admin_role = Role::kPtaChair;
  auto r2 = propose(bad, lead_);
  ASSERT_FALSE(r2.ok());
  EXPECT_TRUE(any_detail(r2.error(), "must start with https://"));
  EXPECT_TRUE(any_detail(r2.error(), "held by the school's staff, not the PTA chair"));
  EXPECT_EQ(snapshot(), before);
}

TEST_P(AccountRegisterTest, OfficialEmailMustBeASchoolAddressWhenRequired) {
  std::string before = snapshot();
  AccountProposal p = proposal();
  p.official_email = "alpha.primary@gmail.com";
  auto personal = propose(p, lead_);
  ASSERT_FALSE(personal.ok());
  EXPECT_TRUE(has(personal.error().message, "personal email address (gmail.com)"));
  p.official_email.reset();
  auto missing = propose(p, lead_);
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(has(missing.error().message, "requires one (ACC-4)"));
  EXPECT_EQ(snapshot(), before);

  rules_.official_email_required = false;
  auto id = propose(p, lead_);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_FALSE(entry(*id)->account.official_email);
}

TEST_P(AccountRegisterTest, TheProfileMayForbidAccountsOrAffiliatedChannels) {
  std::string before = snapshot();
  rules_.official_accounts_allowed = false;
  auto official = propose(proposal(), lead_);
  ASSERT_FALSE(official.ok());
  EXPECT_TRUE(has(official.error().message, "runs no official social media accounts"));
  rules_.affiliated_channels_allowed = false;
  auto affiliated = propose(affiliated_proposal(), deputy_);
  ASSERT_FALSE(affiliated.ok());
  EXPECT_TRUE(has(affiliated.error().message, "does not allow affiliated channels"));
  EXPECT_EQ(snapshot(), before);
  rules_.affiliated_channels_allowed = true;
  EXPECT_TRUE(propose(affiliated_proposal(), deputy_).ok());  // a school with only a PTA page
}

TEST_P(AccountRegisterTest, TheHeadteacherAuthorisesPostingAndAdministeringSeparately) {
  int64_t id = open_account();
  clock_.advance(60);
  auto post = authorise(id, lead_, AuthorisationKind::kPost);
  ASSERT_TRUE(post.ok()) << post.error().message;
  EXPECT_EQ(last_action(), "account.authorise");
  ASSERT_TRUE(authorise(id, lead_, AuthorisationKind::kAdmin).ok());
  ASSERT_TRUE(authorise(id, ict_, AuthorisationKind::kAdmin).ok());     // admin without posting
  ASSERT_TRUE(authorise(id, central_, AuthorisationKind::kPost).ok());  // the trust's own staff

  auto e = entry(id);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->live_admins, 2);
  EXPECT_TRUE(e->problems.empty()) << codes(*e)[0];
  ASSERT_EQ(e->authorisations.size(), 4u);
  EXPECT_EQ(e->authorisations[0].person_name, "Lucy Lead");
  EXPECT_EQ(e->authorisations[0].kind, AuthorisationKind::kPost);
  EXPECT_EQ(e->authorisations[0].granted_by, head_);
  EXPECT_EQ(e->authorisations[0].granted_at, clock_.now());

  // What a teacher sees: only accounts they may post to or administer.
  EXPECT_TRUE(reg(teacher_).empty());
  EXPECT_EQ(reg(ict_).size(), 1u);
  auto teach = authorise(id, teacher_, AuthorisationKind::kPost);
  ASSERT_TRUE(teach.ok());
  EXPECT_EQ(reg(teacher_).size(), 1u);

  // Revoked: dated, with the reason, kept.
  clock_.advance(86400);
  Grants g = grants(head_);
  std::string before = snapshot();
  auto no_reason = write([&](Connection& c) {
    return revoke_authorisation(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_, *teach,
                                " ");
  });
  ASSERT_FALSE(no_reason.ok());
  EXPECT_TRUE(has(no_reason.error().message, "Say why"));
  EXPECT_EQ(snapshot(), before);
  ASSERT_TRUE(write([&](Connection& c) {
                return revoke_authorisation(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_,
                                            *teach, "Moved to Year 6; no longer posts.");
              }).ok());
  EXPECT_EQ(last_action(), "account.revoke");
  EXPECT_TRUE(reg(teacher_).empty());
  e = entry(id);
  const AccountAuthorisation& revoked = e->authorisations.back();
  EXPECT_EQ(revoked.person_id, teacher_);
  EXPECT_FALSE(revoked.live());
  EXPECT_EQ(revoked.revoked_by, head_);
  EXPECT_EQ(revoked.revoked_at, clock_.now());
  EXPECT_EQ(revoked.revoke_reason, "Moved to Year 6; no longer posts.");
  auto twice = write([&](Connection& c) {
    return revoke_authorisation(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_, *teach,
                                "again");
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(twice.error().message, "already revoked on 2026-09-02 by Helen Head"));

  // Granting again after revoking is a new, dated authorisation.
  EXPECT_TRUE(authorise(id, teacher_, AuthorisationKind::kPost).ok());
}

TEST_P(AccountRegisterTest, AuthorisingSomeoneWhoIsNotStaffOfTheSchoolIsRefused) {
  int64_t id = open_account();
  std::string before = snapshot();
  struct Case {
    int64_t person;
    std::string says;
  };
  for (const Case& c :
       {Case{governor_, "Gail Governor is a governor, not a member of staff"},
        Case{volunteer_, "Vic Volunteer is a volunteer"}, Case{pupil_, "Pip Pupil is a pupil"},
        Case{pta_chair_, "Pat Parent is a parent or carer"},
        Case{left_, "Lee Leaver's record is marked as no longer active"}}) {
    auto r = authorise(id, c.person, AuthorisationKind::kPost);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_TRUE(has(r.error().message, c.says)) << r.error().message;
  }
  auto elsewhere = authorise(id, beta_teacher_, AuthorisationKind::kPost);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(has(elsewhere.error().message, "at Alpha Primary; choose a member of its staff"));
  EXPECT_FALSE(has(elsewhere.error().message, "Ben"));
  EXPECT_EQ(snapshot(), before);
}

TEST_P(AccountRegisterTest, OnlyTheProfilesAuthorisersGrantOrRevoke) {
  int64_t id = open_account();
  auto granted = authorise(id, lead_, AuthorisationKind::kPost);
  ASSERT_TRUE(granted.ok());
  std::string before = snapshot();
  for (int64_t who : {lead_, deputy_, beta_head_}) {
    auto r = authorise(id, teacher_, AuthorisationKind::kPost, who);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_TRUE(has(r.error().message, "Only the Headteacher can authorise people"));
  }
  Grants g = grants(lead_);
  auto revoke = write([&](Connection& c) {
    return revoke_authorisation(SchoolScope{c, clock_, actor(lead_), alpha_}, g, rules_, *granted,
                                "x");
  });
  ASSERT_FALSE(revoke.ok());
  EXPECT_EQ(revoke.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(snapshot(), before);

  rules_.authorisers = {Role::kHeadteacher, Role::kDeputyHeadteacher};
  EXPECT_TRUE(authorise(id, teacher_, AuthorisationKind::kPost, deputy_).ok());
}

TEST_P(AccountRegisterTest, AdminsAreLimitedToThoseTheProfileAllows) {
  rules_.max_admins = 2;
  int64_t id = open_account();
  ASSERT_TRUE(authorise(id, lead_, AuthorisationKind::kAdmin).ok());
  ASSERT_TRUE(authorise(id, ict_, AuthorisationKind::kAdmin).ok());
  std::string before = snapshot();
  auto third = authorise(id, head_, AuthorisationKind::kAdmin);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(third.error().message,
                  "already has 2 administrators, the most your school's policy allows"));
  auto duplicate = authorise(id, lead_, AuthorisationKind::kAdmin);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(duplicate.error().message, "Lucy Lead is already authorised to administer"));
  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(authorise(id, head_, AuthorisationKind::kPost).ok());  // posting is not admin

  // A profile that lowers the limit later shows the account failing ACC-2.
  rules_.max_admins = 1;
  EXPECT_EQ(codes(*entry(id)), Codes{"too_many_admins"});
}

TEST_P(AccountRegisterTest, NobodyIsAuthorisedOnUnopenedAccountsOrAffiliatedChannels) {
  auto proposed = propose(proposal(), lead_);
  ASSERT_TRUE(proposed.ok());
  auto pta = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(pta.ok());
  ASSERT_TRUE(decide(*pta, pta_chair_, true).ok());
  std::string before = snapshot();
  auto r = authorise(*proposed, lead_, AuthorisationKind::kPost);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has(r.error().message, "it must be approved first"));
  auto a = authorise(*pta, lead_, AuthorisationKind::kAdmin);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kInvalid);
  EXPECT_TRUE(has(a.error().message, "the school holds no logins for it"));
  EXPECT_EQ(snapshot(), before);
}

TEST_P(AccountRegisterTest, AffiliatedChannelsAreApprovedByTheirOwnApprovers) {
  std::string before = snapshot();
  AccountProposal bad = affiliated_proposal();
  bad.school_holds_master_access = true;
  bad.official_email = "office@alpha.example.org";
  bad.run_by.reset();
  auto r = propose(bad, deputy_);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(any_detail(r.error(), "register it as an official account instead"));
  EXPECT_TRUE(any_detail(r.error(), "leave the official email empty"));
  EXPECT_TRUE(any_detail(r.error(), "Enter the name of who runs it"));
  EXPECT_EQ(snapshot(), before);

  auto id = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto e = entry(*id);
  EXPECT_TRUE(e->account.affiliated);
  EXPECT_EQ(e->account.run_by, "Friends of Alpha (PTA)");
  EXPECT_EQ(e->account.status, AccountStatus::kProposed);
  EXPECT_FALSE(e->account.master_admin_role);

  // SJP 5: the PTA chair approves, not the headteacher.
  auto head = decide(*id, head_, true);
  ASSERT_FALSE(head.ok());
  EXPECT_TRUE(
      has(head.error().message, "Only the PTA chair can approve or reject an affiliated channel"));
  ASSERT_TRUE(decide(*id, pta_chair_, true).ok());
  e = entry(*id);
  EXPECT_EQ(e->account.status, AccountStatus::kOpen);
  EXPECT_TRUE(e->problems.empty());

  // A profile naming no affiliated approvers records a channel open at once.
  rules_.affiliated_approvers.clear();
  AccountProposal other = affiliated_proposal();
  other.account_name = "Alpha Parents' Group";
  auto at_once = propose(other, deputy_);
  ASSERT_TRUE(at_once.ok());
  EXPECT_EQ(entry(*at_once)->account.status, AccountStatus::kOpen);
  EXPECT_EQ(optional_iso(entry(*at_once)->account.date_opened), "2026-09-01");
}

TEST_P(AccountRegisterTest, ClosingKeepsTheAccountInTheRegisterWithItsDate) {
  int64_t id = open_account();
  ASSERT_TRUE(authorise(id, lead_, AuthorisationKind::kPost).ok());
  ASSERT_TRUE(authorise(id, lead_, AuthorisationKind::kAdmin).ok());
  SecretKey key = SecretKey::random();
  ASSERT_TRUE(
      write([&](Connection& c) {
        return set_credential(SchoolScope{c, clock_, actor(lead_), alpha_}, key, id, "pw-1234");
      }).ok());

  Grants lead = grants(lead_);
  std::string before = snapshot();
  auto refused = write([&](Connection& c) {
    return close_account(SchoolScope{c, clock_, actor(lead_), alpha_}, lead, rules_, id, "");
  });
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(snapshot(), before);

  clock_.advance(10 * 86400);
  Grants head = grants(head_);
  ASSERT_TRUE(write([&](Connection& c) {
                return close_account(SchoolScope{c, clock_, actor(head_), alpha_}, head, rules_, id,
                                     "Deleted on Facebook.");
              }).ok());
  EXPECT_EQ(last_action(), "account.close");
  auto e = entry(id);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->account.status, AccountStatus::kClosed);
  EXPECT_EQ(optional_iso(e->account.date_opened), "2026-09-01");
  EXPECT_EQ(optional_iso(e->account.date_closed), "2026-09-11");
  EXPECT_EQ(e->account.closed_by, head_);
  EXPECT_EQ(e->account.close_reason, "Deleted on Facebook.");
  EXPECT_FALSE(e->has_credential);
  EXPECT_EQ(e->live_admins, 0);
  for (const auto& u : e->authorisations) {
    EXPECT_FALSE(u.live());
    EXPECT_EQ(u.revoke_reason, "Account closed");
  }
  EXPECT_TRUE(e->problems.empty());
  auto all = reg();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].account.status, AccountStatus::kClosed);

  auto again = write([&](Connection& c) {
    return close_account(SchoolScope{c, clock_, actor(head_), alpha_}, head, rules_, id, "");
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(has(again.error().message, "Closed on 2026-09-11"));
  auto change = write([&](Connection& c) {
    return update_account(SchoolScope{c, clock_, actor(head_), alpha_}, id,
                          AccountChanges{{}, {}, true, {}, {}, {}});
  });
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().code, ErrorCode::kConflict);
}

TEST_P(AccountRegisterTest, FlagsAreUpdatedAndTheRegisterShowsWhatFails) {
  AccountProposal p = proposal();
  p.school_holds_master_access = false;
  p.school_has_editorial_oversight = false;
  p.listed_in_privacy_notice = false;
  int64_t id = open_account(p);
  ASSERT_TRUE(authorise(id, ict_, AuthorisationKind::kAdmin).ok());
  auto listed = reg();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(codes(listed[0]),
            (Codes{"master_access", "editorial_oversight", "not_in_privacy_notice"}));
  EXPECT_TRUE(has(listed[0].problems[0].why, "master privileges and access"));

  AccountChanges change;
  change.listed_in_privacy_notice = true;
  change.school_holds_master_access = true;
  change.official_email = "media@alpha.example.org";
  ASSERT_TRUE(write([&](Connection& c) {
                return update_account(SchoolScope{c, clock_, actor(head_), alpha_}, id, change);
              }).ok());
  EXPECT_EQ(last_action(), "account.update");
  auto e = entry(id);
  EXPECT_EQ(codes(*e), Codes{"editorial_oversight"});
  EXPECT_EQ(e->account.official_email, "media@alpha.example.org");

  // Nothing changed: nothing written.
  std::string before = snapshot();
  ASSERT_TRUE(write([&](Connection& c) {
                return update_account(SchoolScope{c, clock_, actor(head_), alpha_}, id, change);
              }).ok());
  EXPECT_EQ(snapshot(), before);
  AccountChanges personal;
  personal.official_email = "me@hotmail.co.uk";
  personal.listed_in_privacy_notice = false;
  auto r = write([&](Connection& c) {
    return update_account(SchoolScope{c, clock_, actor(head_), alpha_}, id, personal);
  });
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has(r.error().message, "personal email address"));
  EXPECT_EQ(snapshot(), before);
}

TEST_P(AccountRegisterTest, RegisterIsPerSchoolAndOrdered) {
  int64_t fb = open_account(proposal("facebook", "Zeta"));
  auto waiting = propose(proposal("youtube", "Alpha"), lead_);
  ASSERT_TRUE(waiting.ok());
  int64_t insta = open_account(proposal("instagram", "alpha"));
  auto beta_acc = propose(proposal("facebook", "Beta Academy"), beta_head_, beta_);
  ASSERT_TRUE(beta_acc.ok());

  auto all = reg();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].account.id, fb);  // open: Facebook before Instagram
  EXPECT_EQ(all[1].account.id, insta);
  EXPECT_EQ(all[2].account.id, *waiting);  // then waiting for approval
  EXPECT_EQ(reg(std::nullopt, beta_).size(), 1u);

  // ORG-1: another school's account answers as one that does not exist.
  auto other = entry(*beta_acc);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  auto missing = entry(*beta_acc + 1000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(other.error().message.substr(0, 27), missing.error().message.substr(0, 27));
  std::string before = snapshot();
  auto r = authorise(*beta_acc, teacher_, AuthorisationKind::kPost);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(snapshot(), before);
}

INLOCO_INSTANTIATE_BACKENDS(AccountRegisterTest);

}  // namespace
}  // namespace inloco

// Test fixture shared by the accounts tests (included by *_test.cc only):
// a trust with two schools and a school of another trust, the people an
// account register involves at the first school, and helpers to act as them
// and to check that a refused operation changed nothing.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "accounts/account_register.h"
#include "auth/grants_store.h"
#include "auth/permissions.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "profile/policy_profile.h"
#include "test_support/databases.h"

namespace inloco::test {

class AccountFixture : public BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    auto ok = db().transaction([&](Connection& c) -> Status {
      const Actor sys = Actor::system();
      trust_ = TRY(create_trust(c, clock_, sys, "Example Trust"));
      alpha_ = TRY(create_school(c, clock_, sys,
                                 School{0, trust_, "alpha", "Alpha Primary", {}, "primary"}));
      beta_ = TRY(create_school(c, clock_, sys,
                                School{0, trust_, "beta", "Beta Academy", {}, "secondary"}));
      int64_t other_trust = TRY(create_trust(c, clock_, sys, "Other Trust"));
      gamma_ = TRY(create_school(c, clock_, sys,
                                 School{0, other_trust, "gamma", "Gamma School", {}, "primary"}));

      head_ = TRY(person(c, PersonKind::kStaff, "Helen", "Head", alpha_, Role::kHeadteacher));
      deputy_ =
          TRY(person(c, PersonKind::kStaff, "Dev", "Deputy", alpha_, Role::kDeputyHeadteacher));
      lead_ = TRY(person(c, PersonKind::kStaff, "Lucy", "Lead", alpha_, Role::kSocialMediaLead));
      ict_ = TRY(person(c, PersonKind::kStaff, "Ian", "Tech", alpha_, Role::kIctTechnician));
      teacher_ = TRY(person(c, PersonKind::kStaff, "Tom", "Teacher", alpha_, Role::kStaff));
      teacher2_ = TRY(person(c, PersonKind::kStaff, "Tara", "Second", alpha_, Role::kStaff));
      governor_ =
          TRY(person(c, PersonKind::kGovernor, "Gail", "Governor", alpha_, Role::kGovernor));
      volunteer_ =
          TRY(person(c, PersonKind::kVolunteer, "Vic", "Volunteer", alpha_, Role::kVolunteer));
      pta_chair_ = TRY(person(c, PersonKind::kParent, "Pat", "Parent", alpha_, Role::kPtaChair));
      pupil_ = TRY(person(c, PersonKind::kPupil, "Pip", "Pupil", alpha_, std::nullopt));
      left_ = TRY(person(c, PersonKind::kStaff, "Lee", "Leaver", alpha_, Role::kStaff));
      TRY(c.execute("UPDATE people SET active = 0 WHERE id = ?", {left_}));
      central_ = TRY(person(c, PersonKind::kStaff, "Cara", "Central", std::nullopt, std::nullopt));
      beta_head_ =
          TRY(person(c, PersonKind::kStaff, "Bea", "Beta-Head", beta_, Role::kHeadteacher));
      beta_teacher_ = TRY(person(c, PersonKind::kStaff, "Ben", "Beta", beta_, Role::kStaff));
      // An executive head: headteacher across the whole trust.
      exec_head_ = TRY(person(c, PersonKind::kStaff, "Eve", "Exec", std::nullopt, std::nullopt));
      TRY(assign_role(c, clock_, sys, exec_head_, Role::kHeadteacher, std::nullopt));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }

  Result<int64_t> person(Connection& c, PersonKind kind, std::string given, std::string family,
                         std::optional<int64_t> school, std::optional<Role> role) {
    Person p;
    p.kind = kind;
    p.school_id = school;
    p.trust_id = trust_;
    p.given_name = std::move(given);
    p.family_name = std::move(family);
    if (kind == PersonKind::kPupil) {
      p.date_of_birth = "2016-05-17";
      p.year_group = "Year 5";
    }
    int64_t id = TRY(create_person(c, clock_, Actor::system(), p));
    if (role) TRY(assign_role(c, clock_, Actor::system(), id, *role, school));
    return id;
  }

  Actor actor(int64_t person_id) {
    return Actor{person_id, "person " + std::to_string(person_id), "test"};
  }

  Grants grants(int64_t person_id) {
    auto g = db().read([&](Connection& c) { return load_grants(c, person_id); });
    EXPECT_TRUE(g.ok());
    return g.ok() ? *g : Grants{};
  }

  template <typename F>
  auto write(F&& fn) {
    return db().transaction(std::forward<F>(fn));
  }
  template <typename F>
  auto read(F&& fn) {
    return db().read(std::forward<F>(fn));
  }

  int64_t scalar(const std::string& sql, const SqlParams& p = {}) {
    auto r = read([&](Connection& c) { return c.query(sql, p); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }

  // Rows of every accounts table and of the audit log, to show a refusal
  // changed nothing.
  std::string snapshot() {
    std::string out;
    for (const char* t : {"official_accounts", "account_authorisations", "account_credentials",
                          "account_reviews", "audit_log"})
      out += std::string(t) + "=" +
             std::to_string(scalar(std::string("SELECT COUNT(*) FROM ") + t)) + " ";
    out += "updated=" +
           std::to_string(scalar("SELECT COALESCE(SUM(updated_at), 0) FROM official_accounts"));
    out += " revoked=" +
           std::to_string(
               scalar("SELECT COUNT(*) FROM account_authorisations WHERE revoked_at IS NOT NULL"));
    out += " open=" +
           std::to_string(scalar("SELECT COUNT(*) FROM official_accounts WHERE status = 'open'"));
    return out;
  }

  static AccountProposal proposal(std::string platform = "facebook",
                                  std::string name = "Alpha Primary School") {
    AccountProposal p;
    p.platform = std::move(platform);
    p.account_name = std::move(name);
    p.purpose = "News and reminders for families.";
    p.master_admin_role = Role::kHeadteacher;
    p.official_email = "office@alpha.example.org";
    p.school_holds_master_access = true;
    p.school_has_editorial_oversight = true;
    p.listed_in_privacy_notice = true;
    p.assessment.investment_achieves = "Yes: parents read it daily.";
    p.assessment.interaction = InteractionLevel::kModeratedComments;
    p.assessment.staff_contribute = true;
    p.assessment.staff_minutes_per_week = 90;
    p.assessment.success_measures = "Fewer calls to the office.";
    return p;
  }

  static AccountProposal affiliated_proposal() {
    AccountProposal p;
    p.platform = "facebook";
    p.account_name = "Friends of Alpha PTA";
    p.purpose = "PTA events.";
    p.affiliated = true;
    p.run_by = "Friends of Alpha (PTA)";
    p.listed_in_privacy_notice = true;
    p.assessment.investment_achieves = "Yes.";
    p.assessment.parents_contribute = true;
    p.assessment.staff_contribute = false;
    p.assessment.success_measures = "Money raised.";
    return p;
  }

  Result<int64_t> propose(const AccountProposal& p, int64_t by, int64_t school = 0) {
    return write([&](Connection& c) {
      return propose_account(SchoolScope{c, clock_, actor(by), school ? school : alpha_}, rules_,
                             p);
    });
  }

  Status decide(int64_t account, int64_t by, bool approve, std::string note = "") {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return decide_assessment(SchoolScope{c, clock_, actor(by), alpha_}, g, rules_, account,
                               approve, note);
    });
  }

  Result<int64_t> authorise(int64_t account, int64_t person, AuthorisationKind kind,
                            int64_t by = 0) {
    int64_t who = by ? by : head_;
    Grants g = grants(who);
    return write([&](Connection& c) {
      return grant_authorisation(SchoolScope{c, clock_, actor(who), alpha_}, g, rules_, account,
                                 person, kind);
    });
  }

  // Proposed by the social media lead and approved by the headteacher.
  int64_t open_account(const AccountProposal& p) {
    auto id = propose(p, lead_);
    EXPECT_TRUE(id.ok()) << id.error().message;
    if (!id.ok()) return 0;
    auto d = decide(*id, head_, true);
    EXPECT_TRUE(d.ok()) << d.error().message;
    return *id;
  }

  int64_t open_account() { return open_account(proposal()); }

  FakeClock clock_{1788220800};  // 2026-09-01
  AccountRules rules_;
  int64_t trust_ = 0, alpha_ = 0, beta_ = 0, gamma_ = 0;
  int64_t head_ = 0, deputy_ = 0, lead_ = 0, ict_ = 0, teacher_ = 0, teacher2_ = 0;
  int64_t governor_ = 0, volunteer_ = 0, pta_chair_ = 0, pupil_ = 0, left_ = 0, central_ = 0;
  int64_t beta_head_ = 0, beta_teacher_ = 0, exec_head_ = 0;
};

}  // namespace inloco::test

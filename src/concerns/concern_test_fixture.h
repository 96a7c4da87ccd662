// Test fixture shared by the concerns tests (included by *_test.cc only): the
// accounts fixture's trust and schools (with its trust-wide executive head),
// plus at Alpha a DSL, a deputy DSL, a DPO, a chair of governors, pupils, a
// parent who volunteers (a reporter who is also a parent), and a trustee;
// helpers to report a concern and act on it as a given person.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "accounts/account_test_fixture.h"
#include "concerns/case_access.h"
#include "concerns/concern_actions.h"
#include "concerns/concern_evidence.h"
#include "concerns/concern_reports.h"
#include "concerns/pupil_chronology.h"
#include "core/crypto.h"
#include "people/people_store.h"

namespace inloco::test {

class ConcernFixture : public AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    if (HasFatalFailure()) return;
    auto ok = write([&](Connection& c) -> Status {
      const Actor sys = Actor::system();
      dsl_ = TRY(person(c, PersonKind::kStaff, "Dina", "Dsl", alpha_, Role::kDsl));
      deputy_dsl_ =
          TRY(person(c, PersonKind::kStaff, "Del", "Deputy-Dsl", alpha_, Role::kDeputyDsl));
      dpo_ = TRY(person(c, PersonKind::kStaff, "Dara", "Dpo", alpha_, Role::kDpo));
      chair_ =
          TRY(person(c, PersonKind::kGovernor, "Chris", "Chair", alpha_, Role::kChairOfGovernors));
      amy_ = TRY(person(c, PersonKind::kPupil, "Amy", "Able", alpha_, std::nullopt));
      bob_ = TRY(person(c, PersonKind::kPupil, "Bob", "Brown", alpha_, std::nullopt));
      pam_ = TRY(person(c, PersonKind::kParent, "Pam", "Able", alpha_, Role::kVolunteer));
      TRY(link_guardian(c, clock_, sys, pam_, amy_, "mother", true));
      trustee_ =
          TRY(person(c, PersonKind::kTrustee, "Tess", "Trustee", std::nullopt, std::nullopt));
      TRY(assign_role(c, clock_, sys, trustee_, Role::kTrustBoardMember, std::nullopt));
      beta_pupil_ = TRY(person(c, PersonKind::kPupil, "Bea", "Pupil", beta_, std::nullopt));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    evidence_dir_ =
        (std::filesystem::temp_directory_path() / ("inloco-evidence-" + random_token(8))).string();
  }

  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(evidence_dir_, ec);
    AccountFixture::TearDown();
  }

  // A concern about Amy (a pupil), cyberbullying, reported by the teacher.
  ConcernReport about_pupil(int64_t pupil = 0) {
    ConcernReport r;
    r.happened_at = clock_.now() - 3600;
    r.what_happened = "Unkind messages about Amy in the class group chat.";
    r.subject_kind = SubjectKind::kPupil;
    r.subject_person_id = pupil ? pupil : amy_;
    r.platform = "WhatsApp";
    r.risk_area = "conduct";
    r.risk_kind = "aggressive";
    r.type = "cyberbullying";
    return r;
  }

  ConcernReport about_staff(int64_t staff) {
    ConcernReport r = about_pupil();
    r.what_happened = "A member of staff messaged a pupil from a personal account.";
    r.subject_kind = SubjectKind::kStaff;
    r.subject_person_id = staff;
    r.risk_area = "contact";
    r.type = "staff_pupil_contact";
    return r;
  }

  Result<ReportedConcern> report(const ConcernReport& r, int64_t by, int64_t school = 0) {
    return write([&](Connection& c) {
      return report_concern(SchoolScope{c, clock_, actor(by), school ? school : alpha_},
                            rules_concerns_, r);
    });
  }

  int64_t reported(const ConcernReport& r, int64_t by) {
    auto rc = report(r, by);
    EXPECT_TRUE(rc.ok()) << rc.error().message;
    return rc.ok() ? rc->concern_id : 0;
  }

  bool may_view(int64_t person, int64_t concern) {
    auto r = read([&](Connection& c) { return may_view_case(c, person, concern); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() && *r;
  }

  Result<ConcernCase> open(int64_t person, int64_t concern, int64_t school = 0) {
    Grants g = grants(person);
    return write([&](Connection& c) {
      return open_case(SchoolScope{c, clock_, actor(person), school ? school : alpha_},
                       rules_concerns_, g, concern);
    });
  }

  Result<int64_t> act(int64_t person, int64_t concern, const ActionInput& in) {
    Grants g = grants(person);
    Actor a = actor(person);
    return write([&](Connection& c) {
      return add_action(SchoolScope{c, clock_, a, alpha_}, g, rules_concerns_, concern, in);
    });
  }

  Result<EvidenceItem> evidence(int64_t person, int64_t concern, const EvidenceInput& in) {
    return write([&](Connection& c) {
      return add_evidence(SchoolScope{c, clock_, actor(person), alpha_}, concern, vault(), in);
    });
  }

  int64_t audits(const std::string& action) {
    return scalar("SELECT COUNT(*) FROM audit_log WHERE action = ?", {action});
  }

  EvidenceVault vault() const { return EvidenceVault(evidence_dir_, key_); }

  ConcernRules rules_concerns_;
  SecretKey key_ = SecretKey::random();
  std::string evidence_dir_;
  int64_t dsl_ = 0, deputy_dsl_ = 0, dpo_ = 0, chair_ = 0, amy_ = 0, bob_ = 0, pam_ = 0;
  int64_t trustee_ = 0, beta_pupil_ = 0;
};

}  // namespace inloco::test

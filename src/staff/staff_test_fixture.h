// Test fixture shared by the staff conduct tests (included by *_test.cc only):
// the consent fixture's trust, schools, staff, pupils and parents, plus a DSL,
// the default [staff] rules, helpers to act as someone and a snapshot of every
// staff table and the audit log, to show a refusal wrote nothing.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "consent/consent_test_fixture.h"
#include "profile/policy_profile.h"

namespace inloco::test {

class StaffFixture : public ConsentFixture {
 protected:
  void SetUp() override {
    ConsentFixture::SetUp();
    if (HasFatalFailure()) return;
    auto ok = write([&](Connection& c) -> Status {
      dsl_ = TRY(person(c, PersonKind::kStaff, "Dina", "Safeguard", alpha_, Role::kDsl));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }

  std::string staff_snapshot() {
    std::string out;
    for (const char* t :
         {"staff_relationships", "staff_relationship_decisions", "staff_relationship_participants",
          "staff_contact_approvals", "staff_contact_approval_people", "staff_blog_authorisations",
          "staff_induction_ticks", "audit_log"})
      out += std::string(t) + "=" + std::to_string(count(t)) + " ";
    out += "revoked=" +
           std::to_string(scalar("SELECT COUNT(*) FROM staff_contact_approvals WHERE revoked_at "
                                 "IS NOT NULL") +
                          scalar("SELECT COUNT(*) FROM staff_blog_authorisations WHERE "
                                 "revoked_at IS NOT NULL"));
    return out;
  }

  // The audit entries of one action, newest first.
  std::vector<AuditEntry> audit_of(const std::string& action) {
    auto all = read([&](Connection& c) {
      AuditQuery q;
      q.limit = 1000;
      return list_audit(c, q);
    });
    EXPECT_TRUE(all.ok());
    std::vector<AuditEntry> out;
    if (all.ok())
      for (auto& e : *all)
        if (e.action == action) out.push_back(e);
    return out;
  }

  CalendarDate today() { return date_of(clock_.now()); }
  CalendarDate in_days(int n) { return date_from_days(days_since_epoch(today()) + n); }
  void advance_days(int n) { clock_.advance(int64_t{n} * 86400); }

  StaffRules staff_rules_;
  int64_t dsl_ = 0;
};

}  // namespace inloco::test

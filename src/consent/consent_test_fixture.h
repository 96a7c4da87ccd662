// Test fixture shared by the consent tests (included by *_test.cc only): the
// accounts fixture's trust, schools and staff, plus pupils and parents with
// and without parental responsibility, a pupil judged competent, a pupil of
// another school, and a fake of the posts capability's finder.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "accounts/account_test_fixture.h"
#include "consent/consent_register.h"
#include "consent/published_posts.h"
#include "people/people_store.h"

namespace inloco::test {

class ConsentFixture : public AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    if (HasFatalFailure()) return;
    auto ok = write([&](Connection& c) -> Status {
      amara_ =
          TRY(add(c, PersonKind::kPupil, "Amara", "Okafor", "P1", alpha_, "Kestrels", "Year 5"));
      chidi_ =
          TRY(add(c, PersonKind::kPupil, "Chidi", "Okafor", "P2", alpha_, "Kestrels", "Year 5"));
      ben_ = TRY(add(c, PersonKind::kPupil, "Ben", "Adams", "P3", alpha_, "Robins", "Year 4"));
      zoe_ = TRY(add(c, PersonKind::kPupil, "Zoe", "Wojcik", "P4", alpha_, "12A", "Year 12"));
      ngozi_ = TRY(add(c, PersonKind::kParent, "Ngozi", "Okafor", "C1", alpha_, "", ""));
      mark_ = TRY(add(c, PersonKind::kParent, "Mark", "Evans", "C2", alpha_, "", ""));
      dan_ = TRY(add(c, PersonKind::kParent, "Dan", "Adams", "C3", alpha_, "", ""));
      aga_ = TRY(add(c, PersonKind::kParent, "Aga", "Wojcik", "C4", alpha_, "", ""));
      beta_pupil_ = TRY(add(c, PersonKind::kPupil, "Bo", "Beta", "B1", beta_, "7B", "Year 7"));
      beta_parent_ = TRY(add(c, PersonKind::kParent, "Bea", "Beta", "B2", beta_, "", ""));
      const Actor sys = Actor::system();
      TRY(link_guardian(c, clock_, sys, ngozi_, amara_, "mother", true));
      TRY(link_guardian(c, clock_, sys, ngozi_, chidi_, "mother", true));
      TRY(link_guardian(c, clock_, sys, mark_, amara_, "step-father", false));
      TRY(link_guardian(c, clock_, sys, dan_, ben_, "father", true));
      TRY(link_guardian(c, clock_, sys, aga_, zoe_, "mother", true));
      TRY(link_guardian(c, clock_, sys, beta_parent_, beta_pupil_, "mother", true));
      TRY(set_competent_to_consent(SchoolScope{c, clock_, actor(head_), alpha_}, zoe_, true));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }

  Result<int64_t> add(Connection& c, PersonKind kind, std::string given, std::string family,
                      std::string external, int64_t school, std::string class_name,
                      std::string year_group) {
    Person p;
    p.kind = kind;
    p.school_id = school;
    p.trust_id = trust_;
    p.given_name = std::move(given);
    p.family_name = std::move(family);
    p.external_id = std::move(external);
    if (kind == PersonKind::kPupil) {
      p.class_name = std::move(class_name);
      p.year_group = std::move(year_group);
      p.date_of_birth = "2016-05-17";
    }
    return create_person(c, clock_, Actor::system(), p);
  }

  // A form for the current year (2026/27), dated 2026-09-01.
  ConsentEntry form(int64_t pupil, std::string use, ConsentState decision, int64_t by,
                    CalendarDate on = {2026, 9, 1}, std::string ref = "F-001") {
    ConsentEntry e;
    e.pupil_id = pupil;
    e.use = std::move(use);
    e.decision = decision;
    e.given_by_person_id = by;
    e.given_on = on;
    e.form_reference = std::move(ref);
    return e;
  }

  // The fake of the posts capability: fixed posts per pupil.
  PublishedPostsFinder finder() {
    return [this](Connection&, int64_t pupil,
                  std::string_view use) -> Result<std::vector<PublishedPostRef>> {
      ++finder_calls_;
      last_use_ = std::string(use);
      auto it = posts_.find(pupil);
      if (it == posts_.end()) return std::vector<PublishedPostRef>{};
      return it->second;
    };
  }

  Result<RecordOutcome> record(const ConsentEntry& e, int64_t school = 0) {
    return write([&](Connection& c) {
      return record_consent(SchoolScope{c, clock_, actor(head_), school ? school : alpha_},
                            consent_rules_, e, finder());
    });
  }
  Result<RecordOutcome> withdraw(const ConsentEntry& e) {
    return write([&](Connection& c) {
      return record_withdrawal(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_, e,
                               finder());
    });
  }
  ConsentStatus status(int64_t pupil, std::string_view use, CalendarDate on) {
    auto s = read([&](Connection& c) { return consent_for(c, pupil, use, on); });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return s.value_or(ConsentStatus{});
  }
  int64_t count(const std::string& table) { return scalar("SELECT COUNT(*) FROM " + table); }

  std::string consent_snapshot() {
    return "decisions=" + std::to_string(count("consent_decisions")) +
           " tasks=" + std::to_string(count("removal_tasks")) +
           " audit=" + std::to_string(count("audit_log"));
  }

  static std::string details(const Error& e) {
    std::string out;
    for (const auto& d : e.details) out += d + "\n";
    return out;
  }

  ConsentRules consent_rules_;
  std::map<int64_t, std::vector<PublishedPostRef>> posts_;
  int finder_calls_ = 0;
  std::string last_use_;
  int64_t amara_ = 0, chidi_ = 0, ben_ = 0, zoe_ = 0, ngozi_ = 0, mark_ = 0, dan_ = 0, aga_ = 0;
  int64_t beta_pupil_ = 0, beta_parent_ = 0;
};

}  // namespace inloco::test

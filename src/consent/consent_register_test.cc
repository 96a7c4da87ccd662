// REQ CON-1: a decision per pupil, academic year and use, stating who gave it.
// REQ CON-2: given by the pupil when judged competent, otherwise by someone with parental
// responsibility. REQ CON-3: partial consent (images, not videos). REQ CON-4: withdrawal or
// amendment takes effect from its date and never rewrites the past. REQ CON-7: consent expires with
// the academic year; the renewal list. REQ LAW-9: withdrawing takes the same inputs as granting.
// REQ IAM-3: views and changes of consent records are audited.
// REQ ORG-1: a pupil of another school is not found.
#include "consent/consent_register.h"

#include <gtest/gtest.h>

#include "consent/consent_test_fixture.h"

namespace inloco {
namespace {

using test::ConsentFixture;

class ConsentRegisterTest : public ConsentFixture {};

constexpr ConsentState kGranted = ConsentState::kGranted;
constexpr ConsentState kRefused = ConsentState::kRefused;
constexpr ConsentState kNone = ConsentState::kNone;
const std::string kImages(kImagesUse);
const std::string kVideos(kVideosUse);

TEST_P(ConsentRegisterTest, RecordsAGrantThatCountsFromItsDate) {  // REQ CON-1
  auto r = record(form(amara_, kImages, kGranted, ngozi_));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->recorded);
  EXPECT_EQ(r->kind, DecisionKind::kInitial);

  ConsentStatus s = status(amara_, kImages, {2026, 10, 1});
  EXPECT_EQ(s.state, kGranted);
  EXPECT_EQ(s.decision_id, r->decision_id);
  EXPECT_EQ(s.year.label(), "2026/27");
  EXPECT_EQ(status(amara_, kImages, {2026, 8, 31}).state, kNone);  // the year before
  EXPECT_EQ(status(amara_, kVideos, {2026, 10, 1}).state, kNone);

  auto history = write([&](Connection& c) {
    return consent_history(SchoolScope{c, clock_, actor(head_), alpha_}, amara_);
  });
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  const ConsentDecision& d = (*history)[0];
  EXPECT_EQ(d.given_by_name, "Ngozi Okafor");
  EXPECT_EQ(d.given_as, "parental_responsibility");
  EXPECT_EQ(d.given_on.iso(), "2026-09-01");
  EXPECT_EQ(d.effective_from.iso(), "2026-09-01");
  EXPECT_EQ(d.form_reference, "F-001");
  EXPECT_EQ(d.recorded_by, head_);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.record'"), 1);
}

TEST_P(ConsentRegisterTest, PartialConsentImagesButNotVideos) {  // REQ CON-3
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_)).ok());
  ASSERT_TRUE(record(form(amara_, kVideos, kRefused, ngozi_)).ok());
  EXPECT_EQ(status(amara_, kImages, {2026, 9, 2}).state, kGranted);
  EXPECT_EQ(status(amara_, kVideos, {2026, 9, 2}).state, kRefused);
}

TEST_P(ConsentRegisterTest, RefusesSomeoneWithoutParentalResponsibility) {  // REQ CON-2
  std::string before = consent_snapshot();
  auto r = record(form(amara_, kImages, kGranted, mark_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("Mark Evans does not have parental responsibility"),
            std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("can be given by Ngozi Okafor (mother)"), std::string::npos)
      << r.error().message;
  // Someone not linked at all: a member of staff, or another family's parent.
  for (int64_t who : {head_, dan_}) {
    auto s = record(form(amara_, kImages, kGranted, who));
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("not a parent or carer linked to Amara Okafor"),
              std::string::npos)
        << s.error().message;
  }
  EXPECT_EQ(consent_snapshot(), before);
}

TEST_P(ConsentRegisterTest, RefusesAPupilNotJudgedCompetent) {  // REQ CON-2
  auto r = record(form(amara_, kImages, kGranted, amara_));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Amara Okafor has not been judged competent to consent"),
            std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("Ngozi Okafor"), std::string::npos);
  EXPECT_EQ(count("consent_decisions"), 0);
}

TEST_P(ConsentRegisterTest, ACompetentPupilDecidesForThemselves) {  // REQ CON-2
  auto r = record(form(zoe_, kImages, kRefused, zoe_));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(status(zoe_, kImages, {2026, 9, 1}).state, kRefused);
  auto parent = record(form(zoe_, kVideos, kGranted, aga_));
  ASSERT_FALSE(parent.ok());
  EXPECT_NE(parent.error().message.find("judged competent to consent, so the decision is theirs"),
            std::string::npos)
      << parent.error().message;

  // A profile that does not let pupils decide: the parent decides instead.
  consent_rules_.given_by = {"parental_responsibility"};
  auto own = record(form(zoe_, kVideos, kGranted, zoe_));
  ASSERT_FALSE(own.ok());
  EXPECT_NE(own.error().message.find("does not let pupils consent"), std::string::npos);
  EXPECT_TRUE(record(form(zoe_, kVideos, kGranted, aga_)).ok());
}

TEST_P(ConsentRegisterTest, RefusesAnUnknownUseAndAcceptsTheProfilesOwn) {  // REQ CON-1
  auto r = record(form(amara_, "newspaper", kGranted, ngozi_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("'newspaper' is not a use"), std::string::npos);
  EXPECT_NE(r.error().message.find("images_school_accounts, videos_school_accounts"),
            std::string::npos)
      << r.error().message;

  consent_rules_.custom_uses["newspaper"] = "photographs in the local newspaper";
  ASSERT_TRUE(record(form(amara_, "newspaper", kGranted, ngozi_)).ok());
  EXPECT_EQ(consent_uses(consent_rules_),
            (std::vector<std::string>{kImages, kVideos, "newspaper"}));
}

TEST_P(ConsentRegisterTest, APupilOfAnotherSchoolIsNotFound) {  // REQ ORG-1
  auto r = record(form(beta_pupil_, kImages, kGranted, beta_parent_));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  // Nor is a consent giver of another school accepted for our pupil.
  auto s = record(form(amara_, kImages, kGranted, beta_parent_));
  ASSERT_FALSE(s.ok());
  auto h = write([&](Connection& c) {
    return consent_history(SchoolScope{c, clock_, actor(head_), alpha_}, beta_pupil_);
  });
  EXPECT_EQ(h.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(count("consent_decisions"), 0);
}

TEST_P(ConsentRegisterTest, RefusesMissingFormReferenceAndImpossibleDates) {
  auto no_ref = record(form(amara_, kImages, kGranted, ngozi_, {2026, 9, 1}, " "));
  ASSERT_FALSE(no_ref.ok());
  EXPECT_NE(no_ref.error().message.find("form reference is missing"), std::string::npos);

  auto future = record(form(amara_, kImages, kGranted, ngozi_, {2026, 9, 2}));
  ASSERT_FALSE(future.ok());
  EXPECT_NE(future.error().message.find("in the future"), std::string::npos);

  ConsentEntry early = form(amara_, kImages, kGranted, ngozi_);
  early.effective_from = CalendarDate{2026, 8, 31};
  early.year = AcademicYear{2026};
  auto outside = record(early);
  ASSERT_FALSE(outside.ok());
  EXPECT_NE(outside.error().message.find("not in 2026/27"), std::string::npos);

  ConsentEntry before_form = form(amara_, kImages, kGranted, ngozi_, {2026, 9, 1});
  before_form.year = AcademicYear{2025};
  before_form.effective_from = CalendarDate{2026, 8, 1};
  auto backdated = record(before_form);
  ASSERT_FALSE(backdated.ok());
  EXPECT_NE(backdated.error().message.find("after 2025/26 ended"), std::string::npos)
      << backdated.error().message;
  EXPECT_EQ(count("consent_decisions"), 0);
}

TEST_P(ConsentRegisterTest, AWithdrawalNeverRewritesEarlierRows) {  // REQ CON-4, LAW-9
  auto grant = record(form(amara_, kImages, kGranted, ngozi_));
  ASSERT_TRUE(grant.ok());
  clock_.set(1791331200);  // 2026-10-07
  // The same inputs as a grant.
  auto w = withdraw(form(amara_, kImages, kGranted, ngozi_, {2026, 10, 5}, "Letter 5 Oct"));
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->kind, DecisionKind::kWithdrawal);

  // Before its date consent stood; from its date it does not.
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 4}).state, kGranted);
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 4}).decision_id, grant->decision_id);
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 5}).state, kRefused);
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 5}).decision_id, w->decision_id);

  // The grant's row is as it was.
  auto rows = read([&](Connection& c) {
    return c.query(
        "SELECT id, decision, kind, effective_from, form_reference FROM "
        "consent_decisions ORDER BY id");
  });
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0][1].as_text(), "granted");
  EXPECT_EQ((*rows)[0][2].as_text(), "initial");
  EXPECT_EQ((*rows)[0][3].as_text(), "2026-09-01");
  EXPECT_EQ((*rows)[1][1].as_text(), "refused");
  EXPECT_EQ((*rows)[1][2].as_text(), "withdrawal");
  EXPECT_EQ((*rows)[1][4].as_text(), "Letter 5 Oct");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.withdraw'"), 1);

  // Consent given again later is an amendment; the withdrawal stays in the history.
  auto again = record(form(amara_, kImages, kGranted, ngozi_, {2026, 10, 7}, "F-2"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->kind, DecisionKind::kAmendment);
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 6}).state, kRefused);
  EXPECT_EQ(status(amara_, kImages, {2026, 10, 7}).state, kGranted);
  EXPECT_EQ(count("consent_decisions"), 3);
}

TEST_P(ConsentRegisterTest, NothingToWithdrawIsRefused) {  // REQ CON-4
  auto none = withdraw(form(amara_, kImages, kGranted, ngozi_));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kConflict);
  EXPECT_NE(none.error().message.find("no consent to withdraw"), std::string::npos);
  ASSERT_TRUE(record(form(amara_, kVideos, kRefused, ngozi_)).ok());
  auto refused = withdraw(form(amara_, kVideos, kGranted, ngozi_, {2026, 9, 1}, "F-9"));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("already refused"), std::string::npos);
}

TEST_P(ConsentRegisterTest, ANewDecisionCannotTakeEffectBeforeOneRecorded) {  // REQ CON-4
  clock_.set(1791331200);                                                     // 2026-10-07
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_, {2026, 10, 5})).ok());
  auto earlier = record(form(amara_, kImages, kRefused, ngozi_, {2026, 9, 20}, "F-0"));
  ASSERT_FALSE(earlier.ok());
  EXPECT_EQ(earlier.error().code, ErrorCode::kConflict);
  EXPECT_NE(earlier.error().message.find("effective from 2026-10-05 or later"), std::string::npos)
      << earlier.error().message;
  EXPECT_EQ(count("consent_decisions"), 1);
}

TEST_P(ConsentRegisterTest, RecordingTheSameFormTwiceChangesNothing) {
  auto first = record(form(amara_, kImages, kGranted, ngozi_));
  auto second = record(form(amara_, kImages, kGranted, ngozi_));
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->recorded);
  EXPECT_EQ(second->decision_id, first->decision_id);
  EXPECT_EQ(count("consent_decisions"), 1);
}

TEST_P(ConsentRegisterTest, LastYearsConsentDoesNotCountThisYear) {  // REQ CON-7
  clock_.set(1780272000);                                            // 2026-06-01, in 2025/26
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_, {2026, 6, 1})).ok());
  EXPECT_EQ(status(amara_, kImages, {2026, 8, 31}).state, kGranted);
  clock_.set(1788220800);  // 2026-09-01
  ConsentStatus now = status(amara_, kImages, {2026, 9, 1});
  EXPECT_EQ(now.state, kNone);
  EXPECT_FALSE(now.granted());
  EXPECT_FALSE(now.decision_id.has_value());

  auto missing = read([&](Connection& c) {
    return pupils_without_decision(c, consent_rules_, alpha_, AcademicYear{2026});
  });
  ASSERT_TRUE(missing.ok());
  bool listed = false;
  for (const RenewalRow& r : *missing) listed |= r.pupil_id == amara_;
  EXPECT_TRUE(listed);
}

TEST_P(ConsentRegisterTest, FormsForNextYearTakeEffectOnItsFirstDay) {  // REQ CON-7
  clock_.set(1783641600);                                               // 2026-07-10, in 2025/26
  ConsentEntry e = form(amara_, kImages, kGranted, ngozi_, {2026, 7, 10});
  e.year = AcademicYear{2026};
  ASSERT_TRUE(record(e).ok());
  EXPECT_EQ(status(amara_, kImages, {2026, 8, 31}).state, kNone);
  EXPECT_EQ(status(amara_, kImages, {2026, 9, 1}).state, kGranted);
  e.year = AcademicYear{2027};
  auto too_soon = record(e);
  ASSERT_FALSE(too_soon.ok());
  EXPECT_NE(too_soon.error().message.find("cannot be recorded yet"), std::string::npos);
}

TEST_P(ConsentRegisterTest, ViewingTheHistoryIsAudited) {  // REQ IAM-3
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_)).ok());
  auto h = write([&](Connection& c) {
    return consent_history(SchoolScope{c, clock_, actor(lead_), alpha_}, amara_);
  });
  ASSERT_TRUE(h.ok());
  auto entries = read([&](Connection& c) {
    return c.query(
        "SELECT actor_id, record_type, record_id FROM audit_log WHERE action = "
        "'consent.view'");
  });
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0][0].as_int(), lead_);
  EXPECT_EQ((*entries)[0][1].as_text(), "pupil");
  EXPECT_EQ((*entries)[0][2].as_text(), std::to_string(amara_));
}

TEST_P(ConsentRegisterTest, ClassGridShowsEachPupilAndUse) {  // REQ CON-1, CON-3
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_)).ok());
  ASSERT_TRUE(record(form(amara_, kVideos, kRefused, ngozi_)).ok());
  auto grid = write([&](Connection& c) {
    return class_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_,
                      PupilGroup{"Kestrels", std::nullopt}, AcademicYear{2026});
  });
  ASSERT_TRUE(grid.ok()) << grid.error().message;
  EXPECT_EQ(grid->uses, (std::vector<std::string>{kImages, kVideos}));
  ASSERT_EQ(grid->rows.size(), 2u);
  EXPECT_EQ(grid->rows[0].name, "Amara Okafor");
  EXPECT_EQ(grid->rows[0].cells[0].state, kGranted);
  EXPECT_EQ(grid->rows[0].cells[1].state, kRefused);
  EXPECT_EQ(grid->rows[1].name, "Chidi Okafor");
  EXPECT_EQ(grid->rows[1].cells[0].state, kNone);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.view' AND "
                   "record_type = 'consent_grid'"),
            1);

  auto by_year = write([&](Connection& c) {
    return class_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_,
                      PupilGroup{std::nullopt, "Y5"}, AcademicYear{2026});
  });
  ASSERT_TRUE(by_year.ok());
  EXPECT_EQ(by_year->rows.size(), 3u);  // Pip Pupil is in Year 5 too
  auto none = write([&](Connection& c) {
    return class_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_, PupilGroup{},
                      AcademicYear{2026});
  });
  EXPECT_FALSE(none.ok());
}

TEST_P(ConsentRegisterTest, RecordGridIsAllOrNothing) {  // REQ CON-1, CON-2
  std::vector<ConsentEntry> entries = {
      form(amara_, kImages, kGranted, ngozi_), form(amara_, kVideos, kRefused, ngozi_),
      form(chidi_, kImages, kGranted, mark_), form(chidi_, "radio", kGranted, ngozi_)};
  std::string before = consent_snapshot();
  auto bad = write([&](Connection& c) {
    return record_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_,
                       AcademicYear{2026}, entries, finder());
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);
  ASSERT_EQ(bad.error().details.size(), 2u) << details(bad.error());
  EXPECT_NE(bad.error().details[0].find("Chidi Okafor, images_school_accounts: The person"),
            std::string::npos)
      << details(bad.error());
  EXPECT_NE(bad.error().details[1].find("Chidi Okafor, radio: 'radio' is not a use"),
            std::string::npos)
      << details(bad.error());
  EXPECT_EQ(consent_snapshot(), before);

  entries[2].given_by_person_id = ngozi_;
  entries.pop_back();
  auto ok = write([&](Connection& c) {
    return record_grid(SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_,
                       AcademicYear{2026}, entries, finder());
  });
  ASSERT_TRUE(ok.ok()) << ok.error().message << details(ok.error());
  EXPECT_EQ(ok->recorded, 3);
  EXPECT_EQ(status(chidi_, kImages, {2026, 9, 1}).state, kGranted);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.record'"), 3);

  // The same pupil and use twice in one grid.
  auto twice = write([&](Connection& c) {
    return record_grid(
        SchoolScope{c, clock_, actor(head_), alpha_}, consent_rules_, AcademicYear{2026},
        {form(ben_, kImages, kGranted, dan_), form(ben_, kImages, kRefused, dan_)}, finder());
  });
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(details(twice.error()).find("appears twice"), std::string::npos);
}

TEST_P(ConsentRegisterTest, RenewalListPerClass) {  // REQ CON-7
  ASSERT_TRUE(record(form(amara_, kImages, kGranted, ngozi_)).ok());
  ASSERT_TRUE(record(form(amara_, kVideos, kRefused, ngozi_)).ok());
  ASSERT_TRUE(record(form(chidi_, kImages, kGranted, ngozi_)).ok());
  auto kestrels = read([&](Connection& c) {
    return pupils_without_decision(c, consent_rules_, alpha_, AcademicYear{2026},
                                   PupilGroup{"Kestrels", std::nullopt});
  });
  ASSERT_TRUE(kestrels.ok());
  ASSERT_EQ(kestrels->size(), 1u);  // a refusal is a decision
  EXPECT_EQ((*kestrels)[0].name, "Chidi Okafor");
  EXPECT_EQ((*kestrels)[0].missing_uses, std::vector<std::string>{kVideos});

  auto all = read([&](Connection& c) {
    return pupils_without_decision(c, consent_rules_, alpha_, AcademicYear{2026});
  });
  ASSERT_TRUE(all.ok());
  std::vector<std::string> names;
  for (const RenewalRow& r : *all) names.push_back(r.class_name + ":" + r.name);
  // Pip Pupil (from the accounts fixture) has no class.
  EXPECT_EQ(names, (std::vector<std::string>{":Pip Pupil", "12A:Zoe Wojcik",
                                             "Kestrels:Chidi Okafor", "Robins:Ben Adams"}));
}

INLOCO_INSTANTIATE_BACKENDS(ConsentRegisterTest);

}  // namespace
}  // namespace inloco

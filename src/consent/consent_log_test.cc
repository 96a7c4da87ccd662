// REQ CON-6: the consent log is listed, filtered and exported.
// REQ CON-7: the renewal list as CSV.
// REQ IAM-3: listing and exporting the log are audited.
#include "consent/consent_log.h"

#include <gtest/gtest.h>

#include "consent/consent_test_fixture.h"

namespace inloco {
namespace {

class ConsentLogTest : public test::ConsentFixture {
 protected:
  void SetUp() override {
    ConsentFixture::SetUp();
    if (HasFatalFailure()) return;
    const std::string images(kImagesUse), videos(kVideosUse);
    clock_.set(1780272000);  // 2026-06-01: last year
    ASSERT_TRUE(
        record(form(amara_, images, ConsentState::kGranted, ngozi_, {2026, 6, 1}, "Y25")).ok());
    clock_.set(1791331200);  // 2026-10-07
    ASSERT_TRUE(record(form(amara_, images, ConsentState::kGranted, ngozi_)).ok());
    ASSERT_TRUE(record(form(amara_, videos, ConsentState::kRefused, ngozi_)).ok());
    ASSERT_TRUE(record(form(chidi_, images, ConsentState::kGranted, ngozi_, {2026, 9, 1},
                            "=HYPERLINK(\"http://x\")"))
                    .ok());
    ASSERT_TRUE(record(form(ben_, images, ConsentState::kGranted, dan_)).ok());
    ASSERT_TRUE(
        withdraw(form(ben_, images, ConsentState::kRefused, dan_, {2026, 10, 2}, "L, 2 Oct")).ok());
  }

  ConsentLogPage list(ConsentLogQuery q) {
    q.school_id = alpha_;
    auto r = write([&](Connection& c) { return list_consent_log(c, clock_, actor(head_), q); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value_or(ConsentLogPage{});
  }

  static std::vector<std::string> summary(const ConsentLogPage& page) {
    std::vector<std::string> out;
    for (const ConsentDecision& d : page.decisions)
      out.push_back(d.year.label() + " " + d.pupil_name + " " + d.use.substr(0, 6) + " " +
                    std::string(consent_state_key(d.decision)) + " " +
                    std::string(decision_kind_key(d.kind)));
    return out;
  }
};

TEST_P(ConsentLogTest, ListsEveryDecisionNewestYearFirst) {  // REQ CON-6
  ConsentLogPage all = list({});
  EXPECT_EQ(all.total, 6);
  EXPECT_EQ(summary(all),
            (std::vector<std::string>{"2026/27 Ben Adams images granted initial",
                                      "2026/27 Ben Adams images refused withdrawal",
                                      "2026/27 Amara Okafor images granted initial",
                                      "2026/27 Amara Okafor videos refused initial",
                                      "2026/27 Chidi Okafor images granted initial",
                                      "2025/26 Amara Okafor images granted initial"}));
}

TEST_P(ConsentLogTest, Filters) {  // REQ CON-6
  ConsentLogQuery q;
  q.year = AcademicYear{2025};
  EXPECT_EQ(list(q).total, 1);

  q = {};
  q.use = std::string(kVideosUse);
  EXPECT_EQ(list(q).total, 1);

  q = {};
  q.class_name = "Robins";
  EXPECT_EQ(list(q).total, 2);

  q = {};
  q.decision = ConsentState::kRefused;
  EXPECT_EQ(list(q).total, 2);

  q = {};
  q.kind = DecisionKind::kWithdrawal;
  EXPECT_EQ(list(q).total, 1);

  q = {};
  q.pupil_id = amara_;
  EXPECT_EQ(list(q).total, 3);

  q = {};
  q.year = AcademicYear{2026};
  q.standing_only = true;
  q.decision = ConsentState::kGranted;
  EXPECT_EQ(summary(list(q)),
            (std::vector<std::string>{"2026/27 Amara Okafor images granted initial",
                                      "2026/27 Chidi Okafor images granted initial"}));

  q = {};
  q.limit = 2;
  q.offset = 4;
  ConsentLogPage page = list(q);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(page.decisions.size(), 2u);

  q = {};
  q.school_id = alpha_;
  q.limit = 0;
  auto bad = write([&](Connection& c) { return list_consent_log(c, clock_, actor(head_), q); });
  EXPECT_FALSE(bad.ok());

  // Another school sees none of these.
  q = {};
  q.school_id = beta_;
  auto other = write([&](Connection& c) { return list_consent_log(c, clock_, actor(head_), q); });
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->total, 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.view' AND "
                   "record_type = 'consent_log'"),
            9);
}

TEST_P(ConsentLogTest, ExportIsFormulaSafeCsvAndAudited) {  // REQ CON-6, IAM-3
  ConsentLogQuery q;
  q.school_id = alpha_;
  q.year = AcademicYear{2026};
  q.use = std::string(kImagesUse);
  auto csv = write(
      [&](Connection& c) { return consent_log_csv(c, clock_, actor(head_), consent_rules_, q); });
  ASSERT_TRUE(csv.ok()) << csv.error().message;
  EXPECT_EQ(csv->substr(0, csv->find("\r\n")),
            "academic_year,pupil,use,decision,kind,given_by,given_as,given_on,effective_from,"
            "form_reference,note,recorded_by,recorded_at");
  EXPECT_NE(csv->find("2026/27,Ben Adams,photographs on the school's social media accounts,"
                      "refused,withdrawal,Dan Adams,parental_responsibility,2026-10-02,"
                      "2026-10-02,\"L, 2 Oct\",,person "),
            std::string::npos)
      << *csv;
  EXPECT_NE(csv->find(",\"'=HYPERLINK(\"\"http://x\"\")\","), std::string::npos) << *csv;
  EXPECT_EQ(csv->find(",=HYPERLINK"), std::string::npos);
  size_t lines = 0;
  for (size_t p = csv->find("\r\n"); p != std::string::npos; p = csv->find("\r\n", p + 2)) ++lines;
  EXPECT_EQ(lines, 5u);  // header and four decisions
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.export'"), 1);
}

TEST_P(ConsentLogTest, RenewalsCsvListsWhatIsMissing) {  // REQ CON-7
  auto rows = read([&](Connection& c) {
    return pupils_without_decision(c, consent_rules_, alpha_, AcademicYear{2026},
                                   PupilGroup{"Kestrels", std::nullopt});
  });
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(renewals_csv(*rows, consent_rules_),
            "class,year_group,pupil,external_id,missing\r\n"
            "Kestrels,Year 5,Chidi Okafor,P2,videos on the school's social media accounts\r\n");
  EXPECT_EQ(consent_csv_cell("-1"), "'-1");
  EXPECT_EQ(consent_csv_cell("@x"), "'@x");
  EXPECT_EQ(consent_csv_cell("plain"), "plain");
}

INLOCO_INSTANTIATE_BACKENDS(ConsentLogTest);

}  // namespace
}  // namespace inloco

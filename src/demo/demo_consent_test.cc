// REQ CON-1..7: the demo trust's consent register has grants, refusals,
// partial consent, undecided pupils, competent pupils deciding for
// themselves, a withdrawal, and last year's decisions that no longer count.
#include "demo/demo_consent.h"

#include <gtest/gtest.h>

#include "consent/consent_register.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoConsentTest : public test::BackendTest {
 protected:
  int64_t scalar(const std::string& sql, const SqlParams& p = {}) {
    auto r = db().read([&](Connection& c) { return c.query(sql, p); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
  FakeClock clock_{1791331200};  // 2026-10-07, five weeks into 2026/27
};

TEST_P(DemoConsentTest, FillsTheRegisterForThisYearAndLast) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  auto s = create_demo_consent(db(), clock_, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  int64_t oakfield = demo->schools[0].id, riverside = demo->schools[1].id;

  for (int64_t school : {oakfield, riverside}) {
    const SqlParams p = {school};
    int64_t images = scalar(
        "SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND "
        "academic_year = 2026 AND use_key = 'images_school_accounts' AND "
        "decision = 'granted' AND kind = 'initial'",
        p);
    int64_t videos = scalar(
        "SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND "
        "academic_year = 2026 AND use_key = 'videos_school_accounts' AND "
        "decision = 'granted'",
        p);
    int64_t refused = scalar(
        "SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND "
        "academic_year = 2026 AND decision = 'refused' AND kind = 'initial'",
        p);
    int64_t last_year = scalar(
        "SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND "
        "academic_year = 2025",
        p);
    EXPECT_GT(images, 80) << school;
    EXPECT_GT(images, videos) << school;
    EXPECT_GT(videos, 40) << school;
    EXPECT_GT(refused, 5) << school;
    EXPECT_GT(last_year, 20) << school;

    auto missing = db().read([&](Connection& c) {
      return pupils_without_decision(c, ConsentRules{}, school, AcademicYear{2026});
    });
    ASSERT_TRUE(missing.ok());
    EXPECT_GT(missing->size(), 5u) << school;
  }
  // Sixth-formers judged competent decide for themselves, at Riverside only.
  EXPECT_GT(scalar("SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND given_as = "
                   "'competent_pupil' AND given_by = pupil_id",
                   {riverside}),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions WHERE school_id = ? AND given_as = "
                   "'competent_pupil'",
                   {oakfield}),
            0);
  // One withdrawal, at Oakfield, dated ten days ago.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions WHERE kind = 'withdrawal'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions WHERE kind = 'withdrawal' AND "
                   "school_id = ? AND effective_from = '2026-09-27'",
                   {oakfield}),
            1);

  // Last year's consent does not count: someone with only last year's decision has none now.
  auto rows = db().read([&](Connection& c) {
    return c.query(
        "SELECT d.pupil_id FROM consent_decisions d WHERE d.academic_year = 2025 AND "
        "NOT EXISTS (SELECT 1 FROM consent_decisions n WHERE n.pupil_id = d.pupil_id "
        "AND n.academic_year = 2026) ORDER BY d.pupil_id LIMIT 1");
  });
  ASSERT_TRUE(rows.ok() && !rows->empty());
  int64_t pupil = (*rows)[0][0].as_int();
  auto then = db().read([&](Connection& c) {
    return consent_for(c, pupil, "images_school_accounts", {2025, 10, 1});
  });
  auto now = db().read([&](Connection& c) {
    return consent_for(c, pupil, "images_school_accounts", {2026, 10, 7});
  });
  ASSERT_TRUE(then.ok() && now.ok());
  EXPECT_TRUE(then->granted());
  EXPECT_EQ(now->state, ConsentState::kNone);

  auto verified = verify_audit(db());
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->intact) << verified->reason;
}

// Every decision as text, in id order: equal for equal registers.
std::string register_text(Database& db) {
  auto rows = db.read([&](Connection& c) {
    return c.query(
        "SELECT pupil_id, academic_year, use_key, decision, kind, given_by, given_on, "
        "effective_from, form_reference FROM consent_decisions ORDER BY id");
  });
  EXPECT_TRUE(rows.ok());
  std::string out;
  if (!rows.ok()) return out;
  for (const Row& r : *rows) {
    for (size_t i = 0; i < r.size(); ++i) out += r[i].as_text() + "|";
    out += "\n";
  }
  return out;
}

TEST_P(DemoConsentTest, TheSameClockGivesTheSameRegisterEvenOnTheFirstDay) {
  FakeClock first_day{1788220800};  // 2026-09-01: the forms came back over the summer
  auto demo = create_demo_people(db(), first_day);
  ASSERT_TRUE(demo.ok());
  auto s = create_demo_consent(db(), first_day, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  auto other = test::fresh_database(GetParam());
  auto demo2 = create_demo_people(*other, first_day);
  ASSERT_TRUE(demo2.ok());
  ASSERT_TRUE(create_demo_consent(*other, first_day, *demo2).ok());
  std::string text = register_text(db());
  EXPECT_FALSE(text.empty());
  EXPECT_EQ(text, register_text(*other));
}

INLOCO_INSTANTIATE_BACKENDS(DemoConsentTest);

}  // namespace
}  // namespace inloco

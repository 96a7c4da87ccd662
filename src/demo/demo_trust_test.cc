// REQ ORG-1, ORG-2, ORG-3, ORG-5: the demo trust fills every role at each
// school with invented people, in families, reproducibly.
#include "demo/demo_trust.h"

#include <gtest/gtest.h>

#include <set>

#include "core/calendar_date.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "people/role.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoTrustTest : public test::BackendTest {
 protected:
  int64_t scalar(const std::string& sql, const SqlParams& p = {}) {
    auto r = db().read([&](Connection& c) { return c.query(sql, p); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
  FakeClock clock_{1788220800};  // 2026-09-01, the start of the academic year 2026/27
};

TEST_P(DemoTrustTest, CreatesTwoSchoolsWithEveryRoleFilled) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  ASSERT_EQ(demo->schools.size(), 2u);
  EXPECT_EQ(demo->schools[0].code, "oakfield");
  EXPECT_EQ(demo->schools[1].code, "riverside");

  for (const School& s : demo->schools) {
    for (Role role : all_roles()) {
      if (role == Role::kTrustBoardMember) continue;
      EXPECT_GE(scalar("SELECT COUNT(*) FROM role_assignments WHERE school_id = ? AND role = ?",
                       {s.id, std::string(role_key(role))}),
                1)
          << s.code << " " << role_key(role);
    }
    auto counts = db().read([&](Connection& c) { return count_people(c, s.id); });
    ASSERT_TRUE(counts.ok());
    for (const KindCount& k : *counts) {
      if (k.kind == PersonKind::kPupil) {
        EXPECT_GE(k.count, 120) << s.code;
        EXPECT_LE(k.count, 180) << s.code;
      }
      if (k.kind == PersonKind::kParent) {
        EXPECT_GE(k.count, 100) << s.code;
      }
      if (k.kind == PersonKind::kStaff) {
        EXPECT_GE(k.count, 20) << s.code;
      }
      if (k.kind == PersonKind::kGovernor || k.kind == PersonKind::kVolunteer ||
          k.kind == PersonKind::kContractor) {
        EXPECT_GE(k.count, 2) << s.code;
      }
    }
  }
  int64_t pupils = scalar("SELECT COUNT(*) FROM people WHERE kind = 'pupil'");
  EXPECT_GE(pupils, 280);
  EXPECT_LE(pupils, 320);
  // The trust board is held across the trust by trustees.
  EXPECT_GE(scalar("SELECT COUNT(*) FROM role_assignments ra JOIN people p ON p.id = ra.person_id "
                   "WHERE ra.role = 'trust_board_member' AND ra.school_id IS NULL AND "
                   "p.kind = 'trustee' AND p.school_id IS NULL"),
            1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM role_assignments WHERE role = 'trust_board_member' AND "
                   "school_id IS NOT NULL"),
            0);
  // Every pupil has one or two parents or carers; some without parental responsibility.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people p WHERE p.kind = 'pupil' AND NOT EXISTS "
                   "(SELECT 1 FROM guardianships g WHERE g.pupil_id = p.id)"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM (SELECT pupil_id FROM guardianships GROUP BY pupil_id "
                   "HAVING COUNT(*) > 2) x"),
            0);
  EXPECT_GE(scalar("SELECT COUNT(*) FROM guardianships WHERE parental_responsibility = 0"), 5);
  // Siblings share parents.
  EXPECT_GE(scalar("SELECT COUNT(*) FROM (SELECT parent_id FROM guardianships GROUP BY parent_id "
                   "HAVING COUNT(*) > 1) x"),
            10);
  // Guardianships never cross schools.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM guardianships g JOIN people a ON a.id = g.parent_id "
                   "JOIN people b ON b.id = g.pupil_id WHERE a.school_id <> b.school_id"),
            0);
  // Some sixth formers decide their own consent, decided by a named member of staff.
  EXPECT_GE(scalar("SELECT COUNT(*) FROM people WHERE competent_to_consent = 1 AND "
                   "competence_decided_by IS NOT NULL AND year_group IN ('Year 12', 'Year 13')"),
            3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people WHERE competent_to_consent = 1 AND "
                   "year_group NOT IN ('Year 12', 'Year 13')"),
            0);
  // One audit entry per school plus the trust's own, besides creating the trust and schools.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'demo.create'"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), 6);
}

TEST_P(DemoTrustTest, DatesOfBirthFitTheYearGroups) {
  ASSERT_TRUE(create_demo_people(db(), clock_).ok());
  auto rows = db().read([&](Connection& c) {
    return c.query("SELECT date_of_birth, year_group, class_name FROM people WHERE kind = 'pupil'");
  });
  ASSERT_TRUE(rows.ok());
  std::set<std::string> years;
  for (const Row& r : *rows) {
    auto year = year_group_number(r[1].as_text());
    ASSERT_TRUE(year) << r[1].as_text();
    auto dob = parse_date(r[0].as_text());
    ASSERT_TRUE(dob.ok());
    CalendarDate first{2021 - *year, 9, 1}, last{2022 - *year, 8, 31};
    EXPECT_GE(*dob, first) << r[0].as_text() << " " << r[1].as_text();
    EXPECT_LE(*dob, last) << r[0].as_text() << " " << r[1].as_text();
    EXPECT_FALSE(r[2].as_text().empty());
    years.insert(r[1].as_text());
  }
  EXPECT_EQ(years.size(), 14u);  // Reception to Year 13
}

TEST_P(DemoTrustTest, SignInsCoverEveryRoleAtEachSchool) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok());
  std::set<std::string> usernames;
  for (const DemoSignIn& s : demo->sign_ins) {
    EXPECT_TRUE(usernames.insert(s.username).second) << s.username;
    EXPECT_FALSE(s.role_label.empty());
    EXPECT_FALSE(s.school_name.empty());
    auto roles = db().read([&](Connection& c) { return roles_of(c, s.person_id); });
    ASSERT_TRUE(roles.ok());
    bool holds = false;
    for (const RoleHeld& r : *roles) holds |= role_label(r.role) == s.role_label;
    EXPECT_TRUE(holds) << s.username << " does not hold " << s.role_label;
  }
  EXPECT_EQ(demo->sign_ins.size(), 1 + 2 * (all_roles().size() - 1));
  for (const char* u : {"trustee", "head.oakfield", "dsl.oakfield", "governor.riverside",
                        "pta.riverside", "office.oakfield", "staff.riverside"})
    EXPECT_TRUE(usernames.count(u)) << u;
}

TEST_P(DemoTrustTest, IsDeterministicAndRefusesASecondRun) {
  auto names_of = [](Database& d) {
    auto r = d.read([](Connection& c) {
      return c.query(
          "SELECT given_name, family_name, kind, external_id, date_of_birth FROM people "
          "ORDER BY id");
    });
    std::vector<std::string> out;
    if (r.ok())
      for (const Row& row : *r)
        out.push_back(row[0].as_text() + " " + row[1].as_text() + " " + row[2].as_text() + " " +
                      row[3].as_text() + " " + row[4].as_text());
    return out;
  };
  ASSERT_TRUE(create_demo_people(db(), clock_).ok());
  auto other = test::fresh_database(GetParam());
  ASSERT_TRUE(create_demo_people(*other, clock_).ok());
  auto a = names_of(db());
  auto b = names_of(*other);
  ASSERT_GT(a.size(), 500u);
  EXPECT_EQ(a, b);
  std::set<std::string> distinct_family;
  for (const auto& n : a)
    distinct_family.insert(
        n.substr(n.find(' ') + 1, n.find(' ', n.find(' ') + 1) - n.find(' ') - 1));
  EXPECT_GE(distinct_family.size(), 60u);

  auto again = create_demo_people(db(), clock_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

INLOCO_INSTANTIATE_BACKENDS(DemoTrustTest);

}  // namespace
}  // namespace inloco

// REQ IAM-2, INC-3, CON-5, NET-3..NET-6: the dashboard counts what waits for
// each person at each of their schools, and shows each line only to those
// whose roles allow it; counted by the database, on both databases.
#include "reports/dashboard.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "filtering/filter_bans.h"
#include "filtering/site_reports.h"
#include "filtering/unblock_requests.h"
#include "profile/profile_store.h"

namespace inloco::reports {
namespace {

constexpr int64_t kDay = 86400;

class DashboardTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    Grants head = grants(head_), ict = grants(ict_);
    int64_t account = open_account();
    ASSERT_NE(account, 0);
    auto made = write([&](Connection& c) -> Status {
      alpha_school_ = TRY(get_school(c, alpha_));
      beta_school_ = TRY(get_school(c, beta_));
      days_ = TRY(profile_for_school(c, alpha_)).filter.monitoring_report_days;
      const Actor teacher = actor(teacher_);
      // NET-3: five requests at Alpha, two of them decided; one at Beta.
      std::vector<int64_t> asked;
      for (const char* site : {"a.example", "b.example", "c.example", "d.example", "e.example"})
        asked.push_back(TRY(filter::request_unblock(SchoolScope{c, clock_, teacher, alpha_},
                                                    filter_, {site, "For a lesson", "", 7})));
      TRY(filter::decide_unblock(SchoolScope{c, clock_, actor(head_), alpha_}, head, filter_,
                                 asked[0], true, "Approved"));
      TRY(filter::decide_unblock(SchoolScope{c, clock_, actor(head_), alpha_}, head, filter_,
                                 asked[1], false, "Refused"));
      TRY(filter::request_unblock(SchoolScope{c, clock_, actor(beta_teacher_), beta_}, filter_,
                                  {"f.example", "Lesson", "", 7}));
      // NET-4: three reports at Alpha, one blocked; one at Beta.
      std::vector<int64_t> reported;
      for (const char* site : {"g.example", "h.example", "i.example"})
        reported.push_back(TRY(filter::report_site(SchoolScope{c, clock_, teacher, alpha_}, filter_,
                                                   site, "Not for pupils")));
      TRY(filter::handle_site_report(SchoolScope{c, clock_, actor(ict_), alpha_}, ict, filter_,
                                     reported[0], true, "Blocked"));
      TRY(filter::report_site(SchoolScope{c, clock_, actor(beta_teacher_), beta_}, filter_,
                              "j.example", "Not for pupils"));
      // CON-5: three removal tasks after a withdrawal, one of them done.
      int64_t withdrawal = TRY(c.insert(
          "INSERT INTO consent_decisions (school_id, pupil_id, academic_year, use_key, decision, "
          "kind, given_by, "
          "given_as, given_on, effective_from, recorded_by_name, recorded_at) VALUES (?, ?, 2026, "
          "'images_school_accounts', 'refused', 'withdrawal', ?, 'competent_pupil', '2026-09-01', "
          "'2026-09-01', "
          "'test', ?) RETURNING id",
          {alpha_, pupil_, pupil_, clock_.now()}));
      for (int post = 1; post <= 3; ++post)
        TRY(
            c.execute("INSERT INTO removal_tasks (school_id, withdrawal_id, pupil_id, use_key, "
                      "post_id, account_id, "
                      "due_on, status, created_at) VALUES (?, ?, ?, 'images_school_accounts', ?, "
                      "?, '2026-09-03', "
                      "?, ?)",
                      {alpha_, withdrawal, pupil_, post, account, post == 3 ? "removed" : "open",
                       clock_.now()}));
      // NET-6: three attempts within the report's days (a ban follows) and one before them.
      for (int64_t ago : {int64_t{60}, int64_t{120}, int64_t{180}, (days_ + 1) * kDay})
        TRY(
            c.execute("INSERT INTO filter_circumvention_events (school_id, at, username, "
                      "person_id, source_address, "
                      "url, host, kind, category, blocked) VALUES (?, ?, 'pip', ?, '10.0.0.1', "
                      "'https://vpn.example/', 'vpn.example', 'category', 'vpn', 1)",
                      {alpha_, clock_.now() - ago, pupil_}));
      FilterRules banning = filter_;
      banning.circumvention = CircumventionSanction::kSupervisedUseOnly;
      auto ban = TRY(filter::ban_if_due(SchoolScope{c, clock_, Actor::command_line(), alpha_},
                                        banning, pupil_));
      if (!ban) return Error::internal("no ban followed");
      return {};
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
  }

  SchoolDashboard at(int64_t person, const School& school) {
    Grants g = grants(person);
    auto d = read([&](Connection& c) { return school_dashboard(c, clock_, g, person, school); });
    EXPECT_TRUE(d.ok()) << d.error().message;
    return d.ok() ? *d : SchoolDashboard{};
  }

  FilterRules filter_;
  School alpha_school_, beta_school_;
  int64_t days_ = 0;
};

TEST_P(DashboardTest, IctSeesWhatWaitsForThemCountedByTheDatabase) {
  SchoolDashboard d = at(ict_, alpha_school_);
  EXPECT_EQ(d.school.id, alpha_);
  ASSERT_TRUE(d.filtering.has_value());
  EXPECT_EQ(d.filtering->unblock_requests, 3) << "the decided ones and Beta's are not waiting";
  EXPECT_EQ(d.filtering->site_reports, 2);
  ASSERT_TRUE(d.monitoring.has_value()) << "ICT is among monitoring_reports_to";
  EXPECT_EQ(d.monitoring->bans_in_force, 1);
  EXPECT_EQ(d.monitoring->attempts, 3) << "the older attempt is outside the report's days";
  EXPECT_EQ(d.monitoring->days, days_);
  ASSERT_TRUE(d.removals.has_value()) << "removals.resolve";
  EXPECT_EQ(*d.removals, 2);
  EXPECT_FALSE(d.people.has_value()) << "ICT may not see people";
  EXPECT_TRUE(d.due.has_value());
  EXPECT_TRUE(d.concerns.has_value());
  ASSERT_EQ(d.roles.size(), 1u);
  EXPECT_EQ(d.roles[0].role, Role::kIctTechnician);
}

TEST_P(DashboardTest, TheHeadteacherSeesTheirLinesButNotTheMonitoringTheProfileSendsElsewhere) {
  SchoolDashboard d = at(head_, alpha_school_);
  ASSERT_TRUE(d.filtering.has_value());
  EXPECT_EQ(d.filtering->unblock_requests, 3);
  EXPECT_FALSE(d.monitoring.has_value()) << "not among the profile's monitoring_reports_to";
  ASSERT_TRUE(d.people.has_value());
  int64_t pupils = -1, parents = -1;
  for (const KindCount& k : *d.people) {
    if (k.kind == PersonKind::kPupil) pupils = k.count;
    if (k.kind == PersonKind::kParent) parents = k.count;
  }
  EXPECT_EQ(pupils, 1);
  EXPECT_EQ(parents, 1);
  ASSERT_TRUE(d.removals.has_value());
  EXPECT_EQ(*d.removals, 2);
  EXPECT_TRUE(d.due.has_value());
}

TEST_P(DashboardTest, ATeacherSeesOnlyTheirConcerns) {
  SchoolDashboard d = at(teacher_, alpha_school_);
  EXPECT_FALSE(d.filtering.has_value());
  EXPECT_FALSE(d.monitoring.has_value());
  EXPECT_FALSE(d.removals.has_value());
  EXPECT_FALSE(d.people.has_value());
  EXPECT_FALSE(d.due.has_value());
  ASSERT_TRUE(d.concerns.has_value());
  EXPECT_EQ(d.concerns->open, 0);
}

TEST_P(DashboardTest, EachSchoolCountsItsOwn) {
  SchoolDashboard d = at(beta_head_, beta_school_);
  ASSERT_TRUE(d.filtering.has_value());
  EXPECT_EQ(d.filtering->unblock_requests, 1);
  EXPECT_EQ(d.filtering->site_reports, 1);
  ASSERT_TRUE(d.removals.has_value());
  EXPECT_EQ(*d.removals, 0);
}

TEST_P(DashboardTest, ATrustWideRoleSeesEverySchoolOfTheTrust) {
  Grants exec = grants(exec_head_);
  auto all = read([&](Connection& c) { return dashboard_for(c, clock_, exec, exec_head_); });
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->schools.size(), 2u) << "Alpha and Beta, not the other trust's school";
  for (const SchoolDashboard& d : all->schools) {
    ASSERT_TRUE(d.school.id == alpha_ || d.school.id == beta_) << d.school.name;
    ASSERT_EQ(d.roles.size(), 1u);
    EXPECT_FALSE(d.roles[0].school_id.has_value()) << "held across the trust";
    ASSERT_TRUE(d.filtering.has_value());
    EXPECT_EQ(d.filtering->unblock_requests, d.school.id == alpha_ ? 3 : 1);
  }
  EXPECT_NE(all->schools[0].school.id, all->schools[1].school.id);

  Grants head = grants(head_);
  auto own = read([&](Connection& c) { return dashboard_for(c, clock_, head, head_); });
  ASSERT_TRUE(own.ok()) << own.error().message;
  ASSERT_EQ(own->schools.size(), 1u);
  EXPECT_FALSE(own->unread_notices.empty()) << "the headteacher is told of requests to unblock";
  EXPECT_LE(own->unread_notices.size(), 5u);
  for (const Notice& n : own->unread_notices) EXPECT_TRUE(n.unread());
}

INLOCO_INSTANTIATE_BACKENDS(DashboardTest);

}  // namespace
}  // namespace inloco::reports

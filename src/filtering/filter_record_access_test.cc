// REQ NET-3, NET-4, NET-5: a person sees their own unblock requests and
// reported sites; ICT and the school's leaders (filter.unblocks_view) see
// every one; nobody learns of another's by trying numbers; the monitoring
// reaches those the profile names. The same answers for the pages and the API.
#include "filtering/filter_record_access.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "filtering/filtering_overview.h"

namespace inloco::filter {
namespace {

constexpr const char* kNoRequest = "There is no such request to unblock a site among yours.";
constexpr const char* kNoReport = "There is no such report of a site among yours.";

class FilterRecordAccessTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    AccountFixture::SetUp();
    auto made = write([&](Connection& c) -> Status {
      alpha_school_ = TRY(get_school(c, alpha_));
      beta_school_ = TRY(get_school(c, beta_));
      request_ =
          TRY(request_unblock(SchoolScope{c, clock_, actor(teacher_), alpha_}, rules_,
                              {"https://www.science-museum.org.uk/", "Year 6 space topic", "", 7}));
      report_ = TRY(report_site(SchoolScope{c, clock_, actor(teacher_), alpha_}, rules_,
                                "scam.example", "A scam"));
      TRY(request_unblock(SchoolScope{c, clock_, actor(teacher2_), alpha_}, rules_,
                          {"scratch.mit.edu", "Coding club", "", 3}));
      return {};
    });
    ASSERT_TRUE(made.ok()) << made.error().message;
  }
  Result<UnblockRequest> request_as(int64_t person, std::optional<int64_t> id, const School& at) {
    Grants g = grants(person);
    return read([&](Connection& c) { return visible_unblock_request(c, {person, g, at}, id); });
  }
  Result<SiteReport> report_as(int64_t person, std::optional<int64_t> id, const School& at) {
    Grants g = grants(person);
    return read([&](Connection& c) { return visible_site_report(c, {person, g, at}, id); });
  }
  static void expect_none(const Error& e, const char* message) {
    EXPECT_EQ(e.code, ErrorCode::kNotFound);
    EXPECT_EQ(e.message, message);
  }

  FilterRules rules_;
  School alpha_school_, beta_school_;
  int64_t request_ = 0, report_ = 0;
};

TEST_P(FilterRecordAccessTest, ARequestIsSeenByWhoAskedAndThoseWhoSeeThemAll) {
  auto own = request_as(teacher_, request_, alpha_school_);
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(own->domain, "science-museum.org.uk");
  EXPECT_TRUE(request_as(ict_, request_, alpha_school_).ok());
  EXPECT_TRUE(request_as(head_, request_, alpha_school_).ok());
  EXPECT_TRUE(request_as(exec_head_, request_, alpha_school_).ok()) << "a trust-wide headteacher";
  // Another member of staff, another school's headteacher, a number that names none:
  // all answered alike.
  expect_none(request_as(teacher2_, request_, alpha_school_).error(), kNoRequest);
  expect_none(request_as(beta_head_, request_, alpha_school_).error(), kNoRequest);
  expect_none(request_as(beta_head_, request_, beta_school_).error(), kNoRequest);
  expect_none(request_as(ict_, request_ + 1000, alpha_school_).error(), kNoRequest);
  expect_none(request_as(ict_, std::nullopt, alpha_school_).error(), kNoRequest);
}

TEST_P(FilterRecordAccessTest, AReportIsSeenByWhoReportedAndThoseWhoSeeThemAll) {
  EXPECT_TRUE(report_as(teacher_, report_, alpha_school_).ok());
  EXPECT_TRUE(report_as(ict_, report_, alpha_school_).ok());
  EXPECT_TRUE(report_as(head_, report_, alpha_school_).ok());
  expect_none(report_as(teacher2_, report_, alpha_school_).error(), kNoReport);
  expect_none(report_as(beta_head_, report_, beta_school_).error(), kNoReport);
  expect_none(report_as(teacher_, report_ + 1000, alpha_school_).error(), kNoReport);
  expect_none(report_as(teacher_, std::nullopt, alpha_school_).error(), kNoReport);
}

TEST_P(FilterRecordAccessTest, WhoSeesAllOfTheSchoolsRequests) {
  Grants head = grants(head_), ict = grants(ict_), teacher = grants(teacher_),
         beta = grants(beta_head_);
  EXPECT_TRUE(sees_all_filter_requests({head_, head, alpha_school_}));
  EXPECT_TRUE(sees_all_filter_requests({ict_, ict, alpha_school_}));
  EXPECT_FALSE(sees_all_filter_requests({teacher_, teacher, alpha_school_}));
  EXPECT_FALSE(sees_all_filter_requests({beta_head_, beta, alpha_school_}));
  EXPECT_TRUE(sees_all_filter_requests({beta_head_, beta, beta_school_}));
}

TEST_P(FilterRecordAccessTest, TheOverviewListsOwnRecordsAndTheSchoolsForThoseWhoSeeThemAll) {
  Grants teacher = grants(teacher_), ict = grants(ict_);
  auto mine = read([&](Connection& c) {
    return filtering_overview(c, {teacher_, teacher, alpha_school_}, clock_.now(), 200);
  });
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  ASSERT_EQ(mine->own_requests.size(), 1u);
  EXPECT_EQ(mine->own_requests[0].id, request_);
  ASSERT_EQ(mine->own_reports.size(), 1u);
  EXPECT_FALSE(mine->school.has_value()) << "a teacher sees only their own";

  auto all = read([&](Connection& c) {
    return filtering_overview(c, {ict_, ict, alpha_school_}, clock_.now(), 200);
  });
  ASSERT_TRUE(all.ok()) << all.error().message;
  EXPECT_TRUE(all->own_requests.empty());
  ASSERT_TRUE(all->school.has_value());
  EXPECT_EQ(all->school->requests.size(), 2u);
  EXPECT_EQ(all->school->reports.size(), 1u);
  EXPECT_TRUE(all->school->exceptions.empty());
  auto cut = read([&](Connection& c) {
    return filtering_overview(c, {ict_, ict, alpha_school_}, clock_.now(), 1);
  });
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->school->requests.size(), 1u) << "at most the limit";
}

TEST_P(FilterRecordAccessTest, MonitoringReachesTheRolesTheProfileNames) {
  Grants ict = grants(ict_), head = grants(head_), teacher = grants(teacher_);
  FilterRules rules;  // monitoring_reports_to: ICT and the DSL
  EXPECT_TRUE(receives_monitoring_reports({ict_, ict, alpha_school_}, rules));
  EXPECT_FALSE(receives_monitoring_reports({head_, head, alpha_school_}, rules))
      << "may see monitoring, but the profile does not send it to the headteacher";
  EXPECT_FALSE(receives_monitoring_reports({teacher_, teacher, alpha_school_}, rules));
  rules.monitoring_reports_to.push_back(Role::kHeadteacher);
  EXPECT_TRUE(receives_monitoring_reports({head_, head, alpha_school_}, rules));
  rules.monitoring_reports_to = {Role::kStaff};
  EXPECT_FALSE(receives_monitoring_reports({teacher_, teacher, alpha_school_}, rules))
      << "named by the profile, but without filter.monitoring_view";
}

INLOCO_INSTANTIATE_BACKENDS(FilterRecordAccessTest);

}  // namespace
}  // namespace inloco::filter

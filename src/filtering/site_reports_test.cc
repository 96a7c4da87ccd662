// REQ NET-4: inappropriate content found is reported and, by the people the
// profile names, blocked; the blocked site joins the school's own block list.
#include "filtering/site_reports.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "notices/notice_store.h"

namespace inloco::filter {
namespace {

class SiteReportTest : public test::AccountFixture {
 protected:
  Result<int64_t> report(int64_t by, std::string address, std::string what) {
    return write([&](Connection& c) {
      return report_site(SchoolScope{c, clock_, actor(by), alpha_}, rules_, address, what);
    });
  }
  Status handle(int64_t by, int64_t id, bool block, std::string outcome) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return handle_site_report(SchoolScope{c, clock_, actor(by), alpha_}, g, rules_, id, block,
                                outcome);
    });
  }
  std::vector<std::string> blocked() {
    auto r = read([&](Connection& c) { return school_block_list(c, alpha_); });
    return r.ok() ? *r : std::vector<std::string>{};
  }
  FilterRules rules_;
};

TEST_P(SiteReportTest, ReportedThenBlockedByIct) {
  EXPECT_EQ(report(teacher_, "https://games.example/violent", "").error().code,
            ErrorCode::kInvalid);
  EXPECT_EQ(report(teacher_, "", "Violent game").error().code, ErrorCode::kInvalid);
  auto id = report(teacher_, "https://www.Games.example/violent",
                   "A violent game a pupil opened in the library");
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_TRUE(blocked().empty());
  EXPECT_EQ(handle(teacher2_, *id, true, "Blocked").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(handle(ict_, *id, true, "").error().code, ErrorCode::kInvalid);
  auto told = read([&](Connection& c) { return notices_for(c, ict_, 10); });
  ASSERT_EQ(told->size(), 1u);
  EXPECT_EQ((*told)[0].kind, NoticeKind::kSiteReported);
  EXPECT_EQ((*told)[0].site_report_id, *id);
  ASSERT_TRUE(handle(ict_, *id, true, "Graphic violence; blocked for everyone.").ok());
  auto reporter = read([&](Connection& c) { return notices_for(c, teacher_, 10); });
  ASSERT_EQ(reporter->size(), 1u);
  EXPECT_EQ((*reporter)[0].kind, NoticeKind::kSiteReportHandled);
  EXPECT_EQ(blocked(), std::vector<std::string>{"games.example"});
  EXPECT_EQ(handle(ict_, *id, false, "Changed my mind").error().code, ErrorCode::kConflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'filter.site_report%'"), 2);
}

TEST_P(SiteReportTest, ADismissedReportBlocksNothing) {
  auto id = report(teacher_, "news.example", "Upsetting headline");
  ASSERT_TRUE(handle(ict_, *id, false, "A national news site; the story is age-appropriate.").ok());
  EXPECT_TRUE(blocked().empty());
  auto r = read([&](Connection& c) { return get_site_report(c, alpha_, *id); });
  EXPECT_EQ(r->status, SiteReportStatus::kDismissed);
}

INLOCO_INSTANTIATE_BACKENDS(SiteReportTest);

}  // namespace
}  // namespace inloco::filter

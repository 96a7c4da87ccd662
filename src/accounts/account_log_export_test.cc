// REQ ACC-1: the register exports as the school's account log (DJS Annex A columns).
// REQ ACC-10: closed accounts stay in the log with their closing date.
#include "accounts/account_log_export.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

TEST(AccountLogCsvTest, QuotesCellsAndDefusesFormulas) {
  AccountLogRow r;
  r.platform = "Facebook";
  r.account_name = "=HYPERLINK(\"http://evil\")";
  r.master_admin_role = "Headteacher";
  r.posting_users = {"Ann \"Nan\" Lee", "@bob", "-carol", "+dave"};
  r.date_opened = CalendarDate{2021, 9, 6};
  AccountLogRow s;
  s.platform = "X (Twitter)";
  s.account_name = "@school, official";
  s.master_admin_role = "ICT technician";
  s.date_opened = CalendarDate{2018, 3, 12};
  s.date_closed = CalendarDate{2025, 7, 1};
  EXPECT_EQ(account_log_csv({r, s}),
            "Platform,User account name,Master administration role,Approved users (posting),"
            "Date opened,Date closed\r\n"
            "Facebook,\"'=HYPERLINK(\"\"http://evil\"\")\",Headteacher,"
            "\"Ann \"\"Nan\"\" Lee; @bob; -carol; +dave\",2021-09-06,\r\n"
            "X (Twitter),\"'@school, official\",ICT technician,,2018-03-12,2025-07-01\r\n");
  AccountLogRow t;
  t.account_name = "-1";
  t.platform = "+x";
  EXPECT_NE(account_log_csv({t}).find("'+x,'-1,"), std::string::npos);
}

class AccountLogExportTest : public test::AccountFixture {
 protected:
  std::vector<AccountLogRow> log(int64_t school = 0) {
    auto r = read([&](Connection& c) { return account_log(c, school ? school : alpha_); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::vector<AccountLogRow>{};
  }
};

TEST_P(AccountLogExportTest, TheLogHoldsOpenedAccountsWithTheirPostingUsers) {
  AccountProposal fb = proposal("facebook", "Alpha Primary School");
  fb.date_opened = "2021-09-06";
  int64_t facebook = open_account(fb);
  AccountProposal x = proposal("twitter", "@AlphaPrimary");
  x.date_opened = "2018-03-12";
  x.master_admin_role = Role::kIctTechnician;
  int64_t twitter = open_account(x);
  ASSERT_TRUE(authorise(facebook, teacher_, AuthorisationKind::kPost).ok());
  ASSERT_TRUE(authorise(facebook, lead_, AuthorisationKind::kPost).ok());
  ASSERT_TRUE(authorise(facebook, ict_, AuthorisationKind::kAdmin).ok());  // admin is not posting
  ASSERT_TRUE(authorise(twitter, lead_, AuthorisationKind::kPost).ok());
  ASSERT_TRUE(authorise(twitter, teacher2_, AuthorisationKind::kPost).ok());
  // Not in the log: a proposal, a rejected one, an affiliated channel, another school's.
  ASSERT_TRUE(propose(proposal("youtube", "Alpha"), lead_).ok());
  auto rejected = propose(proposal("tiktok", "alpha"), lead_);
  ASSERT_TRUE(rejected.ok());
  ASSERT_TRUE(decide(*rejected, head_, false, "No.").ok());
  auto pta = propose(affiliated_proposal(), deputy_);
  ASSERT_TRUE(pta.ok());
  ASSERT_TRUE(decide(*pta, pta_chair_, true).ok());
  ASSERT_TRUE(propose(proposal("facebook", "Beta Academy"), beta_head_, beta_).ok());

  // Closing the X account: it stays, with the posters it had when it closed.
  clock_.advance(86400);
  Grants g = grants(head_);
  ASSERT_TRUE(
      write([&](Connection& c) {
        return close_account(SchoolScope{c, clock_, actor(head_), alpha_}, g, rules_, twitter, "");
      }).ok());

  auto rows = log();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].platform, "X (Twitter)");  // in order of opening
  EXPECT_EQ(rows[0].account_name, "@AlphaPrimary");
  EXPECT_EQ(rows[0].master_admin_role, "ICT technician");
  EXPECT_EQ(rows[0].posting_users, (std::vector<std::string>{"Lucy Lead", "Tara Second"}));
  EXPECT_EQ(optional_iso(rows[0].date_opened), "2018-03-12");
  EXPECT_EQ(optional_iso(rows[0].date_closed), "2026-09-02");
  EXPECT_EQ(rows[1].platform, "Facebook");
  EXPECT_EQ(rows[1].master_admin_role, "Headteacher");
  EXPECT_EQ(rows[1].posting_users, (std::vector<std::string>{"Lucy Lead", "Tom Teacher"}));
  EXPECT_FALSE(rows[1].date_closed);

  EXPECT_EQ(account_log_csv(rows),
            "Platform,User account name,Master administration role,Approved users (posting),"
            "Date opened,Date closed\r\n"
            "X (Twitter),'@AlphaPrimary,ICT technician,Lucy Lead; Tara Second,2018-03-12,"
            "2026-09-02\r\n"
            "Facebook,Alpha Primary School,Headteacher,Lucy Lead; Tom Teacher,2021-09-06,\r\n");
  EXPECT_TRUE(log(gamma_).empty());
}

INLOCO_INSTANTIATE_BACKENDS(AccountLogExportTest);

}  // namespace
}  // namespace inloco

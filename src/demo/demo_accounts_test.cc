// REQ ACC-1..10: the demo trust's register shows every state of an account, on both databases.
#include "demo/demo_accounts.h"

#include <gtest/gtest.h>

#include "accounts/access_reviews.h"
#include "accounts/account_log_export.h"
#include "accounts/account_register.h"
#include "accounts/credential_vault.h"
#include "core/calendar_date.h"
#include "store/stored_dates.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoAccountsTest : public test::BackendTest {
 protected:
  int64_t person(const DemoTrust& demo, const std::string& username) {
    for (const auto& s : demo.sign_ins)
      if (s.username == username) return s.person_id;
    ADD_FAILURE() << username;
    return 0;
  }
  std::string register_text(int64_t school) {
    auto entries =
        db().read([&](Connection& c) { return list_register(c, school, AccountRules{}); });
    EXPECT_TRUE(entries.ok());
    std::string out;
    for (const RegisterEntry& e : *entries) {
      out += e.account.platform + "|" + e.account.account_name + "|" +
             std::string(account_status_key(e.account.status)) + "|" +
             optional_iso(e.account.date_opened).value_or("") + "|" +
             optional_iso(e.account.date_closed).value_or("") + "|" +
             std::to_string(e.authorisations.size()) + "|" + (e.has_credential ? "secret" : "") +
             "|";
      for (const auto& p : e.problems) out += p.code + " ";
      out += "\n";
    }
    return out;
  }

  int64_t scalar_id(int64_t school, const std::string& platform, const std::string& name) {
    auto r = db().read([&](Connection& c) {
      return c.query(
          "SELECT id FROM official_accounts WHERE school_id = ? AND platform = ? AND "
          "account_name = ? AND status = 'open'",
          {school, platform, name});
    });
    EXPECT_TRUE(r.ok() && !r->empty());
    return r.ok() && !r->empty() ? (*r)[0][0].as_int() : 0;
  }

  FakeClock clock_{1788220800};  // 2026-09-01
  SecretKey key_ = SecretKey::random();
};

TEST_P(DemoAccountsTest, FillsBothSchoolsRegisters) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  auto s = create_demo_accounts(db(), clock_, key_, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  int64_t oakfield = demo->schools[0].id, riverside = demo->schools[1].id;

  EXPECT_EQ(register_text(oakfield),
            "facebook|Friends of Oakfield PTA|open|2019-10-01||0||\n"
            "facebook|Oakfield Primary School|open|2021-09-06||4|secret|\n"
            "instagram|@oakfieldprimary|open|2023-01-16||3||not_in_privacy_notice \n"
            "youtube|Oakfield Primary School|proposed|||0||not_approved \n");
  EXPECT_EQ(register_text(riverside),
            "x|@RiversideAcad|open|2018-03-12||3||\n"
            "youtube|Riverside Academy|open|2020-11-02||3|secret|\n"
            "facebook|Riverside Academy Sixth Form|closed|2019-09-09|2025-11-05|0||\n");

  // The ICT technician administers without posting; a teacher sees only what they post to.
  auto ict = db().read([&](Connection& c) {
    return list_register(c, oakfield, AccountRules{}, person(*demo, "ict.oakfield"));
  });
  ASSERT_EQ(ict->size(), 2u);
  auto teacher = db().read([&](Connection& c) {
    return list_register(c, oakfield, AccountRules{}, person(*demo, "staff.oakfield"));
  });
  ASSERT_EQ(teacher->size(), 1u);
  EXPECT_EQ((*teacher)[0].account.platform, "facebook");

  // Due on the dashboard: Oakfield's PTA check overdue, Instagram soon; Riverside's X overdue.
  CalendarDate today = date_of(clock_.now());
  auto oak_due =
      db().read([&](Connection& c) { return list_due(c, oakfield, today, AccountRules{}); });
  ASSERT_TRUE(oak_due.ok());
  ASSERT_EQ(oak_due->size(), 2u);
  EXPECT_EQ((*oak_due)[0].kind, ReviewKind::kContentCheck);
  EXPECT_TRUE((*oak_due)[0].overdue);
  EXPECT_FALSE((*oak_due)[1].overdue);
  auto river_due =
      db().read([&](Connection& c) { return list_due(c, riverside, today, AccountRules{}); });
  ASSERT_EQ(river_due->size(), 1u);
  EXPECT_EQ((*river_due)[0].account_name, "@RiversideAcad");
  EXPECT_TRUE((*river_due)[0].overdue);

  // The vault opens for an administrator; the closed account is in the log.
  int64_t lead = person(*demo, "socialmedia.oakfield");
  int64_t facebook = scalar_id(oakfield, "facebook", "Oakfield Primary School");
  auto secret =
      reveal_credential(db(), clock_, Actor{lead, "lead", "test"}, key_, oakfield, facebook);
  ASSERT_TRUE(secret.ok()) << secret.error().message;
  EXPECT_FALSE(secret->empty());
  auto log = db().read([&](Connection& c) { return account_log(c, riverside); });
  ASSERT_EQ(log->size(), 3u);
  EXPECT_EQ((*log)[0].account_name, "@RiversideAcad");
  EXPECT_EQ(optional_iso((*log)[1].date_closed), "2025-11-05");
  EXPECT_EQ((*log)[1].posting_users.size(), 2u);

  auto audit = verify_audit(db());
  ASSERT_TRUE(audit.ok());
  EXPECT_TRUE(audit->intact);
}

INLOCO_INSTANTIATE_BACKENDS(DemoAccountsTest);

}  // namespace
}  // namespace inloco

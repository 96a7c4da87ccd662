// REQ IAM-3: the audit log is hash-chained; any change, removal or reordering is found.
#include "store/audit_log.h"

#include <gtest/gtest.h>

#include "store/migrations.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class AuditLogTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    for (int i = 0; i < 5; ++i) {
      auto r = db().transaction([&](Connection& c) -> Result<int64_t> {
        return append_audit(
            c, clock_, Actor{int64_t{7}, "Test Person", "127.0.0.1"},
            AuditEvent{"person.view", "person", std::to_string(i), int64_t{1}, "{}"});
      });
      ASSERT_TRUE(r.ok()) << r.error().message;
    }
  }
  void sql(const std::string& s, const SqlParams& p = {}) {
    auto r = db().transaction([&](Connection& c) -> Status {
      TRY(c.execute(s, p));
      return {};
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  FakeClock clock_;
};

TEST_P(AuditLogTest, IntactChainVerifies) {
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact) << v->reason;
  EXPECT_EQ(v->entries, 5);
}

TEST_P(AuditLogTest, ChangedRowIsDetected) {
  sql("UPDATE audit_log SET detail = ? WHERE id = 3", {"{\"x\":1}"});
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad_id, 3);
}

TEST_P(AuditLogTest, DeletedRowIsDetected) {
  sql("DELETE FROM audit_log WHERE id = 2");
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad_id, 2);
}

TEST_P(AuditLogTest, DeletedLastRowIsDetected) {
  sql("DELETE FROM audit_log WHERE id = 5");
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad_id, 5);
}

TEST_P(AuditLogTest, ReorderedRowsAreDetected) {
  // Swap the contents of entries 2 and 3 (ids stay in sequence).
  sql("UPDATE audit_log SET id = 100 WHERE id = 2");
  sql("UPDATE audit_log SET id = 2 WHERE id = 3");
  sql("UPDATE audit_log SET id = 3 WHERE id = 100");
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->intact);
  EXPECT_EQ(v->first_bad_id, 2);
}

TEST_P(AuditLogTest, AppendRolledBackWithItsTransaction) {
  auto r = db().transaction([&](Connection& c) -> Status {
    TRY(append_audit(c, clock_, Actor::system(), AuditEvent{"x", "y", "z", std::nullopt, ""}));
    return Error::invalid("abandon");
  });
  EXPECT_FALSE(r.ok());
  auto v = verify_audit(db());
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->intact);
  EXPECT_EQ(v->entries, 5);
}

INLOCO_INSTANTIATE_BACKENDS(AuditLogTest);

}  // namespace
}  // namespace inloco

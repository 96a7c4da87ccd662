// REQ ORG-1: a trust holds one or more schools.
#include "people/school_store.h"

#include <gtest/gtest.h>

#include "test_support/databases.h"

namespace inloco {
namespace {

class SchoolStoreTest : public test::BackendTest {
 protected:
  template <typename F>
  auto write(F&& fn) {
    return db().transaction(std::forward<F>(fn));
  }
  int64_t trust(const std::string& name) {
    auto r = write([&](Connection& c) { return create_trust(c, clock_, Actor::system(), name); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.value_or(0);
  }
  Result<int64_t> school(int64_t trust_id, std::string code, std::string name,
                         std::string phase = "primary") {
    School s;
    s.trust_id = trust_id;
    s.code = std::move(code);
    s.name = std::move(name);
    s.phase = std::move(phase);
    return write([&](Connection& c) { return create_school(c, clock_, Actor::system(), s); });
  }
  FakeClock clock_;
};

TEST_P(SchoolStoreTest, CreatesTrustsAndSchoolsAndAuditsThem) {
  int64_t t = trust("Example Learning Trust");
  auto a = school(t, "Oakfield", "Oakfield Primary School");
  ASSERT_TRUE(a.ok()) << a.error().message;
  auto b = school(t, "riverside", "Riverside Academy", "secondary");
  ASSERT_TRUE(b.ok()) << b.error().message;

  auto got = db().read([&](Connection& c) { return get_school(c, *a); });
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->code, "oakfield");  // codes are stored in lower case
  EXPECT_EQ(got->trust_id, t);
  EXPECT_EQ(got->phase, "primary");
  EXPECT_FALSE(got->urn);

  auto list = db().read([&](Connection& c) { return list_schools(c, t); });
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "Oakfield Primary School");
  EXPECT_EQ((*list)[1].name, "Riverside Academy");

  auto tr = db().read([&](Connection& c) { return get_trust(c, t); });
  ASSERT_TRUE(tr.ok());
  EXPECT_EQ(tr->name, "Example Learning Trust");

  auto audit = db().read([&](Connection& c) { return list_audit(c, AuditQuery{}); });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 3u);
}

TEST_P(SchoolStoreTest, FindByCodeIgnoresCaseAndListsKnownCodes) {
  int64_t t = trust("Example Learning Trust");
  ASSERT_TRUE(school(t, "oakfield", "Oakfield Primary School").ok());
  ASSERT_TRUE(school(t, "riverside", "Riverside Academy", "secondary").ok());
  auto found = db().read([&](Connection& c) { return find_school_by_code(c, " OAKFIELD "); });
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "Oakfield Primary School");
  auto missing = db().read([&](Connection& c) { return find_school_by_code(c, "elmwood"); });
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("oakfield, riverside"), std::string::npos)
      << missing.error().message;
}

TEST_P(SchoolStoreTest, RefusesBadDetailsWithEveryReason) {
  int64_t t = trust("Example Learning Trust");
  School s;
  s.trust_id = t;
  s.code = "Oak field!";
  s.name = "";
  s.urn = "12";
  s.phase = "kindergarten";
  auto r = write([&](Connection& c) { return create_school(c, clock_, Actor::system(), s); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().details.size(), 4u);

  ASSERT_TRUE(school(t, "oakfield", "Oakfield Primary School").ok());
  auto dup = school(t, "oakfield", "Another Oakfield");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_NE(dup.error().message.find("Oakfield Primary School"), std::string::npos);

  auto no_trust = school(t + 100, "elmwood", "Elmwood School");
  ASSERT_FALSE(no_trust.ok());
  EXPECT_EQ(no_trust.error().code, ErrorCode::kNotFound);

  auto again = write([&](Connection& c) {
    return create_trust(c, clock_, Actor::system(), "Example Learning Trust");
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

INLOCO_INSTANTIATE_BACKENDS(SchoolStoreTest);

}  // namespace
}  // namespace inloco

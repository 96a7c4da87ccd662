// Shared by the staff conduct page and API tests (STF-1..4): a test server on
// either database with, at school A, a headteacher, a DSL, a member of staff,
// a deputy head and an office manager, and at school B a headteacher and a
// member of staff; a way to let school A's policy allow contact through
// personal accounts with approval; counting rows.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"
#include "test_support/databases.h"
#include "test_support/test_server.h"

namespace inloco::test {

class StaffConductServerTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    server_ = std::make_unique<TestServer>(GetParam());
    a_ = server_->fixture().school_a;
    b_ = server_->fixture().school_b;
    head_ = server_->add_user("head.a", Role::kHeadteacher, a_);
    dsl_ = server_->add_user("dsl.a", Role::kDsl, a_);
    teacher_ = server_->add_user("teacher.a", Role::kStaff, a_);
    server_->add_user("deputy.a", Role::kDeputyHeadteacher, a_);
    server_->add_user("office.a", Role::kOfficeManager, a_);
    server_->add_user("head.b", Role::kHeadteacher, b_);
    server_->add_user("teacher.b", Role::kStaff, b_);
  }
  // School A's policy allows contact through personal accounts with the head's approval.
  void allow_personal_contact() {
    auto s = server_->db().transaction([&](Connection& c) -> Status {
      ShippedProfile base = TRY(find_shipped_profile(kDefaultProfileKey));
      std::string text(base.text);
      const std::string never = "personal_contact = \"never\"";
      text.replace(text.find(never), never.size(), "personal_contact = \"with_approval\"");
      return assign_profile(SchoolScope{c, server_->clock(), Actor::system(), a_}, text,
                            kDefaultProfileKey);
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  int64_t scalar(const std::string& sql) {
    auto n = server_->db().read([&](Connection& c) { return c.query(sql); });
    return n.ok() && !n->empty() ? (*n)[0][0].as_int() : -1;
  }
  int64_t count(const std::string& table) { return scalar("SELECT COUNT(*) FROM " + table); }

  std::unique_ptr<TestServer> server_;
  int64_t a_ = 0, b_ = 0, head_ = 0, dsl_ = 0, teacher_ = 0;
};

}  // namespace inloco::test

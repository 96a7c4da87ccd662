// Staff conduct records through the web pages, on both databases.
// REQ STF-1: a member of staff declares a relationship; the DSL decides it
//   with the headteacher, and the member of staff sees what was agreed.
// REQ STF-2: contact through personal accounts is approved beforehand by the
//   headteacher, seen by the member of staff, and revoked; no one else approves.
// REQ STF-3: the headteacher authorises blogging about the school, and revokes it.
// REQ STF-4: a member of staff ticks their own induction checklist; the
//   school sees who has not finished.
#include <gtest/gtest.h>

#include "test_support/staff_conduct_fixture.h"

namespace inloco {
namespace {

using test::Client;
using test::TestServer;

bool has(const test::ClientResponse& r, const std::string& text) {
  return r.body.find(text) != std::string::npos;
}

class StaffConductPagesTest : public test::StaffConductServerTest {
 protected:
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.sign_in(user), 303u) << user;
    return c;
  }
  std::string page(int64_t school, const std::string& rest = "") {
    return "/schools/" + std::to_string(school) + "/staff-conduct" + rest;
  }
  std::map<std::string, std::string> contact_form() {
    return {{"staff", std::to_string(teacher_)},
            {"decision", "approved"},
            {"platform", "WhatsApp"},
            {"group", "Parents of the Year 6 football team"},
            {"reason", "He coaches the team."}};
  }
};

// REQ STF-4, STF-1
TEST_P(StaffConductPagesTest, AMemberOfStaffTicksTheirInductionAndDeclaresARelationship) {
  Client teacher = signed_in("teacher.a");
  auto overview = teacher.get(page(a_));
  ASSERT_EQ(overview.status, 200u) << overview.body;
  EXPECT_TRUE(has(overview, "Your induction checklist"));
  EXPECT_TRUE(has(overview, "You have ticked 0 of 3 items"));
  EXPECT_FALSE(has(overview, "Relationships declared by staff"))
      << "the school's records are not for every member of staff";

  auto ticked = teacher.post_form(page(a_, "/induction"), {{"item", "read_policy"}});
  ASSERT_EQ(ticked.status, 303u) << ticked.body;
  overview = teacher.get(ticked.header("location"));
  EXPECT_TRUE(has(overview, "Your induction checklist has been updated"));
  EXPECT_TRUE(has(overview, "You have ticked 1 of 3 items"));
  auto again = teacher.post_form(page(a_, "/induction"), {{"item", "read_policy"}});
  EXPECT_EQ(again.status, 409u) << "a tick is never made twice";
  EXPECT_TRUE(has(again, "govuk-error-summary"));

  Client office = signed_in("office.a");
  auto open = office.get(page(a_, "/inductions"));
  ASSERT_EQ(open.status, 200u);
  EXPECT_TRUE(has(open, "teacher.a")) << "the office sees who has not finished";
  EXPECT_EQ(teacher.get(page(a_, "/inductions")).status, 403u);

  auto declared = teacher.post_form(page(a_, "/relationships"),
                                    {{"other", "Sam Patel, Year 3 Owls"},
                                     {"relationship", "nephew"},
                                     {"details", "We are in a family WhatsApp group."}});
  ASSERT_EQ(declared.status, 303u) << declared.body;
  overview = teacher.get(declared.header("location"));
  EXPECT_TRUE(has(overview, "Your relationship has been declared"));
  EXPECT_TRUE(has(overview, "Sam Patel, Year 3 Owls"));
  EXPECT_TRUE(has(overview, "Awaiting a decision"));
}

// REQ STF-1
TEST_P(StaffConductPagesTest, TheDslDecidesWithTheHeadteacher) {
  Client teacher = signed_in("teacher.a");
  ASSERT_EQ(teacher
                .post_form(page(a_, "/relationships"), {{"other", "Ava Jones, a parent"},
                                                        {"relationship", "sister"},
                                                        {"details", "Facebook friends."}})
                .status,
            303u);
  int64_t id = scalar("SELECT id FROM staff_relationships");
  Client dsl = signed_in("dsl.a");
  auto list = dsl.get(page(a_, "/relationships"));
  ASSERT_EQ(list.status, 200u);
  EXPECT_TRUE(has(list, "Ava Jones, a parent"));
  auto detail = dsl.get(page(a_, "/relationships/" + std::to_string(id)));
  ASSERT_EQ(detail.status, 200u);
  EXPECT_TRUE(has(detail, "Record a decision"));

  const std::string decide = page(a_, "/relationships/" + std::to_string(id) + "/decide");
  auto alone =
      dsl.post_form(decide, {{"outcome", "agreed"}, {"agreed", "No school talk on Facebook."}});
  EXPECT_EQ(alone.status, 422u) << "the head must take part";
  EXPECT_TRUE(has(alone, "No school talk on Facebook.")) << "what was typed is kept";
  EXPECT_EQ(count("staff_relationship_decisions"), 0);

  auto ok = dsl.post_form(decide, {{"outcome", "agreed"},
                                   {"agreed", "No school talk on Facebook."},
                                   {"with", std::to_string(head_)}});
  ASSERT_EQ(ok.status, 303u) << ok.body;
  EXPECT_EQ(count("staff_relationship_decisions"), 1);
  auto mine = teacher.get(page(a_));
  EXPECT_TRUE(has(mine, "No school talk on Facebook."));
  EXPECT_EQ(teacher.post_form(decide, {{"outcome", "agreed"}, {"agreed", "x"}}).status, 403u);
  EXPECT_EQ(teacher.get(page(a_, "/relationships")).status, 403u);
}

// REQ STF-2
TEST_P(StaffConductPagesTest, ContactIsApprovedByTheHeadSeenByTheMemberOfStaffAndRevoked) {
  allow_personal_contact();
  Client head = signed_in("head.a");
  auto given = head.post_form(page(a_, "/contact"), contact_form());
  ASSERT_EQ(given.status, 303u) << given.body;
  Client teacher = signed_in("teacher.a");
  auto mine = teacher.get(page(a_));
  EXPECT_TRUE(has(mine, "WhatsApp with Parents of the Year 6 football team"));

  int64_t id = scalar("SELECT id FROM staff_contact_approvals");
  auto no_reason =
      head.post_form(page(a_, "/contact/" + std::to_string(id) + "/revoke"), {{"reason", ""}});
  EXPECT_EQ(no_reason.status, 422u);
  auto revoked = head.post_form(page(a_, "/contact/" + std::to_string(id) + "/revoke"),
                                {{"reason", "The season is over."}});
  ASSERT_EQ(revoked.status, 303u) << revoked.body;
  auto list = head.get(revoked.header("location"));
  EXPECT_TRUE(has(list, "The season is over."));
  mine = teacher.get(page(a_));
  EXPECT_FALSE(has(mine, "WhatsApp with Parents")) << "a revoked approval no longer applies";
}

// REQ STF-2
TEST_P(StaffConductPagesTest, OnlyTheApproverApprovesContact) {
  allow_personal_contact();
  Client teacher = signed_in("teacher.a");
  EXPECT_EQ(teacher.post_form(page(a_, "/contact"), contact_form()).status, 403u);
  Client deputy = signed_in("deputy.a");
  auto refused = deputy.post_form(page(a_, "/contact"), contact_form());
  EXPECT_EQ(refused.status, 403u) << "the policy names the headteacher";
  EXPECT_TRUE(has(refused, "govuk-error-summary"));
  EXPECT_EQ(deputy.post_form(page(a_, "/contact"), {}).status, 422u)
      << "an empty form is a problem to correct";
  EXPECT_EQ(count("staff_contact_approvals"), 0);
}

// REQ STF-1, STF-2, STF-3
TEST_P(StaffConductPagesTest, BadInputShowsTheProblemAndWritesNothing) {
  allow_personal_contact();
  Client head = signed_in("head.a");
  auto form = contact_form();
  form["reason"] = "";
  auto no_reason = head.post_form(page(a_, "/contact"), form);
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_TRUE(has(no_reason, "Say why this contact is approved"));
  EXPECT_TRUE(has(no_reason, "Parents of the Year 6 football team")) << "what was typed is kept";
  form = contact_form();
  form["platform"] = "carrier pigeon";
  EXPECT_EQ(head.post_form(page(a_, "/contact"), form).status, 422u);
  form = contact_form();
  form["ends_on"] = "next Friday";
  auto bad_date = head.post_form(page(a_, "/contact"), form);
  EXPECT_EQ(bad_date.status, 422u);
  EXPECT_TRUE(has(bad_date, "is not a date"));
  auto blog =
      head.post_form(page(a_, "/blogging"),
                     {{"staff", std::to_string(teacher_)}, {"channel", "blog"}, {"scope", ""}});
  EXPECT_EQ(blog.status, 422u);
  Client teacher = signed_in("teacher.a");
  auto declare =
      teacher.post_form(page(a_, "/relationships"), {{"other", "Sam Patel"}, {"relationship", ""}});
  EXPECT_EQ(declare.status, 422u);
  EXPECT_TRUE(has(declare, "value=\"Sam Patel\"")) << declare.body;
  EXPECT_EQ(teacher.post_form(page(a_, "/induction"), {{"item", "juggling"}}).status, 422u);
  EXPECT_EQ(count("staff_contact_approvals") + count("staff_blog_authorisations") +
                count("staff_relationships") + count("staff_induction_ticks"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'staff.%' AND action NOT LIKE "
                   "'%.view'"),
            0)
      << "no change was audited, because none was made";
}

// REQ STF-3
TEST_P(StaffConductPagesTest, TheHeadAuthorisesBloggingAndRevokesIt) {
  Client head = signed_in("head.a");
  auto given = head.post_form(page(a_, "/blogging"), {{"staff", std::to_string(teacher_)},
                                                      {"channel", "professional_network"},
                                                      {"address", "LinkedIn"},
                                                      {"scope", "Curriculum articles."}});
  ASSERT_EQ(given.status, 303u) << given.body;
  Client teacher = signed_in("teacher.a");
  EXPECT_TRUE(has(teacher.get(page(a_)), "Curriculum articles."));
  int64_t id = scalar("SELECT id FROM staff_blog_authorisations");
  ASSERT_EQ(head.post_form(page(a_, "/blogging/" + std::to_string(id) + "/revoke"),
                           {{"reason", "Left the network."}})
                .status,
            303u);
  EXPECT_FALSE(has(teacher.get(page(a_)), "Curriculum articles."));
}

// REQ STF-1, STF-2 (ORG-1)
TEST_P(StaffConductPagesTest, AnotherSchoolsHeadIsRefused) {
  allow_personal_contact();
  Client other = signed_in("head.b");
  EXPECT_EQ(other.get(page(a_)).status, 403u);
  EXPECT_EQ(other.get(page(a_, "/contact")).status, 403u);
  EXPECT_EQ(other.post_form(page(a_, "/contact"), contact_form()).status, 403u);
  EXPECT_EQ(count("staff_contact_approvals"), 0);
  EXPECT_EQ(other.get(page(b_)).status, 200u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffConductPagesTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

// Staff conduct records through the JSON API, on both databases: the same
// library calls as the pages, so the same refusals and the same audit.
// REQ STF-1: a member of staff declares a relationship; the headteacher
//   decides it with the DSL, and the member of staff sees what was agreed.
// REQ STF-2: contact through personal accounts is approved beforehand, seen by
//   the member of staff, and revoked.
// REQ STF-3: the headteacher authorises blogging about the school, and revokes it.
// REQ STF-4: a member of staff ticks their own induction checklist; the school
//   sees who has not finished.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support/staff_conduct_fixture.h"

namespace inloco {
namespace {

using nlohmann::json;
using test::Client;
using test::TestServer;

class StaffConductApiTest : public test::StaffConductServerTest {
 protected:
  Client signed_in(const std::string& user) {
    Client c(server_->port());
    EXPECT_EQ(c.post_json("/api/v1/session",
                          json{{"username", user}, {"password", test::kTestPassword}}.dump())
                  .status,
              201u)
        << user;
    return c;
  }
  std::string url(int64_t school, const std::string& rest = "") {
    return "/api/v1/schools/" + std::to_string(school) + "/staff-conduct" + rest;
  }
  std::string url(const std::string& rest = "") { return url(a_, rest); }
  static json body(const test::ClientResponse& r) { return json::parse(r.body, nullptr, false); }
  static std::string message(const test::ClientResponse& r) {
    json b = body(r);
    return b.is_object() && b.contains("error") ? b["error"].value("message", "") : "";
  }
  int64_t audited(const std::string& action) {
    return scalar("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }
  json contact() {
    return {{"staff_id", teacher_},
            {"decision", "approved"},
            {"platform", "WhatsApp"},
            {"group", "Parents of the Year 6 football team"},
            {"reason", "He coaches the team."}};
  }
  int64_t declare(Client& who, const std::string& other, int64_t school = 0) {
    auto r = who.post_json(
        url(school ? school : a_, "/relationships"),
        json{{"other", other}, {"relationship", "nephew"}, {"details", "Family WhatsApp group."}}
            .dump());
    EXPECT_EQ(r.status, 201u) << r.body;
    return body(r).value("id", int64_t{0});
  }
};

// REQ STF-4, STF-1
TEST_P(StaffConductApiTest, AMemberOfStaffDeclaresTicksAndSeesThemInTheirOverview) {
  Client teacher = signed_in("teacher.a");
  auto ticked = teacher.post_json(url("/induction"), json{{"item", "read_policy"}}.dump());
  ASSERT_EQ(ticked.status, 201u) << ticked.body;
  EXPECT_EQ(body(ticked)["done"], 1);
  EXPECT_EQ(body(ticked)["total"], 3);
  auto again = teacher.post_json(url("/induction"), json{{"item", "read_policy"}}.dump());
  EXPECT_EQ(again.status, 409u) << "a tick is never made twice";

  int64_t id = declare(teacher, "Sam Patel, Year 3 Owls");
  ASSERT_GT(id, 0);

  auto overview = teacher.get(url());
  ASSERT_EQ(overview.status, 200u) << overview.body;
  json o = body(overview);
  EXPECT_EQ(o["is_staff"], true);
  EXPECT_EQ(o["induction"]["done"], 1);
  EXPECT_EQ(o["induction"]["complete"], false);
  EXPECT_EQ(o["induction"]["items"][0]["key"], "read_policy");
  EXPECT_EQ(o["induction"]["items"][0]["done"], true);
  EXPECT_TRUE(o["induction"]["items"][0]["done_on"].is_string());
  EXPECT_EQ(o["induction"]["items"][1]["done"], false);
  ASSERT_EQ(o["relationships"].size(), 1u);
  EXPECT_EQ(o["relationships"][0]["id"], id);
  EXPECT_EQ(o["relationships"][0]["other"], "Sam Patel, Year 3 Owls");
  EXPECT_EQ(o["relationships"][0]["status"], "awaiting_decision");
  EXPECT_TRUE(o["relationships"][0]["declared_at"].is_number_integer());
  EXPECT_FALSE(o.contains("relationships_needing_attention"))
      << "the school's records are not for every member of staff";
  EXPECT_EQ(audited("staff.induction.tick"), 1);
  EXPECT_EQ(audited("staff.relationship.declare"), 1);
}

// REQ STF-1
TEST_P(StaffConductApiTest, TheHeadteacherListsAndDecidesWithTheReasonRequired) {
  Client teacher = signed_in("teacher.a");
  int64_t id = declare(teacher, "Ava Jones, a parent");
  Client head = signed_in("head.a");
  EXPECT_EQ(body(head.get(url()))["relationships_needing_attention"], 1);

  auto list = head.get(url("/relationships"));
  ASSERT_EQ(list.status, 200u) << list.body;
  ASSERT_EQ(body(list)["relationships"].size(), 1u);
  EXPECT_EQ(body(list)["relationships"][0]["staff_id"], teacher_);
  auto one = head.get(url("/relationships/" + std::to_string(id)));
  ASSERT_EQ(one.status, 200u) << one.body;
  json r = body(one);
  EXPECT_EQ(r["relationship"], "nephew");
  ASSERT_EQ(r["may_take_part"].size(), 1u) << one.body;
  EXPECT_EQ(r["may_take_part"][0]["person_id"], dsl_);
  EXPECT_EQ(r["may_take_part"][0]["role"], "dsl");

  const std::string decide = url("/relationships/" + std::to_string(id) + "/decide");
  auto no_reason =
      head.post_json(decide, json{{"outcome", "agreed"}, {"discussed_with", {dsl_}}}.dump());
  EXPECT_EQ(no_reason.status, 422u) << no_reason.body;
  EXPECT_NE(message(no_reason).find("\"agreed\": Say what was agreed"), std::string::npos)
      << no_reason.body;
  auto no_outcome = head.post_json(decide, "{}");
  EXPECT_EQ(no_outcome.status, 422u);
  EXPECT_NE(message(no_outcome).find("\"outcome\""), std::string::npos) << no_outcome.body;
  auto bad_date = head.post_json(decide, json{{"outcome", "agreed"},
                                              {"agreed", "No school talk."},
                                              {"discussed_with", {dsl_}},
                                              {"review_on", "next Easter"}}
                                             .dump());
  EXPECT_EQ(bad_date.status, 422u);
  EXPECT_NE(message(bad_date).find("\"review_on\""), std::string::npos) << bad_date.body;
  auto alone =
      head.post_json(decide, json{{"outcome", "agreed"}, {"agreed", "No school talk."}}.dump());
  EXPECT_EQ(alone.status, 422u) << "the DSL must take part";
  EXPECT_EQ(count("staff_relationship_decisions"), 0);

  auto ok = head.post_json(decide, json{{"outcome", "agreed"},
                                        {"agreed", "No school talk on Facebook."},
                                        {"discussed_with", {dsl_}},
                                        {"review_on", "2099-03-31"}}
                                       .dump());
  ASSERT_EQ(ok.status, 201u) << ok.body;
  EXPECT_GT(body(ok)["id"].get<int64_t>(), 0);
  EXPECT_EQ(audited("staff.relationship.decide"), 1);

  json mine = body(teacher.get(url()))["relationships"][0];
  EXPECT_EQ(mine["status"], "agreed");
  EXPECT_EQ(mine["review_on"], "2099-03-31");
  ASSERT_EQ(mine["decisions"].size(), 1u);
  EXPECT_EQ(mine["decisions"][0]["agreed"], "No school talk on Facebook.");
  EXPECT_EQ(mine["decisions"][0]["decided_by_id"], head_);
  EXPECT_TRUE(mine["decisions"][0]["decided_at"].is_number_integer());
}

// REQ STF-2
TEST_P(StaffConductApiTest, ContactIsApprovedSeenAndRevoked) {
  allow_personal_contact();
  Client head = signed_in("head.a");
  auto given = head.post_json(url("/contact"), contact().dump());
  ASSERT_EQ(given.status, 201u) << given.body;
  int64_t id = body(given)["id"];
  Client teacher = signed_in("teacher.a");
  json mine = body(teacher.get(url()))["contact_approvals"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["platform"], "whatsapp");
  EXPECT_EQ(mine[0]["group"], "Parents of the Year 6 football team");

  json list = body(head.get(url("/contact")));
  EXPECT_EQ(list["personal_contact"], "with_approval");
  ASSERT_EQ(list["approvals"].size(), 1u);
  EXPECT_EQ(list["approvals"][0]["in_force"], true);
  EXPECT_EQ(list["approvals"][0]["revocable"], true);

  const std::string revoke = url("/contact/" + std::to_string(id) + "/revoke");
  auto no_reason = head.post_json(revoke, "{}");
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_NE(message(no_reason).find("\"reason\": Say why the approval is revoked."),
            std::string::npos)
      << no_reason.body;
  auto revoked = head.post_json(revoke, json{{"reason", "The season is over."}}.dump());
  ASSERT_EQ(revoked.status, 200u) << revoked.body;
  EXPECT_EQ(head.post_json(revoke, json{{"reason", "Again."}}.dump()).status, 409u);
  list = body(head.get(url("/contact")));
  EXPECT_EQ(list["approvals"][0]["revoke_reason"], "The season is over.");
  EXPECT_EQ(list["approvals"][0]["in_force"], false);
  EXPECT_TRUE(list["approvals"][0]["revoked_on"].is_string());
  EXPECT_TRUE(body(teacher.get(url()))["contact_approvals"].empty())
      << "a revoked approval no longer applies";
  EXPECT_EQ(audited("staff.contact.decide"), 1);
  EXPECT_EQ(audited("staff.contact.revoke"), 1);
}

// REQ STF-3
TEST_P(StaffConductApiTest, BloggingIsAuthorisedAndRevoked) {
  Client head = signed_in("head.a");
  auto given = head.post_json(url("/blogging"), json{{"staff_id", teacher_},
                                                     {"channel", "professional_network"},
                                                     {"address", "LinkedIn"},
                                                     {"scope", "Curriculum articles."}}
                                                    .dump());
  ASSERT_EQ(given.status, 201u) << given.body;
  int64_t id = body(given)["id"];
  Client teacher = signed_in("teacher.a");
  json mine = body(teacher.get(url()))["blog_authorisations"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["scope"], "Curriculum articles.");
  json list = body(head.get(url("/blogging")));
  EXPECT_EQ(list["needed"], "required");
  ASSERT_EQ(list["authorisations"].size(), 1u);
  EXPECT_EQ(list["authorisations"][0]["channel"], "professional_network");

  const std::string revoke = url("/blogging/" + std::to_string(id) + "/revoke");
  EXPECT_EQ(head.post_json(revoke, json{{"reason", ""}}.dump()).status, 422u);
  ASSERT_EQ(head.post_json(revoke, json{{"reason", "Left the network."}}.dump()).status, 200u);
  EXPECT_TRUE(body(teacher.get(url()))["blog_authorisations"].empty());
  EXPECT_EQ(body(head.get(url("/blogging")))["authorisations"][0]["revocable"], false);
  EXPECT_EQ(audited("staff.blog.authorise"), 1);
  EXPECT_EQ(audited("staff.blog.revoke"), 1);
}

// REQ STF-4
TEST_P(StaffConductApiTest, TheInductionsListShowsWhoHasNotFinished) {
  Client teacher = signed_in("teacher.a");
  for (const char* item : {"read_policy", "reviewed_past_posts", "privacy_settings"})
    ASSERT_EQ(teacher.post_json(url("/induction"), json{{"item", item}}.dump()).status, 201u)
        << item;
  EXPECT_EQ(body(teacher.get(url()))["induction"]["complete"], true);
  Client dsl = signed_in("dsl.a");
  ASSERT_EQ(dsl.post_json(url("/induction"), json{{"item", "read_policy"}}.dump()).status, 201u);

  Client office = signed_in("office.a");
  auto open = office.get(url("/inductions"));
  ASSERT_EQ(open.status, 200u) << open.body;
  json people = body(open)["people"];
  bool teacher_listed = false;
  json dsl_row;
  for (const auto& p : people) {
    teacher_listed = teacher_listed || p["staff_id"] == teacher_;
    if (p["staff_id"] == dsl_) dsl_row = p;
  }
  EXPECT_FALSE(teacher_listed) << "the teacher has finished";
  ASSERT_TRUE(dsl_row.is_object()) << open.body;
  EXPECT_EQ(dsl_row["done"], 1);
  EXPECT_EQ(dsl_row["missing"], json({"reviewed_past_posts", "privacy_settings"}));
  EXPECT_EQ(body(office.get(url()))["unfinished_inductions"], people.size());
}

// REQ STF-1, STF-2, STF-3, STF-4 (IAM-2)
TEST_P(StaffConductApiTest, APlainMemberOfStaffIsRefusedTheSchoolsRecords) {
  allow_personal_contact();
  Client teacher = signed_in("teacher.a");
  Client other_teacher = signed_in("teacher.b");
  int64_t id = declare(teacher, "Ava Jones, a parent");
  for (const char* path : {"/relationships", "/contact", "/blogging", "/inductions"})
    EXPECT_EQ(teacher.get(url(path)).status, 403u) << path;
  EXPECT_EQ(teacher.get(url("/relationships/" + std::to_string(id))).status, 403u);
  EXPECT_EQ(teacher
                .post_json(url("/relationships/" + std::to_string(id) + "/decide"),
                           json{{"outcome", "agreed"}, {"agreed", "x"}}.dump())
                .status,
            403u);
  EXPECT_EQ(teacher.post_json(url("/contact"), contact().dump()).status, 403u);
  EXPECT_EQ(teacher
                .post_json(url("/blogging"),
                           json{{"staff_id", teacher_}, {"channel", "blog"}, {"scope", "x"}}.dump())
                .status,
            403u);
  EXPECT_EQ(other_teacher.get(url()).status, 403u) << "another school's member of staff";
  // The deputy may decide by the permission table, but the policy names the headteacher:
  // an empty request is a problem to correct (422), a complete one is refused (403).
  Client deputy = signed_in("deputy.a");
  EXPECT_EQ(deputy.post_json(url("/contact"), "{}").status, 422u);
  auto refused = deputy.post_json(url("/contact"), contact().dump());
  EXPECT_EQ(refused.status, 403u) << refused.body;
  EXPECT_NE(message(refused).find("Headteacher"), std::string::npos) << refused.body;
  EXPECT_EQ(count("staff_contact_approvals") + count("staff_blog_authorisations") +
                count("staff_relationship_decisions"),
            0);
}

// REQ STF-1, STF-2, STF-3, STF-4
TEST_P(StaffConductApiTest, BadJsonIsAnsweredWithTheProblemAndWritesNothing) {
  allow_personal_contact();
  Client head = signed_in("head.a");
  auto not_json = head.post_json(url("/contact"), "staff=1&decision=approved");
  EXPECT_EQ(not_json.status, 422u);
  EXPECT_NE(message(not_json).find("as a JSON object"), std::string::npos) << not_json.body;
  EXPECT_EQ(head.post_json(url("/blogging"), "[1, 2]").status, 422u);

  json c = contact();
  c["staff_id"] = std::to_string(teacher_);
  auto id_as_text = head.post_json(url("/contact"), c.dump());
  EXPECT_EQ(id_as_text.status, 422u);
  EXPECT_NE(message(id_as_text).find("\"staff_id\""), std::string::npos) << id_as_text.body;
  c = contact();
  c["person_ids"] = "all of them";
  auto people = head.post_json(url("/contact"), c.dump());
  EXPECT_EQ(people.status, 422u);
  EXPECT_NE(message(people).find("\"person_ids\" is a list of person ids"), std::string::npos)
      << people.body;
  c = contact();
  c["reason"] = "  ";
  auto no_reason = head.post_json(url("/contact"), c.dump());
  EXPECT_EQ(no_reason.status, 422u);
  EXPECT_NE(message(no_reason).find("\"reason\": Say why this contact is approved."),
            std::string::npos)
      << no_reason.body;
  c = contact();
  c["ends_on"] = "next Friday";
  auto bad_date = head.post_json(url("/contact"), c.dump());
  EXPECT_EQ(bad_date.status, 422u);
  EXPECT_NE(message(bad_date).find("\"ends_on\""), std::string::npos) << bad_date.body;
  EXPECT_NE(message(bad_date).find("is not a date"), std::string::npos) << bad_date.body;
  c = contact();
  c["platform"] = "carrier pigeon";
  EXPECT_EQ(head.post_json(url("/contact"), c.dump()).status, 422u)
      << "the library knows the platforms";

  auto channel =
      head.post_json(url("/blogging"),
                     json{{"staff_id", teacher_}, {"channel", "podcast"}, {"scope", "x"}}.dump());
  EXPECT_EQ(channel.status, 422u);
  EXPECT_NE(message(channel).find("\"channel\""), std::string::npos) << channel.body;
  auto scope =
      head.post_json(url("/blogging"), json{{"staff_id", teacher_}, {"channel", "blog"}}.dump());
  EXPECT_EQ(scope.status, 422u);
  EXPECT_NE(message(scope).find("\"scope\""), std::string::npos) << scope.body;

  Client teacher = signed_in("teacher.a");
  auto no_item = teacher.post_json(url("/induction"), "{}");
  EXPECT_EQ(no_item.status, 422u);
  EXPECT_NE(message(no_item).find("\"item\""), std::string::npos) << no_item.body;
  EXPECT_EQ(teacher.post_json(url("/induction"), json{{"item", "juggling"}}.dump()).status, 422u);
  auto declare = teacher.post_json(url("/relationships"), json{{"other", "Sam Patel"}}.dump());
  EXPECT_EQ(declare.status, 422u);
  EXPECT_NE(message(declare).find("relationship"), std::string::npos) << declare.body;
  EXPECT_EQ(teacher.post_json(url("/relationships"), "not json").status, 422u);

  EXPECT_EQ(count("staff_contact_approvals") + count("staff_blog_authorisations") +
                count("staff_relationships") + count("staff_induction_ticks"),
            0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'staff.%' AND action NOT LIKE "
                   "'%.view'"),
            0)
      << "no change was audited, because none was made";
}

// REQ STF-1 (ORG-1)
TEST_P(StaffConductApiTest, ARelationshipOfAnotherSchoolIsNotFound) {
  Client teacher_b = signed_in("teacher.b");
  int64_t other = declare(teacher_b, "Max Doe, Year 5", b_);
  ASSERT_GT(other, 0);
  Client head = signed_in("head.a");
  auto seen = head.get(url("/relationships/" + std::to_string(other)));
  EXPECT_EQ(seen.status, 404u) << seen.body;
  auto decided = head.post_json(
      url("/relationships/" + std::to_string(other) + "/decide"),
      json{{"outcome", "agreed"}, {"agreed", "No contact."}, {"discussed_with", {dsl_}}}.dump());
  EXPECT_EQ(decided.status, 404u) << decided.body;
  EXPECT_EQ(head.get(url(b_, "/relationships/" + std::to_string(other))).status, 403u)
      << "not head of school B";
  EXPECT_TRUE(body(head.get(url("/relationships")))["relationships"].empty());
  EXPECT_EQ(count("staff_relationship_decisions"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffConductApiTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         test::backend_name);

}  // namespace
}  // namespace inloco

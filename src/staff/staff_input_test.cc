// REQ STF-1, STF-2, STF-3, STF-4: what is sent to record a staff conduct
// decision is checked the same way for the pages and the API, each problem
// naming its field, before anyone's permission is weighed.
#include "staff/staff_input.h"

#include <gtest/gtest.h>

namespace inloco {
namespace {

TEST(StaffInputTest, ADecisionNeedsAnOutcomeAndWhatWasAgreed) {
  std::string field;
  EXPECT_FALSE(relationship_decision_input({}, field).ok());
  EXPECT_EQ(field, "outcome");
  auto no_text = relationship_decision_input({"agreed", "  ", "", {}}, field);
  ASSERT_FALSE(no_text.ok());
  EXPECT_EQ(field, "agreed");
  EXPECT_EQ(no_text.error().code, ErrorCode::kInvalid);
  auto closing = relationship_decision_input({"closed", "", "", {}}, field);
  ASSERT_FALSE(closing.ok());
  EXPECT_NE(closing.error().message.find("no arrangement"), std::string::npos);
  EXPECT_FALSE(relationship_decision_input({"agreed", "No contact.", "soon", {}}, field).ok());
  EXPECT_EQ(field, "review_on");
  auto ok = relationship_decision_input({"agreed", "No contact.", "31/03/2099", {7, 9}}, field);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->outcome, RelationshipOutcome::kAgreed);
  EXPECT_EQ(ok->review_on->iso(), "2099-03-31");
  EXPECT_EQ(ok->discussed_with, (std::vector<int64_t>{7, 9}));
}

TEST(StaffInputTest, ContactNeedsEveryFieldInTurn) {
  std::string field;
  ContactDecisionText t;
  EXPECT_FALSE(contact_decision_input(t, field).ok());
  EXPECT_EQ(field, "staff");
  t.staff_id = 4;
  EXPECT_FALSE(contact_decision_input(t, field).ok());
  EXPECT_EQ(field, "decision");
  t.decision = "approved";
  EXPECT_FALSE(contact_decision_input(t, field).ok());
  EXPECT_EQ(field, "platform");
  t.platform = "WhatsApp";
  EXPECT_FALSE(contact_decision_input(t, field).ok());
  EXPECT_EQ(field, "people");
  t.people = {11};
  auto no_reason = contact_decision_input(t, field);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(field, "reason");
  EXPECT_EQ(no_reason.error().message, "Say why this contact is approved.");
  t.reason = "Coaches the team.";
  t.ends_on = "next Friday";
  EXPECT_FALSE(contact_decision_input(t, field).ok());
  EXPECT_EQ(field, "ends_on");
  t.ends_on = "2099-07-20";
  auto ok = contact_decision_input(t, field);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->decision, ContactDecision::kApproved);
  EXPECT_FALSE(ok->starts_on.has_value());
  EXPECT_EQ(ok->ends_on->iso(), "2099-07-20");
}

TEST(StaffInputTest, BloggingNeedsAChannelAndAScope) {
  std::string field;
  EXPECT_FALSE(blog_authorisation_input({5, "podcast", "", "x", "", ""}, field).ok());
  EXPECT_EQ(field, "channel");
  EXPECT_FALSE(blog_authorisation_input({5, "blog", "", " ", "", ""}, field).ok());
  EXPECT_EQ(field, "scope");
  auto ok = blog_authorisation_input(
      {5, "personal_account", "@me", "Sports results.", "01/09/2026", ""}, field);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->channel, BlogChannel::kPersonalAccount);
  EXPECT_EQ(ok->starts_on->iso(), "2026-09-01");
}

TEST(StaffInputTest, ItemsAndRevocationsNeedText) {
  EXPECT_FALSE(induction_item_chosen(" ").ok());
  EXPECT_TRUE(induction_item_chosen("read_policy").ok());
  auto why = revoke_reason_given("", "approval");
  ASSERT_FALSE(why.ok());
  EXPECT_EQ(why.error().message, "Say why the approval is revoked.");
  EXPECT_TRUE(revoke_reason_given("Left.", "authorisation").ok());
}

}  // namespace
}  // namespace inloco

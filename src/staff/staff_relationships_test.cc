// REQ STF-1: pre-existing relationships are declared, discussed with the DSL
// and the headteacher (the profile's reviewers), and each decision recorded
// with who, when and a review date; history is never rewritten.
// REQ IAM-3: declarations, decisions and views are audited.
#include "staff/staff_relationships.h"

#include <gtest/gtest.h>

#include "staff/staff_members.h"
#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class StaffRelationshipsTest : public test::StaffFixture {
 protected:
  RelationshipDeclaration niece(int64_t staff, std::optional<int64_t> other) {
    RelationshipDeclaration d;
    d.staff_id = staff;
    d.other_person_id = other;
    d.relationship = "niece";
    d.details = "Amara is my niece; we are friends on Facebook and meet at family events.";
    return d;
  }

  Result<int64_t> declare(int64_t by, const RelationshipDeclaration& d, int64_t school = 0) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return declare_relationship(SchoolScope{c, clock_, actor(by), school ? school : alpha_}, g,
                                  staff_rules_, d);
    });
  }

  Result<int64_t> decide(int64_t by, int64_t rel, RelationshipDecisionInput in) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return decide_relationship(SchoolScope{c, clock_, actor(by), alpha_}, g, staff_rules_, rel,
                                 in);
    });
  }

  static RelationshipDecisionInput agreed(std::string text, std::vector<int64_t> with,
                                          std::optional<CalendarDate> review = std::nullopt) {
    RelationshipDecisionInput in;
    in.agreed = std::move(text);
    in.discussed_with = std::move(with);
    in.review_on = review;
    return in;
  }

  StaffRelationship fetch(int64_t rel, int64_t by) {
    auto r = write([&](Connection& c) {
      return get_relationship(SchoolScope{c, clock_, actor(by), alpha_}, rel);
    });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : StaffRelationship{};
  }
};

TEST_P(StaffRelationshipsTest, DeclaredDiscussedDecidedReviewedAndClosedWithHistoryKept) {
  auto rel = declare(teacher_, niece(teacher_, amara_));
  ASSERT_TRUE(rel.ok()) << rel.error().message;
  StaffRelationship r = fetch(*rel, head_);
  EXPECT_EQ(r.status, RelationshipStatus::kAwaitingDecision);
  EXPECT_EQ(r.staff_name, "Tom Teacher");
  EXPECT_EQ(r.other_name, "Amara Okafor");
  EXPECT_EQ(r.declared_by, teacher_);

  auto attention =
      read([&](Connection& c) { return relationships_needing_attention(c, alpha_, today()); });
  ASSERT_TRUE(attention.ok());
  ASSERT_EQ(attention->size(), 1u);
  EXPECT_EQ((*attention)[0].status, RelationshipStatus::kAwaitingDecision);

  auto first = decide(head_, *rel,
                      agreed("No contact on social media; parents' evening with the phase leader.",
                             {dsl_}, in_days(180)));
  ASSERT_TRUE(first.ok()) << first.error().message;
  r = fetch(*rel, head_);
  EXPECT_EQ(r.status, RelationshipStatus::kAgreed);
  EXPECT_EQ(optional_iso(r.review_on), in_days(180).iso());
  ASSERT_EQ(r.decisions.size(), 1u);
  EXPECT_EQ(r.decisions[0].decided_by, head_);
  EXPECT_EQ(r.decisions[0].decided_at, clock_.now());
  EXPECT_EQ(r.decisions[0].participants, std::vector<std::string>{"Dina Safeguard"});
  // Agreed and not yet due for review: nothing needs attention.
  attention =
      read([&](Connection& c) { return relationships_needing_attention(c, alpha_, today()); });
  EXPECT_TRUE(attention->empty());
  attention =
      read([&](Connection& c) { return relationships_needing_attention(c, alpha_, in_days(180)); });
  EXPECT_EQ(attention->size(), 1u);

  // The review changes the arrangement: a new row, the first one unchanged.
  advance_days(180);
  ASSERT_TRUE(
      decide(dsl_, *rel, agreed("Contact only through the school's messaging service.", {head_}))
          .ok());
  advance_days(30);
  RelationshipDecisionInput close;
  close.outcome = RelationshipOutcome::kClosed;
  close.agreed = "Amara left the school in July.";
  ASSERT_TRUE(decide(head_, *rel, close).ok());

  r = fetch(*rel, head_);
  EXPECT_EQ(r.status, RelationshipStatus::kClosed);
  ASSERT_EQ(r.decisions.size(), 3u);
  EXPECT_EQ(r.decisions[0].agreed,
            "No contact on social media; parents' evening with the phase leader.");
  EXPECT_EQ(optional_iso(r.decisions[0].review_on), in_days(-30).iso());
  EXPECT_EQ(r.decisions[1].decided_by, dsl_);
  EXPECT_EQ(r.decisions[2].outcome, RelationshipOutcome::kClosed);

  // A closed relationship takes no further decisions; it can be declared again.
  auto again = decide(head_, *rel, agreed("Anything.", {dsl_}));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(declare(teacher_, niece(teacher_, amara_)).ok());

  EXPECT_EQ(audit_of("staff.relationship.declare").size(), 2u);
  EXPECT_EQ(audit_of("staff.relationship.decide").size(), 3u);
  EXPECT_EQ(audit_of("staff.relationship.view").size(), 3u);  // one per fetch
}

TEST_P(StaffRelationshipsTest, AReviewerMayDeclareOnBehalfAndDescribeSomeoneNotInTheRegister) {
  RelationshipDeclaration d = niece(teacher_, std::nullopt);
  d.other_description = "A family friend whose son starts in Reception in September";
  d.relationship = "family friend";
  auto rel = declare(dsl_, d);
  ASSERT_TRUE(rel.ok()) << rel.error().message;
  StaffRelationship r = fetch(*rel, dsl_);
  EXPECT_EQ(r.other_person_id, std::nullopt);
  EXPECT_EQ(r.other_name, d.other_description);
  EXPECT_EQ(r.declared_by, dsl_);

  // Another teacher may not declare for a colleague.
  const std::string before = staff_snapshot();
  auto other = declare(teacher2_, d);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  EXPECT_NE(other.error().message.find("Tom Teacher themselves"), std::string::npos);
  EXPECT_EQ(staff_snapshot(), before);

  auto listed = write([&](Connection& c) {
    return list_relationships(SchoolScope{c, clock_, actor(head_), alpha_}, teacher_);
  });
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 1u);
  auto views = audit_of("staff.relationship.view");
  ASSERT_FALSE(views.empty());
  EXPECT_EQ(views[0].record_type, "person");
  EXPECT_EQ(views[0].record_id, std::to_string(teacher_));
}

TEST_P(StaffRelationshipsTest, OnlyTheProfilesReviewersDecideAndNeverAboutThemselves) {
  auto rel = declare(teacher_, niece(teacher_, amara_));
  ASSERT_TRUE(rel.ok());
  for (int64_t who : {deputy_, teacher2_, lead_, beta_head_}) {
    auto r = decide(who, *rel, agreed("No contact.", {head_, dsl_}));
    ASSERT_FALSE(r.ok()) << who;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_NE(
        r.error().message.find("Only the Designated safeguarding lead or the Headteacher can"),
        std::string::npos)
        << r.error().message;
  }
  // The headteacher's own relationship: not decided by the headteacher, but
  // the DSL alone may (the headteacher's part is waived: they are the subject).
  auto own = declare(head_, niece(head_, ben_));
  ASSERT_TRUE(own.ok());
  auto self = decide(head_, *own, agreed("No contact.", {dsl_}));
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count("staff_relationship_decisions"), 0);
  auto by_dsl = decide(dsl_, *own, agreed("No contact.", {}));
  EXPECT_TRUE(by_dsl.ok()) << by_dsl.error().message;

  // The profile names someone else: the deputy decides, the headteacher may not.
  staff_rules_.relationship_reviewers = {Role::kDeputyHeadteacher};
  auto head = decide(head_, *rel, agreed("No contact.", {dsl_}));
  ASSERT_FALSE(head.ok());
  EXPECT_NE(head.error().message.find("the Deputy headteacher"), std::string::npos)
      << head.error().message;
  EXPECT_TRUE(decide(deputy_, *rel, agreed("No contact.", {})).ok());
}

TEST_P(StaffRelationshipsTest, AnArrangementNeedsEveryReviewerRoleToTakePart) {
  auto rel = declare(teacher_, niece(teacher_, amara_));
  ASSERT_TRUE(rel.ok());
  const std::string before = staff_snapshot();
  auto alone = decide(head_, *rel, agreed("No contact.", {}));
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.error().code, ErrorCode::kInvalid);
  EXPECT_NE(alone.error().message.find(
                "nobody recorded as taking part is the Designated safeguarding lead"),
            std::string::npos)
      << alone.error().message;
  auto with_teacher = decide(head_, *rel, agreed("No contact.", {teacher2_}));
  ASSERT_FALSE(with_teacher.ok());
  auto with_subject = decide(head_, *rel, agreed("No contact.", {dsl_, teacher_}));
  ASSERT_FALSE(with_subject.ok());
  EXPECT_EQ(with_subject.error().code, ErrorCode::kInvalid);
  auto other_school = decide(head_, *rel, agreed("No contact.", {dsl_, beta_head_}));
  ASSERT_FALSE(other_school.ok());
  EXPECT_EQ(other_school.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(staff_snapshot(), before);
  // An executive head of the trust counts as a headteacher taking part.
  EXPECT_TRUE(decide(dsl_, *rel, agreed("No contact.", {exec_head_})).ok());
}

TEST_P(StaffRelationshipsTest, BadDeclarationsAndDecisionsAreRefusedAndWriteNothing) {
  auto rel = declare(teacher_, niece(teacher_, amara_));
  ASSERT_TRUE(rel.ok());
  const std::string before = staff_snapshot();
  auto refused = [&](RelationshipDeclaration d, ErrorCode code, const std::string& words) {
    auto r = declare(d.staff_id, d);
    ASSERT_FALSE(r.ok()) << words;
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  };
  RelationshipDeclaration d = niece(teacher2_, ben_);
  d.relationship = "  ";
  refused(d, ErrorCode::kInvalid, "Say what the relationship is");
  d = niece(teacher2_, ben_);
  d.details = "";
  refused(d, ErrorCode::kInvalid, "how the relationship affects");
  d = niece(teacher2_, std::nullopt);
  refused(d, ErrorCode::kInvalid, "describe them");
  d = niece(teacher2_, beta_pupil_);
  refused(d, ErrorCode::kNotFound, "no person");
  d = niece(teacher2_, ben_);
  d.details = "bad \xC3\x28 bytes";
  refused(d, ErrorCode::kInvalid, "not valid text");
  d = niece(teacher2_, teacher2_);
  refused(d, ErrorCode::kInvalid, "not Tara Second themselves");
  // Already declared and not closed.
  auto dup = declare(teacher_, niece(teacher_, amara_));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  // A member of staff of another school, or a pupil, cannot declare here.
  auto beta = declare(head_, niece(beta_teacher_, ben_));
  ASSERT_FALSE(beta.ok());
  EXPECT_EQ(beta.error().code, ErrorCode::kNotFound);
  auto pupil = declare(head_, niece(amara_, ben_));
  ASSERT_FALSE(pupil.ok());
  EXPECT_EQ(pupil.error().code, ErrorCode::kInvalid);

  auto empty = decide(head_, *rel, agreed("   ", {dsl_}));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  auto past = decide(head_, *rel, agreed("No contact.", {dsl_}, in_days(-1)));
  ASSERT_FALSE(past.ok());
  EXPECT_NE(past.error().message.find("in the past"), std::string::npos);
  RelationshipDecisionInput close;
  close.outcome = RelationshipOutcome::kClosed;
  close.agreed = "Left.";
  close.review_on = in_days(10);
  auto closing = decide(head_, *rel, close);
  ASSERT_FALSE(closing.ok());
  EXPECT_EQ(closing.error().code, ErrorCode::kInvalid);
  auto elsewhere = write([&](Connection& c) {
    Grants g = grants(beta_head_);
    return decide_relationship(SchoolScope{c, clock_, actor(beta_head_), beta_}, g, staff_rules_,
                               *rel, agreed("No contact.", {}));
  });
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(staff_snapshot(), before);
}

INLOCO_INSTANTIATE_BACKENDS(StaffRelationshipsTest);

}  // namespace
}  // namespace inloco

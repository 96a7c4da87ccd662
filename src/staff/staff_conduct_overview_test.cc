// REQ STF-1..4: one's own staff conduct records in one view: the induction
//            checklist, one's declared relationships, and the contact and
//            blogging in force today; the school's numbers only for those
//            whose role lets them see the school's records.
// REQ IAM-3: listing one's relationships and contact approvals is audited.
#include "staff/staff_conduct_overview.h"

#include <gtest/gtest.h>

#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class StaffConductOverviewTest : public test::StaffFixture {
 protected:
  void SetUp() override {
    StaffFixture::SetUp();
    if (HasFatalFailure()) return;
    staff_rules_.personal_contact = PersonalContact::kWithApproval;
    auto school = read([&](Connection& c) { return get_school(c, alpha_); });
    ASSERT_TRUE(school.ok()) << school.error().message;
    alpha_school_ = *school;
  }

  Result<StaffConductOverview> overview(int64_t person) {
    return staff_conduct_overview(db(), clock_, actor(person), person, grants(person), staff_rules_,
                                  alpha_school_);
  }

  // The teacher's records: a declaration, one induction item ticked, contact
  // approved from today and from next week, and blogging authorised.
  void give_the_teacher_records() {
    Grants teacher = grants(teacher_), head = grants(head_);
    auto ok = write([&](Connection& c) -> Status {
      RelationshipDeclaration d;
      d.staff_id = teacher_;
      d.other_person_id = amara_;
      d.relationship = "niece";
      d.details = "We meet at family events.";
      TRY(declare_relationship(SchoolScope{c, clock_, actor(teacher_), alpha_}, teacher,
                               staff_rules_, d));
      TRY(tick_induction_item(SchoolScope{c, clock_, actor(teacher_), alpha_}, staff_rules_,
                              teacher_, "read_policy"));
      ContactDecisionInput now;
      now.staff_id = teacher_;
      now.people = {amara_};
      now.platform = "WhatsApp";
      now.reason = "Family.";
      TRY(decide_contact(SchoolScope{c, clock_, actor(head_), alpha_}, head, staff_rules_, now));
      ContactDecisionInput later = now;
      later.people = {ben_};
      later.starts_on = in_days(7);
      TRY(decide_contact(SchoolScope{c, clock_, actor(head_), alpha_}, head, staff_rules_, later));
      BlogAuthorisationInput blog;
      blog.staff_id = teacher_;
      blog.scope = "Outdoor learning, without pupils' names.";
      TRY(authorise_blogging(SchoolScope{c, clock_, actor(head_), alpha_}, head, staff_rules_,
                             blog));
      return {};
    });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
  }

  int64_t unfinished() {
    auto r = read([&](Connection& c) { return incomplete_inductions(c, staff_rules_, alpha_); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? static_cast<int64_t>(r->size()) : -1;
  }

  School alpha_school_;
};

TEST_P(StaffConductOverviewTest, AMemberOfStaffSeesTheirOwnRecordsAndNoNumbers) {
  give_the_teacher_records();
  size_t relationship_views = audit_of("staff.relationship.view").size();
  size_t contact_views = audit_of("staff.contact.view").size();

  auto o = overview(teacher_);
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_EQ(o->today, today());
  EXPECT_TRUE(o->is_staff);
  ASSERT_TRUE(o->induction.has_value());
  EXPECT_EQ(o->induction->done, 1);
  ASSERT_EQ(o->relationships.size(), 1u);
  EXPECT_EQ(o->relationships[0].relationship, "niece");
  ASSERT_EQ(o->contact_approvals.size(), 1u);  // next week's is not in force yet
  EXPECT_EQ(o->contact_approvals[0].people.at(0).person_id, amara_);
  EXPECT_EQ(o->blog_authorisations.size(), 1u);
  EXPECT_FALSE(o->relationships_needing_attention.has_value());
  EXPECT_FALSE(o->unfinished_inductions.has_value());
  EXPECT_EQ(audit_of("staff.relationship.view").size(), relationship_views + 1);
  EXPECT_EQ(audit_of("staff.contact.view").size(), contact_views + 1);
}

TEST_P(StaffConductOverviewTest, TheSchoolsNumbersFollowTheRole) {
  give_the_teacher_records();
  auto head = overview(head_);
  ASSERT_TRUE(head.ok()) << head.error().message;
  EXPECT_TRUE(head->is_staff);
  EXPECT_TRUE(head->relationships.empty());
  EXPECT_EQ(head->relationships_needing_attention, 1);
  EXPECT_EQ(head->unfinished_inductions, unfinished());

  // The DSL sees relationships but not inductions.
  auto dsl = overview(dsl_);
  ASSERT_TRUE(dsl.ok()) << dsl.error().message;
  EXPECT_EQ(dsl->relationships_needing_attention, 1);
  EXPECT_FALSE(dsl->unfinished_inductions.has_value());

  // Without a checklist there is neither a checklist nor a count.
  staff_rules_.induction_checklist = false;
  head = overview(head_);
  ASSERT_TRUE(head.ok()) << head.error().message;
  EXPECT_FALSE(head->induction.has_value());
  EXPECT_FALSE(head->unfinished_inductions.has_value());
}

TEST_P(StaffConductOverviewTest, SomeoneWhoIsNotCurrentStaffHasNoOwnRecords) {
  give_the_teacher_records();
  std::string before = staff_snapshot();
  for (int64_t person : {governor_, left_, central_}) {
    auto o = overview(person);
    ASSERT_TRUE(o.ok()) << person << ": " << o.error().message;
    EXPECT_FALSE(o->is_staff) << person;
    EXPECT_FALSE(o->induction.has_value());
    EXPECT_TRUE(o->relationships.empty());
    EXPECT_TRUE(o->contact_approvals.empty());
    EXPECT_TRUE(o->blog_authorisations.empty());
  }
  EXPECT_EQ(staff_snapshot(), before);  // nothing listed, so nothing audited
}

INLOCO_INSTANTIATE_BACKENDS(StaffConductOverviewTest);

}  // namespace
}  // namespace inloco

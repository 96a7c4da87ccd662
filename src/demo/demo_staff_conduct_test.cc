// REQ STF-1..4: the demo trust's Oakfield has staff conduct records of every kind.
#include "demo/demo_staff_conduct.h"

#include <gtest/gtest.h>

#include "demo/demo_profiles.h"
#include "profile/profile_store.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/staff_relationships.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class DemoStaffConductTest : public test::BackendTest {
 protected:
  FakeClock clock_{1790000000};  // 2026-09-21
};

TEST_P(DemoStaffConductTest, OakfieldHasRecordsOfEveryKind) {
  auto demo = create_demo_people(db(), clock_);
  ASSERT_TRUE(demo.ok()) << demo.error().message;
  ASSERT_TRUE(assign_demo_profiles(db(), clock_, *demo).ok());
  auto s = create_demo_staff_conduct(db(), clock_, *demo);
  ASSERT_TRUE(s.ok()) << s.error().message;
  const int64_t oakfield = demo->schools[0].id;
  const CalendarDate today = date_of(clock_.now());
  Actor actor = Actor::system();
  auto rels = db().transaction([&](Connection& c) {
    return list_relationships(SchoolScope{c, clock_, actor, oakfield});
  });
  ASSERT_TRUE(rels.ok());
  ASSERT_EQ(rels->size(), 1u);
  EXPECT_EQ((*rels)[0].relationship, "nephew");
  EXPECT_EQ((*rels)[0].status, RelationshipStatus::kAgreed);
  auto contact = db().transaction([&](Connection& c) {
    return list_contact_approvals(SchoolScope{c, clock_, actor, oakfield});
  });
  ASSERT_TRUE(contact.ok());
  ASSERT_EQ(contact->size(), 2u);
  int in_force = 0, revoked = 0;
  for (const auto& a : *contact) {
    in_force += a.in_force_on(today) && a.platform == "whatsapp";
    revoked += a.grant.revoked_on.has_value();
  }
  EXPECT_EQ(in_force, 1) << "the football coach on WhatsApp";
  EXPECT_EQ(revoked, 1);
  auto blogs = db().read(
      [&](Connection& c) { return list_blog_authorisations(c, oakfield, std::nullopt, today); });
  ASSERT_TRUE(blogs.ok());
  ASSERT_EQ(blogs->size(), 1u);
  EXPECT_EQ((*blogs)[0].channel, BlogChannel::kProfessionalNetwork);
  auto open = db().read([&](Connection& c) -> Result<std::vector<InductionProgress>> {
    PolicyProfile p = TRY(profile_for_school(c, oakfield));
    return incomplete_inductions(c, p.staff, oakfield);
  });
  ASSERT_TRUE(open.ok());
  int64_t staff_sign_in = 0;
  for (const auto& s2 : demo->sign_ins)
    if (s2.username == "staff.oakfield") staff_sign_in = s2.person_id;
  bool listed = false;
  for (const auto& p : *open) listed = listed || (p.staff_id == staff_sign_in && p.done == 1);
  EXPECT_TRUE(listed) << "staff.oakfield has items left to tick";
}

INLOCO_INSTANTIATE_BACKENDS(DemoStaffConductTest);

}  // namespace
}  // namespace inloco

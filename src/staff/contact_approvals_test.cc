// REQ STF-2: the headteacher (the profile's approvers) approves or refuses in
// advance a named member of staff contacting named pupils or parents, or a
// described group, through personal accounts; revocation is recorded; "is
// this contact approved today?" follows start, end and revocation dates.
// REQ IAM-3: decisions, revocations and views are audited.
#include "staff/contact_approvals.h"

#include <gtest/gtest.h>

#include "staff/staff_members.h"
#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class StaffContactApprovalsTest : public test::StaffFixture {
 protected:
  void SetUp() override {
    StaffFixture::SetUp();
    staff_rules_.personal_contact = PersonalContact::kWithApproval;
  }

  ContactDecisionInput input(std::vector<int64_t> people) {
    ContactDecisionInput in;
    in.staff_id = teacher_;
    in.people = std::move(people);
    in.platform = "WhatsApp";
    in.reason = "Tom coaches the under-11 swimming club and messages families about galas.";
    return in;
  }

  Result<int64_t> decide(int64_t by, const ContactDecisionInput& in) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return decide_contact(SchoolScope{c, clock_, actor(by), alpha_}, g, staff_rules_, in);
    });
  }

  Status revoke(int64_t by, int64_t id, std::string reason = "The club has closed.") {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return revoke_contact_approval(SchoolScope{c, clock_, actor(by), alpha_}, g, staff_rules_, id,
                                     reason);
    });
  }

  ContactCheck check(int64_t person, const CalendarDate& on, std::string platform = "whatsapp") {
    auto r = read([&](Connection& c) {
      return contact_approved_on(c, staff_rules_, alpha_, teacher_, person, platform, on);
    });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : ContactCheck{};
  }
};

TEST_P(StaffContactApprovalsTest, ApprovedTodayFollowsStartEndAndRevocationDates) {
  ContactDecisionInput in = input({amara_, ngozi_});
  in.starts_on = in_days(2);
  in.ends_on = in_days(10);
  auto id = decide(head_, in);
  ASSERT_TRUE(id.ok()) << id.error().message;

  EXPECT_FALSE(check(amara_, today()).approved);  // not yet started
  EXPECT_FALSE(check(amara_, in_days(1)).approved);
  ContactCheck start = check(amara_, in_days(2));
  EXPECT_TRUE(start.approved);
  EXPECT_EQ(start.approval_id, *id);
  EXPECT_NE(start.explanation.find("Tom Teacher may contact Amara Okafor"), std::string::npos)
      << start.explanation;
  EXPECT_TRUE(check(ngozi_, in_days(10)).approved);  // the end date is included
  EXPECT_FALSE(check(ngozi_, in_days(11)).approved);
  EXPECT_FALSE(check(ben_, in_days(5)).approved);                // not named
  EXPECT_FALSE(check(amara_, in_days(5), "Facebook").approved);  // another platform
  EXPECT_TRUE(check(amara_, in_days(5), "WhatsApp").approved);   // labels read as keys

  // Revoked on day 5: in force on day 4, not from day 5 on; history kept.
  advance_days(5);
  ASSERT_TRUE(revoke(head_, *id).ok());
  EXPECT_TRUE(check(amara_, in_days(-1)).approved);
  EXPECT_FALSE(check(amara_, today()).approved);
  EXPECT_FALSE(check(amara_, in_days(1)).approved);
  auto again = revoke(head_, *id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);

  auto shown = write([&](Connection& c) {
    return get_contact_approval(SchoolScope{c, clock_, actor(head_), alpha_}, *id);
  });
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->decided_by, head_);
  EXPECT_EQ(shown->grant.revoked_by, head_);
  EXPECT_EQ(optional_iso(shown->grant.revoked_on), today().iso());
  EXPECT_EQ(shown->grant.revoke_reason, "The club has closed.");
  EXPECT_EQ(shown->platform, "whatsapp");
  ASSERT_EQ(shown->people.size(), 2u);
  EXPECT_EQ(shown->people[0].name, "Amara Okafor");

  EXPECT_EQ(audit_of("staff.contact.decide").size(), 1u);
  EXPECT_EQ(audit_of("staff.contact.revoke").size(), 1u);
  EXPECT_EQ(audit_of("staff.contact.view").size(), 1u);
}

TEST_P(StaffContactApprovalsTest, AnEndedApprovalCannotBeRevokedAndAnOpenOneLastsUntilRevoked) {
  ContactDecisionInput in = input({amara_});
  in.ends_on = in_days(3);
  auto ended = decide(head_, in);
  ASSERT_TRUE(ended.ok());
  auto open = decide(head_, input({ben_}));
  ASSERT_TRUE(open.ok());
  advance_days(400);
  EXPECT_TRUE(check(ben_, today()).approved);
  auto r = revoke(head_, *ended);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_NE(r.error().message.find("already ended"), std::string::npos);
}

TEST_P(StaffContactApprovalsTest, AGroupApprovalIsShownForAPersonToJudge) {
  ContactDecisionInput in = input({});
  in.group_description = "Parents of the Year 6 football team";
  auto id = decide(head_, in);
  ASSERT_TRUE(id.ok()) << id.error().message;
  ContactCheck c = check(dan_, today());
  EXPECT_FALSE(c.approved);
  EXPECT_EQ(c.group_approval_ids, std::vector<int64_t>{*id});
  EXPECT_NE(c.explanation.find("described group"), std::string::npos);
}

TEST_P(StaffContactApprovalsTest, RefusalsAreRecordedAndNeverApprovesUnderANeverPolicy) {
  ContactDecisionInput in = input({amara_});
  in.decision = ContactDecision::kRefused;
  in.reason = "Contact should go through the school office.";
  auto refused = decide(head_, in);
  ASSERT_TRUE(refused.ok()) << refused.error().message;
  EXPECT_FALSE(check(amara_, today()).approved);
  auto revoke_refusal = revoke(head_, *refused);
  ASSERT_FALSE(revoke_refusal.ok());
  EXPECT_EQ(revoke_refusal.error().code, ErrorCode::kConflict);

  staff_rules_.personal_contact = PersonalContact::kNever;
  const std::string before = staff_snapshot();
  auto approve = decide(head_, input({amara_}));
  ASSERT_FALSE(approve.ok());
  EXPECT_EQ(approve.error().code, ErrorCode::kForbidden);
  EXPECT_NE(approve.error().message.find("does not allow"), std::string::npos);
  EXPECT_EQ(staff_snapshot(), before);
  EXPECT_TRUE(decide(head_, in).ok());  // a refusal is still recorded
  ContactCheck c = check(amara_, today());
  EXPECT_FALSE(c.approved);
  EXPECT_NE(c.explanation.find("does not allow"), std::string::npos);
}

TEST_P(StaffContactApprovalsTest, OnlyTheProfilesApproversDecideAndNeverForThemselves) {
  const std::string before = staff_snapshot();
  for (int64_t who : {deputy_, dsl_, teacher2_, beta_head_}) {
    auto r = decide(who, input({amara_}));
    ASSERT_FALSE(r.ok()) << who;
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_NE(r.error().message.find("Only the Headteacher can"), std::string::npos)
        << r.error().message;
  }
  ContactDecisionInput own = input({amara_});
  own.staff_id = head_;
  auto self = decide(head_, own);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(staff_snapshot(), before);

  auto id = decide(exec_head_, input({amara_}));  // a trust-wide headteacher
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto by_teacher = revoke(teacher2_, *id);
  ASSERT_FALSE(by_teacher.ok());
  EXPECT_EQ(by_teacher.error().code, ErrorCode::kForbidden);
  auto by_subject = revoke(teacher_, *id);
  ASSERT_FALSE(by_subject.ok());
  EXPECT_EQ(by_subject.error().code, ErrorCode::kForbidden);

  staff_rules_.personal_contact_approvers = {Role::kDeputyHeadteacher};
  EXPECT_TRUE(decide(deputy_, input({ben_})).ok());
  auto head = decide(head_, input({ben_}));
  ASSERT_FALSE(head.ok());
  EXPECT_NE(head.error().message.find("the Deputy headteacher"), std::string::npos);
}

TEST_P(StaffContactApprovalsTest, BadInputIsRefusedAndWritesNothing) {
  const std::string before = staff_snapshot();
  auto refused = [&](ContactDecisionInput in, ErrorCode code, const std::string& words) {
    auto r = decide(head_, in);
    ASSERT_FALSE(r.ok()) << words;
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  };
  ContactDecisionInput in = input({amara_});
  in.reason = " \n ";
  refused(in, ErrorCode::kInvalid, "Say why");
  in = input({amara_});
  in.ends_on = in_days(-1);
  refused(in, ErrorCode::kInvalid, "before it starts");
  in = input({amara_});
  in.starts_on = in_days(-1);
  refused(in, ErrorCode::kInvalid, "given in advance");
  in = input({amara_, beta_pupil_});
  refused(in, ErrorCode::kNotFound, "at this school");
  in = input({teacher2_});
  refused(in, ErrorCode::kInvalid, "not a pupil or a parent");
  in = input({amara_});
  in.platform = "Carrier pigeon";
  refused(in, ErrorCode::kInvalid, "not a platform");
  in = input({amara_});
  in.reason = "ok \xFF\xFE";
  refused(in, ErrorCode::kInvalid, "not valid text");
  in = input({});
  refused(in, ErrorCode::kInvalid, "Name the pupils or parents");
  in = input({amara_});
  in.staff_id = beta_teacher_;
  refused(in, ErrorCode::kNotFound, "no member of staff");
  in = input({amara_});
  in.staff_id = left_;
  refused(in, ErrorCode::kInvalid, "no longer a current member of staff");
  EXPECT_EQ(staff_snapshot(), before);

  auto other_school = read([&](Connection& c) {
    return contact_approved_on(c, staff_rules_, alpha_, teacher_, beta_pupil_, "whatsapp", today());
  });
  ASSERT_FALSE(other_school.ok());
  EXPECT_EQ(other_school.error().code, ErrorCode::kNotFound);
}

TEST_P(StaffContactApprovalsTest, ListsAreAuditedViewsAndScopedToTheSchool) {
  ASSERT_TRUE(decide(head_, input({amara_})).ok());
  ContactDecisionInput other = input({ben_});
  other.staff_id = teacher2_;
  other.platform = "personal email";
  ASSERT_TRUE(decide(head_, other).ok());
  auto all = write([&](Connection& c) {
    return list_contact_approvals(SchoolScope{c, clock_, actor(head_), alpha_});
  });
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  auto mine = write([&](Connection& c) {
    return list_contact_approvals(SchoolScope{c, clock_, actor(head_), alpha_}, teacher2_);
  });
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1u);
  EXPECT_EQ((*mine)[0].platform, "email");
  EXPECT_EQ(contact_channel_label((*mine)[0].platform), "Personal email");
  auto beta = write([&](Connection& c) {
    return list_contact_approvals(SchoolScope{c, clock_, actor(beta_head_), beta_});
  });
  ASSERT_TRUE(beta.ok());
  EXPECT_TRUE(beta->empty());
  auto probe = write([&](Connection& c) {
    return get_contact_approval(SchoolScope{c, clock_, actor(beta_head_), beta_}, (*all)[0].id);
  });
  ASSERT_FALSE(probe.ok());
  EXPECT_EQ(probe.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(audit_of("staff.contact.view").size(), 3u);
}

INLOCO_INSTANTIATE_BACKENDS(StaffContactApprovalsTest);

}  // namespace
}  // namespace inloco

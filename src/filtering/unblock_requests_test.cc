// REQ NET-3: a request to unblock a site goes to ICT, who check it, and is
// approved or refused in writing by the headteacher; the decision and its
// effect (a time-limited exception) are recorded and audited.
#include "filtering/unblock_requests.h"

#include <gtest/gtest.h>

#include "accounts/account_test_fixture.h"
#include "notices/notice_store.h"

namespace inloco::filter {
namespace {

class UnblockRequestTest : public test::AccountFixture {
 protected:
  Result<int64_t> ask(int64_t by, UnblockInput in) {
    return write([&](Connection& c) {
      return request_unblock(SchoolScope{c, clock_, actor(by), alpha_}, rules_, in);
    });
  }
  UnblockInput lesson_site() {
    return {"https://www.Science-Museum.org.uk/see-and-do/",
            "Year 6 space topic: the museum's videos", "", 7};
  }
  Status check(int64_t by, int64_t id, std::string note) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return check_unblock(SchoolScope{c, clock_, actor(by), alpha_}, g, rules_, id, note);
    });
  }
  Status decide(int64_t by, int64_t id, bool approve, std::string reason) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return decide_unblock(SchoolScope{c, clock_, actor(by), alpha_}, g, rules_, id, approve,
                            reason);
    });
  }
  std::vector<FilterException> in_force() {
    auto r = read([&](Connection& c) { return exceptions_in_force(c, alpha_, clock_.now()); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<FilterException>{};
  }
  std::vector<NoticeKind> notice_kinds(int64_t person) {
    std::vector<NoticeKind> out;
    auto r = read([&](Connection& c) { return notices_for(c, person, 20); });
    if (r.ok())
      for (const Notice& n : *r) out.push_back(n.kind);
    return out;
  }
  FilterRules rules_;
};

TEST_P(UnblockRequestTest, IctAndTheHeadAreToldAndSoIsTheRequesterOfTheDecision) {
  auto id = ask(teacher_, lesson_site());
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(notice_kinds(ict_), std::vector<NoticeKind>{NoticeKind::kUnblockRequested});
  EXPECT_EQ(notice_kinds(head_), std::vector<NoticeKind>{NoticeKind::kUnblockRequested});
  EXPECT_TRUE(notice_kinds(teacher_).empty());
  EXPECT_TRUE(notice_kinds(teacher2_).empty());
  ASSERT_TRUE(decide(head_, *id, false, "Not needed").ok());
  EXPECT_EQ(notice_kinds(teacher_), std::vector<NoticeKind>{NoticeKind::kUnblockDecided});
}

TEST_P(UnblockRequestTest, TheSiteIsNormalisedAndTheReasonRequired) {
  EXPECT_EQ(*unblock_domain("https://WWW.Example.ORG./page?x=1"), "example.org");
  EXPECT_EQ(*unblock_domain("example.org/path"), "example.org");
  EXPECT_EQ(*unblock_domain("http://0x7f000001/"), "127.0.0.1");
  EXPECT_FALSE(unblock_domain("").ok());
  EXPECT_FALSE(unblock_domain("not a site at all").ok());

  UnblockInput no_reason = lesson_site();
  no_reason.reason = "  ";
  auto r = ask(teacher_, no_reason);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("what the site is needed for"), std::string::npos);
  UnblockInput bad_group = lesson_site();
  bad_group.for_group = "year-7";
  EXPECT_EQ(ask(teacher_, bad_group).error().code, ErrorCode::kInvalid);
  UnblockInput too_long = lesson_site();
  too_long.days = kMaxUnblockDays + 1;
  EXPECT_EQ(ask(teacher_, too_long).error().code, ErrorCode::kInvalid);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_unblock_requests"), 0);
}

TEST_P(UnblockRequestTest, IctChecksAndTheHeadApprovesInWriting) {
  auto id = ask(teacher_, lesson_site());
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto stored = read([&](Connection& c) { return get_unblock_request(c, alpha_, *id); });
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->domain, "science-museum.org.uk");
  EXPECT_EQ(stored->status, UnblockStatus::kWaiting);

  // Only ICT checks; only the head decides; never without words.
  EXPECT_EQ(check(teacher2_, *id, "Looks fine").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(check(ict_, *id, "").error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(check(ict_, *id, "A museum's site; listed as 'culture' only by mistake.").ok());
  EXPECT_EQ(decide(ict_, *id, true, "OK").error().code, ErrorCode::kForbidden);
  EXPECT_EQ(decide(head_, *id, true, "").error().code, ErrorCode::kInvalid);
  ASSERT_TRUE(decide(head_, *id, true, "Approved for the space topic this week.").ok());

  auto exceptions = in_force();
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].domain, "science-museum.org.uk");
  EXPECT_EQ(exceptions[0].for_person_id, teacher_);
  EXPECT_EQ(exceptions[0].ends_at - exceptions[0].starts_at, 7 * 86400);
  // Decided once: nothing changes it afterwards.
  EXPECT_EQ(decide(head_, *id, false, "Changed my mind").error().code, ErrorCode::kConflict);
  EXPECT_EQ(check(ict_, *id, "again").error().code, ErrorCode::kConflict);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'filter.unblock_%'"), 3);

  // Eight days later it is over.
  clock_.advance(8 * 86400);
  EXPECT_TRUE(in_force().empty());
}

TEST_P(UnblockRequestTest, ARefusalAddsNoExceptionAndTheHeadCannotApproveTheirOwn) {
  auto id = ask(teacher_, lesson_site());
  ASSERT_TRUE(
      decide(head_, *id, false, "Use the museum's resources already on the learning platform.")
          .ok());
  EXPECT_TRUE(in_force().empty());
  auto r = read([&](Connection& c) { return get_unblock_request(c, alpha_, *id); });
  EXPECT_EQ(r->status, UnblockStatus::kRefused);
  EXPECT_EQ(r->decision_reason, "Use the museum's resources already on the learning platform.");

  UnblockInput for_pupils = lesson_site();
  for_pupils.for_group = "pupils";
  auto own = ask(head_, for_pupils);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(decide(head_, *own, true, "Fine").error().code, ErrorCode::kForbidden);
}

TEST_P(UnblockRequestTest, AnExceptionForAGroupEndsEarlyWithAReason) {
  UnblockInput for_pupils = lesson_site();
  for_pupils.for_group = "pupils";
  auto id = ask(teacher_, for_pupils);
  ASSERT_TRUE(decide(head_, *id, true, "For the class visit follow-up.").ok());
  auto exceptions = in_force();
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0].for_group, "pupils");
  EXPECT_FALSE(exceptions[0].for_person_id.has_value());
  Grants g = grants(teacher_);
  auto refused = write([&](Connection& c) {
    return end_exception(SchoolScope{c, clock_, actor(teacher_), alpha_}, g, rules_,
                         exceptions[0].id, "Done");
  });
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  Grants ict = grants(ict_);
  ASSERT_TRUE(write([&](Connection& c) {
                return end_exception(SchoolScope{c, clock_, actor(ict_), alpha_}, ict, rules_,
                                     exceptions[0].id, "The visit is over");
              }).ok());
  EXPECT_TRUE(in_force().empty());
}

INLOCO_INSTANTIATE_BACKENDS(UnblockRequestTest);

}  // namespace
}  // namespace inloco::filter

// REQ STF-2, STF-3: an approval of contact and an authorisation to blog count
// from their first day to their last, both included, and stop counting from
// the day they are revoked; a revocation needs a reason, is refused for one
// already revoked or ended, and is written once.
#include "staff/dated_grant.h"

#include <gtest/gtest.h>

#include "staff/blog_authorisations.h"
#include "staff/staff_members.h"
#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

CalendarDate day(int y, int m, int d) { return CalendarDate{y, m, d}; }

// 1 to 30 April 2026.
DatedGrant april() {
  DatedGrant g;
  g.starts_on = day(2026, 4, 1);
  g.ends_on = day(2026, 4, 30);
  return g;
}

DatedGrant revoked_on(DatedGrant g, const CalendarDate& on) {
  g.revoked_by = 7;
  g.revoked_by_name = "Hannah Head";
  g.revoked_at = days_since_epoch(on) * 86400 + 3600;
  g.revoked_on = on;
  g.revoke_reason = "The club has closed.";
  return g;
}

TEST(DatedGrantTest, InForceFromTheFirstDayToTheLastBothIncluded) {
  const DatedGrant g = april();
  EXPECT_FALSE(g.in_force_on(day(2026, 3, 31)));
  EXPECT_TRUE(g.in_force_on(day(2026, 4, 1)));
  EXPECT_TRUE(g.in_force_on(day(2026, 4, 15)));
  EXPECT_TRUE(g.in_force_on(day(2026, 4, 30)));
  EXPECT_FALSE(g.in_force_on(day(2026, 5, 1)));
  EXPECT_FALSE(g.in_force_on(day(2027, 4, 15)));
}

TEST(DatedGrantTest, WithoutAnEndItLastsUntilRevoked) {
  DatedGrant g = april();
  g.ends_on.reset();
  EXPECT_FALSE(g.in_force_on(day(2026, 3, 31)));
  EXPECT_TRUE(g.in_force_on(day(2036, 12, 31)));
  const DatedGrant r = revoked_on(g, day(2027, 1, 10));
  EXPECT_TRUE(r.in_force_on(day(2027, 1, 9)));
  EXPECT_FALSE(r.in_force_on(day(2027, 1, 10)));
  EXPECT_FALSE(r.in_force_on(day(2036, 12, 31)));
}

TEST(DatedGrantTest, NotInForceFromTheDayOfRevocation) {
  const DatedGrant g = revoked_on(april(), day(2026, 4, 10));
  EXPECT_TRUE(g.in_force_on(day(2026, 4, 1)));
  EXPECT_TRUE(g.in_force_on(day(2026, 4, 9)));
  EXPECT_FALSE(g.in_force_on(day(2026, 4, 10)));
  EXPECT_FALSE(g.in_force_on(day(2026, 4, 30)));
  // Revoked on its first day: it never counted.
  const DatedGrant first = revoked_on(april(), day(2026, 4, 1));
  EXPECT_FALSE(first.in_force_on(day(2026, 4, 1)));
}

TEST(DatedGrantTest, DaysCompareAsDatesNotAsText) {
  DatedGrant g;
  g.starts_on = day(2026, 9, 30);
  g.ends_on = day(2026, 10, 1);
  EXPECT_TRUE(g.in_force_on(day(2026, 10, 1)));
  EXPECT_FALSE(g.in_force_on(day(2026, 10, 2)));
  EXPECT_FALSE(g.in_force_on(day(2026, 9, 29)));
}

TEST(DatedGrantTest, RevocableUntilTheLastDayAndOnlyOnce) {
  const DatedGrant g = april();
  EXPECT_TRUE(g.revocable_on(day(2026, 3, 20)));  // before it starts
  EXPECT_TRUE(g.revocable_on(day(2026, 4, 15)));
  EXPECT_TRUE(g.revocable_on(day(2026, 4, 30)));  // its last day
  EXPECT_FALSE(g.revocable_on(day(2026, 5, 1)));  // ended
  const DatedGrant r = revoked_on(g, day(2026, 4, 10));
  EXPECT_FALSE(r.revocable_on(day(2026, 4, 5)));
  EXPECT_FALSE(r.revocable_on(day(2026, 4, 15)));
  DatedGrant open = april();
  open.ends_on.reset();
  EXPECT_TRUE(open.revocable_on(day(2040, 1, 1)));
}

TEST(DatedGrantTest, ARevocationNeedsAReasonAndRefusesOneRevokedOrEnded) {
  const DatedGrant g = april();
  auto ok = revocation_reason(GrantKind::kContactApproval, g, day(2026, 4, 30), "  Left.  ");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(*ok, "Left.");

  auto none = revocation_reason(GrantKind::kContactApproval, g, day(2026, 4, 10), " \n ");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(none.error().message, "Say why the approval is revoked.");
  auto bad = revocation_reason(GrantKind::kBlogAuthorisation, g, day(2026, 4, 10), "why\x80");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalid);

  auto ended = revocation_reason(GrantKind::kBlogAuthorisation, g, day(2026, 5, 1), "Left.");
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(ended.error().code, ErrorCode::kConflict);
  EXPECT_EQ(ended.error().message,
            "This authorisation already ended on 2026-04-30; there is nothing to revoke.");

  const DatedGrant r = revoked_on(g, day(2026, 4, 10));
  auto twice = revocation_reason(GrantKind::kContactApproval, r, day(2026, 4, 12), "Again.");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().message,
            "This approval was already revoked on 2026-04-10 by Hannah Head.");
  // Already revoked is said before a missing reason.
  auto both = revocation_reason(GrantKind::kContactApproval, r, day(2026, 4, 12), "");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().code, ErrorCode::kConflict);
}

TEST(DatedGrantTest, StoredDaysAreReadOnceAndOnlyInTheirOwnForm) {
  auto row = [](SqlValue starts, SqlValue ends, SqlValue revoked_on) {
    return Row({std::move(starts), std::move(ends), SqlValue(), SqlValue(""), SqlValue(),
                std::move(revoked_on), SqlValue("")});
  };
  auto g = dated_grant_from_row(row("2026-04-01", "2026-04-30", SqlValue()), 0);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g->starts_on, day(2026, 4, 1));
  EXPECT_EQ(optional_iso(g->ends_on), "2026-04-30");
  EXPECT_FALSE(g->revoked_on.has_value());
  EXPECT_FALSE(g->revoked_at.has_value());

  for (const char* damaged : {"01/04/2026", "2026-02-30", "", "2026-4-1"}) {
    auto bad = dated_grant_from_row(row(damaged, SqlValue(), SqlValue()), 0);
    ASSERT_FALSE(bad.ok()) << damaged;
    EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
    // The stored text is for the log, not for the page.
    EXPECT_NE(bad.error().internal_detail.find("'" + std::string(damaged) + "'"),
              std::string::npos);
    EXPECT_EQ(bad.error().message, "A date stored with this record could not be read.");
  }
  auto bad_end = dated_grant_from_row(row("2026-04-01", "next Friday", SqlValue()), 0);
  EXPECT_FALSE(bad_end.ok());
}

// The one write of the revocation columns, through the database.
class DatedGrantRevocationTest : public test::StaffFixture {
 protected:
  int64_t authorised() {
    BlogAuthorisationInput in;
    in.staff_id = teacher_;
    in.scope = "Articles about outdoor learning.";
    Grants g = grants(head_);
    auto id = write([&](Connection& c) {
      return authorise_blogging(SchoolScope{c, clock_, actor(head_), alpha_}, g, staff_rules_, in);
    });
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  DatedGrant stored(int64_t id) {
    auto b = read([&](Connection& c) { return get_blog_authorisation(c, alpha_, id); });
    EXPECT_TRUE(b.ok());
    return b.ok() ? b->grant : DatedGrant{};
  }

  Status revoke(int64_t id, const DatedGrant& as_read, std::string_view reason) {
    return write([&](Connection& c) {
      return revoke_dated_grant(SchoolScope{c, clock_, actor(head_), alpha_},
                                GrantKind::kBlogAuthorisation, id, teacher_, as_read, reason);
    });
  }
};

TEST_P(DatedGrantRevocationTest, WritesTheRevocationOnceWithItsAuditEntry) {
  const int64_t id = authorised();
  ASSERT_GT(id, 0);
  const DatedGrant before = stored(id);
  EXPECT_EQ(before.starts_on, today());
  EXPECT_FALSE(before.revoked_at.has_value());

  const std::string unchanged = staff_snapshot();
  auto no_reason = revoke(id, before, "");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(staff_snapshot(), unchanged);

  advance_days(3);
  ASSERT_TRUE(revoke(id, before, "The blog named a pupil.").ok());
  const DatedGrant after = stored(id);
  EXPECT_EQ(after.starts_on, before.starts_on);
  EXPECT_EQ(after.revoked_by, head_);
  EXPECT_EQ(after.revoked_at, clock_.now());
  EXPECT_EQ(after.revoked_on, today());
  EXPECT_EQ(after.revoke_reason, "The blog named a pupil.");
  EXPECT_FALSE(after.in_force_on(today()));
  EXPECT_TRUE(after.in_force_on(in_days(-1)));

  // Someone holding the state read before the first revocation cannot write it again.
  const std::string revoked = staff_snapshot();
  advance_days(1);
  auto late = revoke(id, before, "Also revoked.");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kConflict);
  EXPECT_NE(late.error().message.find("at the same moment"), std::string::npos);
  EXPECT_EQ(staff_snapshot(), revoked);
  EXPECT_EQ(stored(id).revoke_reason, "The blog named a pupil.");
  EXPECT_EQ(audit_of("staff.blog.revoke").size(), 1u);
  EXPECT_TRUE(audit_of("staff.contact.revoke").empty());
}

INLOCO_INSTANTIATE_BACKENDS(DatedGrantRevocationTest);

}  // namespace
}  // namespace inloco

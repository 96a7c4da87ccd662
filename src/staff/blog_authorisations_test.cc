// REQ STF-3: authorisation to blog or post about the school is recorded: who,
// for what, by whom, when and until when; it can be revoked; only the
// profile's authorisers give it.
// REQ IAM-3: authorisations and revocations are audited.
#include "staff/blog_authorisations.h"

#include <gtest/gtest.h>

#include "staff/staff_members.h"
#include "staff/staff_test_fixture.h"

namespace inloco {
namespace {

class StaffBlogAuthorisationsTest : public test::StaffFixture {
 protected:
  BlogAuthorisationInput input(BlogChannel channel = BlogChannel::kBlog) {
    BlogAuthorisationInput in;
    in.staff_id = teacher_;
    in.channel = channel;
    in.address = "https://outdoorlearning.example.org";
    in.scope = "Articles about outdoor learning, without pupils' names or photographs.";
    return in;
  }

  Result<int64_t> authorise(int64_t by, const BlogAuthorisationInput& in) {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return authorise_blogging(SchoolScope{c, clock_, actor(by), alpha_}, g, staff_rules_, in);
    });
  }

  Status revoke(int64_t by, int64_t id, std::string reason = "The blog named a pupil.") {
    Grants g = grants(by);
    return write([&](Connection& c) {
      return revoke_blogging(SchoolScope{c, clock_, actor(by), alpha_}, g, staff_rules_, id,
                             reason);
    });
  }

  BlogCheck check(BlogChannel channel, const CalendarDate& on) {
    auto r = read([&](Connection& c) {
      return blogging_authorised_on(c, staff_rules_, alpha_, teacher_, channel, on);
    });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : BlogCheck{};
  }
};

TEST_P(StaffBlogAuthorisationsTest, AuthorisedForAChannelUntilItEndsOrIsRevoked) {
  BlogAuthorisationInput in = input();
  in.ends_on = in_days(30);
  auto id = authorise(head_, in);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto stored = read([&](Connection& c) { return get_blog_authorisation(c, alpha_, *id); });
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->authorised_by, head_);
  EXPECT_EQ(stored->authorised_at, clock_.now());
  EXPECT_EQ(stored->grant.starts_on.iso(), today().iso());
  EXPECT_EQ(optional_iso(stored->grant.ends_on), in_days(30).iso());
  EXPECT_EQ(stored->channel, BlogChannel::kBlog);

  EXPECT_TRUE(check(BlogChannel::kBlog, today()).authorised);
  EXPECT_TRUE(check(BlogChannel::kBlog, in_days(30)).authorised);
  EXPECT_FALSE(check(BlogChannel::kBlog, in_days(31)).authorised);
  EXPECT_FALSE(check(BlogChannel::kBlog, in_days(-1)).authorised);
  BlogCheck network = check(BlogChannel::kProfessionalNetwork, today());
  EXPECT_FALSE(network.authorised);
  EXPECT_NE(network.explanation.find("requires one"), std::string::npos) << network.explanation;

  advance_days(10);
  ASSERT_TRUE(revoke(head_, *id).ok());
  EXPECT_TRUE(check(BlogChannel::kBlog, in_days(-1)).authorised);
  EXPECT_FALSE(check(BlogChannel::kBlog, today()).authorised);
  auto twice = revoke(head_, *id);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  auto current =
      read([&](Connection& c) { return list_blog_authorisations(c, alpha_, teacher_, today()); });
  ASSERT_TRUE(current.ok());
  EXPECT_TRUE(current->empty());
  auto history = read([&](Connection& c) { return list_blog_authorisations(c, alpha_, teacher_); });
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].grant.revoke_reason, "The blog named a pupil.");
  EXPECT_EQ((*history)[0].grant.revoked_by, head_);

  EXPECT_EQ(audit_of("staff.blog.authorise").size(), 1u);
  EXPECT_EQ(audit_of("staff.blog.revoke").size(), 1u);
}

TEST_P(StaffBlogAuthorisationsTest, AnEndedAuthorisationCannotBeRevoked) {
  BlogAuthorisationInput in = input(BlogChannel::kPersonalAccount);
  in.starts_on = in_days(-60);  // recorded from the paper form it was given on
  in.ends_on = in_days(-1);
  auto id = authorise(head_, in);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto r = revoke(head_, *id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
}

TEST_P(StaffBlogAuthorisationsTest, OnlyTheProfilesAuthorisersAndNeverThemselves) {
  const std::string before = staff_snapshot();
  for (int64_t who : {deputy_, dsl_, teacher2_, beta_head_}) {
    auto r = authorise(who, input());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kForbidden);
    EXPECT_NE(r.error().message.find("the Headteacher"), std::string::npos);
  }
  BlogAuthorisationInput own = input();
  own.staff_id = head_;
  auto self = authorise(head_, own);
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(staff_snapshot(), before);

  auto id = authorise(head_, input());
  ASSERT_TRUE(id.ok());
  auto by_deputy = revoke(deputy_, *id);
  ASSERT_FALSE(by_deputy.ok());
  EXPECT_EQ(by_deputy.error().code, ErrorCode::kForbidden);

  staff_rules_.blog_authorisers = {Role::kDeputyHeadteacher, Role::kHeadteacher};
  EXPECT_TRUE(revoke(deputy_, *id).ok());
}

TEST_P(StaffBlogAuthorisationsTest, BadInputIsRefusedAndWritesNothing) {
  const std::string before = staff_snapshot();
  auto refused = [&](BlogAuthorisationInput in, ErrorCode code, const std::string& words) {
    auto r = authorise(head_, in);
    ASSERT_FALSE(r.ok()) << words;
    EXPECT_EQ(r.error().code, code) << r.error().message;
    EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
  };
  BlogAuthorisationInput in = input();
  in.scope = "";
  refused(in, ErrorCode::kInvalid, "Say what they may post");
  in = input();
  in.starts_on = in_days(5);
  in.ends_on = in_days(4);
  refused(in, ErrorCode::kInvalid, "before it starts");
  in = input();
  in.address = "blog\x80";
  refused(in, ErrorCode::kInvalid, "not valid text");
  in = input();
  in.address = "two\nlines";
  refused(in, ErrorCode::kInvalid, "one line");
  in = input();
  in.staff_id = beta_teacher_;
  refused(in, ErrorCode::kNotFound, "no member of staff");
  in = input();
  in.staff_id = ngozi_;
  refused(in, ErrorCode::kInvalid, "not a member of staff");
  EXPECT_EQ(staff_snapshot(), before);
}

TEST_P(StaffBlogAuthorisationsTest, TheCheckSaysWhatThePolicyExpects) {
  staff_rules_.blogging = Authorisation::kNotNeeded;
  BlogCheck c = check(BlogChannel::kBlog, today());
  EXPECT_FALSE(c.authorised);
  EXPECT_EQ(c.needed, Authorisation::kNotNeeded);
  EXPECT_NE(c.explanation.find("does not require"), std::string::npos);
  staff_rules_.blogging = Authorisation::kAdvised;
  EXPECT_NE(check(BlogChannel::kBlog, today()).explanation.find("advises"), std::string::npos);
}

INLOCO_INSTANTIATE_BACKENDS(StaffBlogAuthorisationsTest);

}  // namespace
}  // namespace inloco

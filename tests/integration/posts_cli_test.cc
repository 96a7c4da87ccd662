// `inloco posts ...` on a real SQLite database filled by `inloco demo`:
// listing, showing a post with its findings (the words and their byte span),
// the checks run again, approval as a named sign-in (never the author's own)
// and publishing with the live address, audited in that person's name from
// the command line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "people/school_store.h"
#include "posts/post_workflow.h"
#include "store/database.h"
#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using test::CliRun;

CliRun run(const std::string& args) { return test::run_inloco(args); }

class PostsCliTest : public test::DemoCliTest {
 protected:
  PostsCliTest() : DemoCliTest("inloco-posts-cli") {}

  CliRun posts(const std::string& args) {
    return run("posts " + args + " --school oakfield --db " + db_url_);
  }

  // A demo post in this state (the demo has one published and one approved).
  Post demo_post(PostStatus status) {
    auto p = db_->read([&](Connection& c) { return list_posts(c, oakfield_.id, status); });
    EXPECT_TRUE(p.ok() && !p->empty());
    return p.ok() && !p->empty() ? p->front() : Post{};
  }
  // The demo's draft whose wording the checks send for review: a finding about words.
  Post wording_draft() {
    auto p =
        db_->read([&](Connection& c) { return list_posts(c, oakfield_.id, PostStatus::kDraft); });
    EXPECT_TRUE(p.ok());
    if (p.ok())
      for (const Post& post : *p)
        for (const PostFinding& f : post.findings)
          if (f.start && f.end && post.verdict == Verdict::kReview) return post;
    ADD_FAILURE() << "the demo has a draft held for review for its wording";
    return Post{};
  }
  Post stored(int64_t id) {
    auto p = db_->read([&](Connection& c) { return get_post(c, oakfield_.id, id); });
    EXPECT_TRUE(p.ok());
    return p.ok() ? *p : Post{};
  }
  std::string username_of(int64_t person_id) {
    auto r = db_->read([&](Connection& c) {
      return c.query("SELECT username FROM user_accounts WHERE person_id = ?", {person_id});
    });
    EXPECT_TRUE(r.ok() && !r->empty()) << "person " << person_id << " has a sign-in";
    return r.ok() && !r->empty() ? (*r)[0][0].as_text() : "";
  }
};

// REQ PST-1
TEST_F(PostsCliTest, ListShowsTheSchoolsPostsAndFiltersByStatus) {
  Post published = demo_post(PostStatus::kPublished);
  Post draft = wording_draft();
  CliRun all = posts("list");
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_THAT(all.output, HasSubstr("published"));
  EXPECT_THAT(all.output, HasSubstr("approved"));
  EXPECT_THAT(all.output, HasSubstr("draft"));
  EXPECT_THAT(all.output, HasSubstr(published.author_name));

  CliRun only = posts("list --status published");
  ASSERT_EQ(only.exit_code, 0) << only.output;
  EXPECT_THAT(only.output, HasSubstr(published.draft.body.substr(0, 30)));
  EXPECT_THAT(only.output, Not(HasSubstr(draft.draft.body.substr(0, 30))));

  CliRun bad = posts("list --status lost");
  EXPECT_NE(bad.exit_code, 0);
}

// REQ PST-2, PST-8
TEST_F(PostsCliTest, ShowReportsTheStatusAndEveryFindingWithItsWordsAndSpan) {
  Post draft = wording_draft();
  ASSERT_FALSE(draft.findings.empty()) << "the demo draft is sent for review";
  CliRun shown = posts("show " + std::to_string(draft.id));
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr("status:     draft"));
  EXPECT_THAT(shown.output, HasSubstr(draft.draft.body));
  for (const PostFinding& f : draft.findings) {
    EXPECT_THAT(shown.output, HasSubstr(f.check));
    EXPECT_THAT(shown.output, HasSubstr(f.message));
    ASSERT_TRUE(f.start && f.end);
    EXPECT_THAT(shown.output, HasSubstr("\"" + f.match + "\""));
    EXPECT_THAT(shown.output, HasSubstr(std::to_string(*f.start) + "-" + std::to_string(*f.end)));
    EXPECT_EQ(draft.draft.body.substr(*f.start, *f.end - *f.start), f.match);
  }

  // The published post: where it is live and the pupils it stays linked to.
  Post published = demo_post(PostStatus::kPublished);
  CliRun pub = posts("show " + std::to_string(published.id));
  ASSERT_EQ(pub.exit_code, 0) << pub.output;
  EXPECT_THAT(pub.output, HasSubstr("status:     published"));
  ASSERT_TRUE(published.live_url);
  EXPECT_THAT(pub.output, HasSubstr("live at:    " + *published.live_url));
  EXPECT_THAT(pub.output, HasSubstr("pupils:"));
}

// REQ PST-2, PST-5
TEST_F(PostsCliTest, CheckRunsTheChecksAgainAndExitsOneUnlessTheyPass) {
  Post draft = wording_draft();
  CliRun review = posts("check " + std::to_string(draft.id));
  EXPECT_EQ(review.exit_code, 1) << review.output;
  EXPECT_THAT(review.output, HasSubstr("review"));
  EXPECT_THAT(review.output, HasSubstr("personal_opinion"));

  Post approved = demo_post(PostStatus::kApproved);
  CliRun pass = posts("check " + std::to_string(approved.id));
  EXPECT_EQ(pass.exit_code, 0) << pass.output;
  EXPECT_THAT(pass.output, HasSubstr(": pass"));

  // The demo's withdrawal of consent since publishing: the checks now refuse the published post.
  Post published = demo_post(PostStatus::kPublished);
  CliRun refused = posts("check " + std::to_string(published.id));
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("refuse"));
  EXPECT_THAT(refused.output, HasSubstr("consent"));
}

// REQ PST-7
TEST_F(PostsCliTest, TheAuthorCannotApproveTheirOwnPost) {
  Post draft = wording_draft();
  std::string author = username_of(draft.author_id);
  CliRun r = posts("approve " + std::to_string(draft.id) + " --as " + author);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_THAT(r.output, HasSubstr("You wrote this post, so someone else must approve it."));
  EXPECT_EQ(stored(draft.id).status, PostStatus::kDraft);
}

// REQ PST-7
TEST_F(PostsCliTest, OnlyTheProfilesApproversAtThatSchoolMayApprove) {
  Post draft = wording_draft();
  for (const char* who : {"staff.oakfield", "head.riverside"}) {
    CliRun r = posts("approve " + std::to_string(draft.id) + " --as " + who);
    EXPECT_EQ(r.exit_code, 1) << who << ": " << r.output;
    EXPECT_THAT(r.output, HasSubstr("may not approve posts at Oakfield Primary School")) << who;
  }
  CliRun nobody = posts("approve " + std::to_string(draft.id) + " --as no.such.person");
  EXPECT_EQ(nobody.exit_code, 1);
  EXPECT_THAT(nobody.output, HasSubstr("There is no sign-in with the username 'no.such.person'"));
  EXPECT_EQ(stored(draft.id).status, PostStatus::kDraft);
}

// REQ PST-7, PST-8
TEST_F(PostsCliTest, TheHeadApprovesThenThePosterPublishesAndShowReportsTheAddress) {
  Post draft = wording_draft();
  std::string id = std::to_string(draft.id);
  std::string author = username_of(draft.author_id);
  const std::string url = "https://www.facebook.com/oakfieldprimary.example/posts/2002";

  CliRun early = posts("publish " + id + " --as " + author + " --url " + url);
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_THAT(early.output, HasSubstr("has not been approved"));

  CliRun approve = posts("approve " + id + " --as head.oakfield");
  ASSERT_EQ(approve.exit_code, 0) << approve.output;
  EXPECT_THAT(approve.output, HasSubstr("approved by"));
  EXPECT_THAT(approve.output, HasSubstr("(head.oakfield)"));
  Post approved = stored(draft.id);
  EXPECT_EQ(approved.status, PostStatus::kApproved);
  ASSERT_TRUE(approved.approved_by);
  EXPECT_EQ(username_of(*approved.approved_by), "head.oakfield");

  CliRun bad_url = posts("publish " + id + " --as " + author + " --url not-an-address");
  EXPECT_EQ(bad_url.exit_code, 1);
  EXPECT_THAT(bad_url.output, HasSubstr("live address"));

  CliRun publish = posts("publish " + id + " --as " + author + " --url " + url);
  ASSERT_EQ(publish.exit_code, 0) << publish.output;
  CliRun shown = posts("show " + id);
  ASSERT_EQ(shown.exit_code, 0) << shown.output;
  EXPECT_THAT(shown.output, HasSubstr("status:     published"));
  EXPECT_THAT(shown.output, HasSubstr("live at:    " + url));
  EXPECT_EQ(stored(draft.id).live_url.value_or(""), url);

  // Audited in the person's name, from the command line.
  auto audit = db_->read([&](Connection& c) {
    return c.query(
        "SELECT action, actor, actor_id, source FROM audit_log WHERE record_type = 'post' AND "
        "record_id = ? "
        "AND action IN ('post.approve', 'post.publish') ORDER BY id",
        {id});
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0][0].as_text(), "post.approve");
  EXPECT_THAT((*audit)[0][1].as_text(), HasSubstr("(head.oakfield)"));
  EXPECT_EQ((*audit)[0][2].as_int(), *approved.approved_by);
  EXPECT_EQ((*audit)[0][3].as_text(), "cli");
  EXPECT_EQ((*audit)[1][0].as_text(), "post.publish");
  EXPECT_THAT((*audit)[1][1].as_text(), HasSubstr("(" + author + ")"));
  EXPECT_EQ((*audit)[1][3].as_text(), "cli");
}

TEST_F(PostsCliTest, UnknownPostsSchoolsAndDatabasesAreClearErrors) {
  CliRun post = posts("show 9999");
  EXPECT_EQ(post.exit_code, 1);
  EXPECT_THAT(post.output, HasSubstr("There is no post 9999 at this school"));
  CliRun approve = posts("approve 9999 --as head.oakfield");
  EXPECT_EQ(approve.exit_code, 1);
  EXPECT_THAT(approve.output, HasSubstr("There is no post 9999"));

  CliRun school = run("posts list --school nowhere --db " + db_url_);
  EXPECT_EQ(school.exit_code, 1);
  EXPECT_THAT(school.output, HasSubstr("There is no school with the code 'nowhere'"));

  // A post of Oakfield is not found from Riverside.
  Post draft = wording_draft();
  CliRun other =
      run("posts show " + std::to_string(draft.id) + " --school riverside --db " + db_url_);
  EXPECT_EQ(other.exit_code, 1);

  EXPECT_EQ(run("posts list --school oakfield --db nonsense:x").exit_code, 2);
  for (const char* sub : {"list", "show", "check", "approve", "publish"}) {
    CliRun help = run(std::string("posts ") + sub + " --help");
    EXPECT_EQ(help.exit_code, 0) << sub;
    EXPECT_THAT(help.output, HasSubstr("--school")) << sub;
  }
}

}  // namespace
}  // namespace inloco

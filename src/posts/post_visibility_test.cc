// REQ PST-7: the approver reads every post; other writers see only their own.
// REQ ORG-1: another school's posts and images are never shown.
// Who may see a post (post_visibility.h) and the views that apply the rule
// for the pages and the API (post_view.h), on both databases.
#include "posts/post_visibility.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "accounts/account_test_fixture.h"
#include "media/media_store.h"
#include "media/test_images.h"
#include "posts/post_view.h"
#include "posts/post_workflow.h"

namespace inloco {
namespace {

class PostVisibilityTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    test::AccountFixture::SetUp();
    if (HasFatalFailure()) return;
    char tmpl[] = "/tmp/inloco-post-view-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    media_dir_ = tmpl;
    account_ = open_account();
    ASSERT_TRUE(authorise(account_, teacher_, AuthorisationKind::kPost).ok());
    ASSERT_TRUE(authorise(account_, teacher2_, AuthorisationKind::kPost).ok());
    auto schools = read([&](Connection& c) -> Result<std::pair<School, School>> {
      School a = TRY(get_school(c, alpha_));
      School b = TRY(get_school(c, beta_));
      return std::pair{a, b};
    });
    ASSERT_TRUE(schools.ok()) << schools.error().message;
    alpha_school_ = schools->first;
    beta_school_ = schools->second;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(media_dir_, ec);
    test::AccountFixture::TearDown();
  }

  int64_t image(int64_t school) {
    auto item =
        store_media(db(), clock_, actor(teacher_), school, media_dir_,
                    MediaUpload{"trip.jpg",
                                "image/jpeg",
                                test::tiny_jpeg(),
                                {"Taken by Mr Teacher", "The school", RightsBasis::kOwn, ""}});
    EXPECT_TRUE(item.ok()) << (item.ok() ? "" : item.error().message);
    return item.ok() ? item->id : 0;
  }

  // A draft by `author`, with no check finding anything.
  int64_t post(int64_t author, std::vector<int64_t> media_ids = {}) {
    PostRules post_rules;
    PostCheckContext ctx{post_rules, rules_, CalendarDate{2026, 9, 1},
                         [](Connection&, int64_t, std::string_view,
                            const CalendarDate&) -> Result<bool> { return true; },
                         [](std::string_view, bool) -> Result<std::vector<PostFinding>> {
                           return std::vector<PostFinding>{};
                         }};
    PostDraft d;
    d.account_id = account_;
    d.objective = "event_reminder";
    d.body = "Sports day is on Friday.";
    d.media_ids = std::move(media_ids);
    Actor a = actor(author);
    Grants g = grants(author);
    auto id = write([&](Connection& c) {
      return save_post(SchoolScope{c, clock_, a, alpha_}, g, ctx, trust_, std::nullopt, d);
    });
    EXPECT_TRUE(id.ok()) << (id.ok() ? "" : id.error().message);
    return id.ok() ? *id : 0;
  }

  Post load(int64_t id) {
    auto p = read([&](Connection& c) { return get_post(c, alpha_, id); });
    EXPECT_TRUE(p.ok());
    return p.ok() ? *p : Post{};
  }

  bool sees(int64_t person, const Post& p, const School& school) {
    Grants g = grants(person);
    return may_see_post(p, PostViewer{person, g}, school);
  }

  std::vector<int64_t> listed_for(int64_t person) {
    Grants g = grants(person);
    auto posts = read([&](Connection& c) {
      return visible_posts(c, alpha_school_, PostViewer{person, g});
    });
    EXPECT_TRUE(posts.ok());
    std::vector<int64_t> ids;
    if (posts.ok())
      for (const auto& p : *posts) ids.push_back(p.id);
    return ids;
  }

  Result<PostView> view(int64_t person, int64_t post_id) {
    Grants g = grants(person);
    return read([&](Connection& c) {
      return view_post(c, alpha_school_, post_id, PostViewer{person, g});
    });
  }

  std::string media_dir_;
  int64_t account_ = 0;
  School alpha_school_, beta_school_;
};

TEST_P(PostVisibilityTest, TheAuthorAndThoseWhoApproveSeeAPostNobodyElse) {
  Post p = load(post(teacher_));
  EXPECT_TRUE(sees(teacher_, p, alpha_school_)) << "the author";
  EXPECT_FALSE(sees(teacher2_, p, alpha_school_)) << "another writer at the school";
  EXPECT_TRUE(sees(head_, p, alpha_school_)) << "an approver at the school";
  EXPECT_TRUE(sees(deputy_, p, alpha_school_));
  EXPECT_TRUE(sees(exec_head_, p, alpha_school_)) << "an approver across the trust";
  EXPECT_FALSE(sees(beta_head_, p, alpha_school_)) << "an approver at another school";
  EXPECT_FALSE(sees(governor_, p, alpha_school_));
  EXPECT_FALSE(sees(head_, p, beta_school_)) << "shown only at its own school";
}

TEST_P(PostVisibilityTest, TheListHoldsOnlyThePostsThePersonMaySee) {
  int64_t mine = post(teacher_);
  int64_t theirs = post(teacher2_);
  EXPECT_EQ(listed_for(teacher_), std::vector<int64_t>{mine});
  EXPECT_EQ(listed_for(teacher2_), std::vector<int64_t>{theirs});
  auto all = listed_for(head_);
  EXPECT_EQ(all.size(), 2u);
  EXPECT_TRUE(listed_for(beta_head_).empty());
}

TEST_P(PostVisibilityTest, AnotherWritersPostIsAnsweredAsNoneOfTheirs) {
  int64_t id = post(teacher_);
  auto own = view(teacher_, id);
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(own->post.id, id);
  auto other = view(teacher2_, id);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(other.error().message, "There is no such post among yours.");
  auto missing = view(head_, id + 1000);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(PostVisibilityTest, APostShowsOnlyItsOwnSchoolsImagesInOrder) {
  int64_t first = image(alpha_);
  int64_t second = image(alpha_);
  int64_t id = post(teacher_, {second, first});
  // An image of another school on an old or altered record is left out, not shown.
  int64_t theirs = image(beta_);
  ASSERT_TRUE(write([&](Connection& c) {
                return c.execute(
                    "INSERT INTO post_media (post_id, media_id, position) VALUES (?, ?, ?)",
                    {id, theirs, int64_t{99}});
              }).ok());
  auto v = view(teacher_, id);
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_EQ(v->images.size(), 2u);
  EXPECT_EQ(v->images[0].id, second);
  EXPECT_EQ(v->images[1].id, first);
}

TEST_P(PostVisibilityTest, AnImagesPostsAreThoseThePersonMaySee) {
  int64_t picture = image(alpha_);
  int64_t mine = post(teacher_, {picture});
  post(teacher2_, {picture});
  auto using_for = [&](int64_t person) {
    Grants g = grants(person);
    auto posts = read([&](Connection& c) {
      return visible_posts_using_media(c, alpha_school_, picture, PostViewer{person, g});
    });
    EXPECT_TRUE(posts.ok());
    return posts.ok() ? posts->size() : 0u;
  };
  EXPECT_EQ(using_for(teacher_), 1u);
  EXPECT_EQ(using_for(head_), 2u);
  EXPECT_EQ(load(mine).draft.media_ids, std::vector<int64_t>{picture});
}

INLOCO_INSTANTIATE_BACKENDS(PostVisibilityTest);

}  // namespace
}  // namespace inloco

// REQ PST-1, PST-4, PST-5, PST-6, PST-7, PST-8, PST-9, PST-10, CON-5: the
// post workflow on both databases, with every refusal leaving nothing saved.
#include "posts/post_workflow.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <set>

#include "accounts/account_test_fixture.h"
#include "media/media_store.h"
#include "media/test_images.h"

namespace inloco {
namespace {

class PostWorkflowTest : public test::AccountFixture {
 protected:
  void SetUp() override {
    test::AccountFixture::SetUp();
    account_ = open_account();
    ASSERT_TRUE(authorise(account_, teacher_, AuthorisationKind::kPost).ok());
    ASSERT_TRUE(authorise(account_, head_, AuthorisationKind::kPost).ok());
    auto other = db().transaction([&](Connection& c) {
      return person(c, PersonKind::kPupil, "Otto", "Other", beta_, std::nullopt);
    });
    ASSERT_TRUE(other.ok());
    other_pupil_ = *other;
    consented_.insert(pupil_);
    char tmpl[] = "/tmp/inloco-post-media-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    media_dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(media_dir_, ec);
    test::AccountFixture::TearDown();
  }

  // An image in a school's media library, taken on the given camera.
  int64_t image(int64_t school, const std::string& make, const std::string& model) {
    test::TestMetadata m;
    m.make = make;
    m.model = model;
    m.body_serial.clear();
    auto item =
        store_media(db(), clock_, actor(teacher_), school, media_dir_,
                    MediaUpload{"sports-day.jpg",
                                "image/jpeg",
                                test::with_metadata(test::tiny_jpeg(), m),
                                {"Taken by Mr Teacher", "The school", RightsBasis::kOwn, ""}});
    EXPECT_TRUE(item.ok()) << (item.ok() ? "" : item.error().message);
    return item.ok() ? item->id : 0;
  }
  bool has_finding(int64_t post, std::string_view check) {
    for (const auto& f : load(post).findings)
      if (f.check == check) return true;
    return false;
  }

  PostCheckContext context() {
    return PostCheckContext{
        post_rules_, rules_, CalendarDate{2026, 1, 10},
        [this](Connection&, int64_t pupil, std::string_view use, const CalendarDate&)
            -> Result<bool> { return use == kImagesUse && consented_.count(pupil) > 0; },
        [this](std::string_view text, bool) -> Result<std::vector<PostFinding>> {
          std::vector<PostFinding> out;
          if (text.find("rubbish") != std::string_view::npos) {
            PostFinding f;
            f.check = "offensive";
            f.verdict = text_verdict_;
            f.message = "offensive wording";
            f.start = text.find("rubbish");
            f.end = *f.start + 7;
            f.match = "rubbish";
            out.push_back(f);
          }
          return out;
        }};
  }

  PostDraft draft(std::string body = "Sports day is on Friday: bring a water bottle.") {
    PostDraft d;
    d.account_id = account_;
    d.objective = "event_reminder";
    d.body = std::move(body);
    return d;
  }

  Result<int64_t> save(int64_t who, const PostDraft& d, std::optional<int64_t> id = std::nullopt) {
    Actor a = actor(who);
    Grants g = grants(who);
    auto ctx = context();
    return db().transaction([&](Connection& c) {
      return save_post(SchoolScope{c, clock_, a, alpha_}, g, ctx, trust_, id, d);
    });
  }
  Status approve(int64_t who, int64_t id) {
    Actor a = actor(who);
    Grants g = grants(who);
    auto ctx = context();
    return db().transaction([&](Connection& c) {
      return approve_post(SchoolScope{c, clock_, a, alpha_}, g, ctx, trust_, id);
    });
  }
  Status publish(int64_t who, int64_t id,
                 const std::string& url = "https://facebook.com/alpha/posts/1") {
    Actor a = actor(who);
    Grants g = grants(who);
    auto ctx = context();
    return db().transaction([&](Connection& c) {
      return publish_post(SchoolScope{c, clock_, a, alpha_}, g, ctx, trust_, id, url);
    });
  }
  Post load(int64_t id) {
    auto p = db().read([&](Connection& c) { return get_post(c, alpha_, id); });
    EXPECT_TRUE(p.ok());
    return p.ok() ? *p : Post{};
  }

  PostRules post_rules_;
  std::string media_dir_;
  int64_t account_ = 0, other_pupil_ = 0;
  std::set<int64_t> consented_;
  Verdict text_verdict_ = Verdict::kRefuse;
};

TEST_P(PostWorkflowTest, DraftApprovePublishAndFindByPupil) {
  PostDraft d = draft();
  d.shows_images = true;
  d.pupil_ids = {pupil_};
  d.media_source = "Taken by Mr Teacher on the school iPad";
  auto id = save(teacher_, d);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(load(*id).verdict, Verdict::kPass);
  ASSERT_TRUE(approve(deputy_, *id).ok());
  ASSERT_TRUE(publish(teacher_, *id).ok());
  Post p = load(*id);
  EXPECT_EQ(p.status, PostStatus::kPublished);
  EXPECT_EQ(p.live_url.value_or(""), "https://facebook.com/alpha/posts/1");
  auto shown =
      db().read([&](Connection& c) { return published_posts_showing(c, pupil_, kImagesUse); });
  ASSERT_TRUE(shown.ok());
  ASSERT_EQ(shown->size(), 1u);
  EXPECT_EQ((*shown)[0].post_id, *id);
  auto videos =
      db().read([&](Connection& c) { return published_posts_showing(c, pupil_, kVideosUse); });
  EXPECT_TRUE(videos->empty());
}

TEST_P(PostWorkflowTest, AuthorNeverApprovesAndOnlyTheProfilesApproversDo) {
  auto id = save(head_, draft());
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto own = approve(head_, *id);
  ASSERT_FALSE(own.ok());
  EXPECT_NE(own.error().message.find("someone else"), std::string::npos);
  auto teacher = approve(teacher_, *id);
  ASSERT_FALSE(teacher.ok());
  EXPECT_EQ(teacher.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(approve(deputy_, *id).ok());
}

TEST_P(PostWorkflowTest, EditAfterApprovalWithdrawsIt) {
  auto id = save(teacher_, draft());
  ASSERT_TRUE(approve(deputy_, *id).ok());
  ASSERT_TRUE(save(teacher_, draft("Sports day moves to Monday."), *id).ok());
  Post p = load(*id);
  EXPECT_EQ(p.status, PostStatus::kDraft);
  EXPECT_FALSE(p.approved_by.has_value());
  EXPECT_FALSE(publish(teacher_, *id).ok());
}

TEST_P(PostWorkflowTest, PupilWithoutConsentStopsApprovalAndPublishing) {
  PostDraft d = draft();
  d.shows_images = true;
  d.media_source = "School camera";
  d.pupil_ids = {pupil_};
  auto id = save(teacher_, d);
  ASSERT_TRUE(approve(deputy_, *id).ok());
  consented_.clear();  // consent withdrawn after approval
  auto pub = publish(teacher_, *id);
  ASSERT_FALSE(pub.ok());
  ASSERT_FALSE(pub.error().details.empty());
  EXPECT_NE(pub.error().details[0].find("Pip Pupil"), std::string::npos);
  EXPECT_EQ(load(*id).status, PostStatus::kApproved);
  // A video needs video consent, which nobody has.
  consented_.insert(pupil_);
  d.shows_video = true;
  auto vid = save(teacher_, d);
  EXPECT_EQ(load(*vid).verdict, Verdict::kRefuse);
  EXPECT_FALSE(approve(deputy_, *vid).ok());
}

TEST_P(PostWorkflowTest, FullNameBesideAPhotoIsFoundWithItsSpan) {
  PostDraft d = draft("Well done to Pip Pupil for the art prize!");
  d.shows_images = true;
  d.media_source = "School camera";
  d.pupil_ids = {pupil_};
  auto id = save(teacher_, d);
  Post p = load(*id);
  EXPECT_EQ(p.verdict, Verdict::kRefuse);
  bool found = false;
  for (const auto& f : p.findings)
    if (f.check == "pupil_full_name_with_image") {
      found = true;
      EXPECT_EQ(d.body.substr(*f.start, *f.end - *f.start), "Pip Pupil");
    }
  EXPECT_TRUE(found);
  // The same words without a photo are not this finding.
  d.shows_images = false;
  auto plain = save(teacher_, d);
  for (const auto& f : load(*plain).findings) EXPECT_NE(f.check, "pupil_full_name_with_image");
}

TEST_P(PostWorkflowTest, TextFindingsFollowTheProfile) {
  auto id = save(teacher_, draft("That was rubbish"));
  EXPECT_EQ(load(*id).verdict, Verdict::kRefuse);
  text_verdict_ = Verdict::kReview;
  auto reviewed = save(teacher_, draft("That was rubbish"));
  EXPECT_EQ(load(*reviewed).verdict, Verdict::kReview);
  EXPECT_TRUE(approve(deputy_, *reviewed).ok()) << "the approver reviews it";
}

TEST_P(PostWorkflowTest, BadInputIsRefusedAndNothingSaved) {
  auto count = [&] { return scalar("SELECT COUNT(*) FROM posts"); };
  std::vector<PostDraft> bad;
  bad.push_back(draft(std::string("bad \xC3\x28 text")));
  bad.push_back(draft("   "));
  bad.push_back(draft(std::string(kMaxPostBytes + 1, 'a')));
  PostDraft wrong_objective = draft();
  wrong_objective.objective = "gossip";
  bad.push_back(wrong_objective);
  PostDraft other_school = draft();
  other_school.pupil_ids = {other_pupil_};
  bad.push_back(other_school);
  for (const auto& d : bad) {
    auto r = save(teacher_, d);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid) << r.error().message;
  }
  auto not_allowed = save(teacher2_, draft());
  ASSERT_FALSE(not_allowed.ok());
  EXPECT_EQ(not_allowed.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(count(), 0);
}

TEST_P(PostWorkflowTest, DuringAnIncidentOnlyDesignatedPeoplePostAboutIt) {
  auto incident = db().transaction([&](Connection& c) {
    return declare_incident(SchoolScope{c, clock_, actor(head_), alpha_},
                            "Flooding at the main site");
  });
  ASSERT_TRUE(incident.ok());
  PostDraft about = draft("The school is closed today because of flooding.");
  about.objective = "information_for_parents";
  about.incident_id = *incident;
  auto by_teacher = save(teacher_, about);
  EXPECT_EQ(load(*by_teacher).verdict, Verdict::kRefuse);
  auto by_head = save(head_, about);
  EXPECT_EQ(load(*by_head).verdict, Verdict::kPass);
  auto other = save(teacher_, draft());
  EXPECT_EQ(load(*other).verdict, Verdict::kReview) << "any post during an incident is looked at";
  ASSERT_TRUE(db().transaction([&](Connection& c) {
                    return close_incident(SchoolScope{c, clock_, actor(head_), alpha_}, *incident);
                  })
                  .ok());
  auto after = save(teacher_, draft());
  EXPECT_EQ(load(*after).verdict, Verdict::kPass);
}

TEST_P(PostWorkflowTest, AttachedImagesAreKeptInOrderAndCountAsPhotographs) {
  int64_t first = image(alpha_, "Apple", "iPad (9th generation)");
  int64_t second = image(alpha_, "Apple", "iPad (10th generation)");
  PostDraft d = draft();
  d.media_ids = {second, first, second};
  d.pupil_ids = {pupil_};
  auto id = save(teacher_, d);
  ASSERT_TRUE(id.ok()) << id.error().message;
  Post p = load(*id);
  EXPECT_EQ(p.draft.media_ids, (std::vector<int64_t>{second, first})) << "in order, each once";
  EXPECT_TRUE(p.draft.shows_images) << "an attached image is a photograph";
  EXPECT_FALSE(has_finding(*id, "media_source")) << "library images carry their own source (PST-6)";
  // Without image consent the tagged pupil stops it, though no box was ticked.
  consented_.clear();
  auto refused = save(teacher_, d, *id);
  ASSERT_TRUE(refused.ok());
  EXPECT_TRUE(has_finding(*id, "consent"));
  // Published, the post is found by an image-consent withdrawal (CON-5).
  consented_.insert(pupil_);
  ASSERT_TRUE(save(teacher_, d, *id).ok());
  ASSERT_TRUE(approve(deputy_, *id).ok());
  ASSERT_TRUE(publish(teacher_, *id).ok());
  auto shown =
      db().read([&](Connection& c) { return published_posts_showing(c, pupil_, kImagesUse); });
  ASSERT_EQ(shown->size(), 1u);
  // An edit replaces the attachments.
  auto again = save(teacher_, d);
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(save(teacher_, draft(), *again).ok());
  EXPECT_TRUE(load(*again).draft.media_ids.empty());
}

TEST_P(PostWorkflowTest, ImagesFromUnknownDevicesAreFlaggedForTheApprover) {
  ASSERT_TRUE(db().transaction([&](Connection& c) {
                    return add_device(
                        SchoolScope{c, clock_, actor(head_), alpha_},
                        {"Office iPad", "Apple", "iPad (9th generation)", std::nullopt});
                  })
                  .ok());
  int64_t approved = image(alpha_, "Apple", "iPad (9th generation)");
  int64_t unknown = image(alpha_, "Samsung", "SM-S918B");
  PostDraft d = draft();
  d.media_ids = {approved};
  auto ok = save(teacher_, d);
  EXPECT_FALSE(has_finding(*ok, "media_device"));
  EXPECT_EQ(load(*ok).verdict, Verdict::kPass);
  d.media_ids = {approved, unknown};
  auto flagged = save(teacher_, d);
  ASSERT_TRUE(flagged.ok());
  EXPECT_TRUE(has_finding(*flagged, "media_device"));
  EXPECT_EQ(load(*flagged).verdict, Verdict::kReview)
      << "flagged, not refused: the approver decides";
  for (const auto& f : load(*flagged).findings) {
    if (f.check == "media_device") {
      EXPECT_NE(f.message.find("SM-S918B"), std::string::npos);
    }
  }
  // A school whose policy does not limit devices is not told.
  post_rules_.approved_devices_only = false;
  auto relaxed = save(teacher_, d);
  EXPECT_FALSE(has_finding(*relaxed, "media_device"));
}

TEST_P(PostWorkflowTest, AnotherSchoolsImageIsRefusedAndNothingSaved) {
  int64_t theirs = image(beta_, "Apple", "iPad (9th generation)");
  PostDraft d = draft();
  d.media_ids = {theirs};
  auto r = save(teacher_, d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("not in this school's media library"), std::string::npos)
      << r.error().message;
  d.media_ids.assign(kMaxPostImages + 1, image(alpha_, "Apple", "iPad (9th generation)"));
  EXPECT_FALSE(save(teacher_, d).ok());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM posts"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM post_media"), 0);
}

INLOCO_INSTANTIATE_BACKENDS(PostWorkflowTest);

}  // namespace
}  // namespace inloco

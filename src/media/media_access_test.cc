// REQ PST-11: only the stripped copy of an image is ever sent.
// REQ ORG-1: another school's images are never shown.
// Who may see a picture (media_access.h), on both databases.
#include "media/media_access.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "media/image_metadata.h"
#include "media/test_images.h"
#include "people/school_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

class MediaAccessTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    char tmpl[] = "/tmp/inloco-media-access-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    auto ids = db().transaction([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
      int64_t trust = TRY(create_trust(c, clock_, Actor::system(), "Example Learning Trust"));
      School a{0, trust, "oakfield", "Oakfield Primary School", std::nullopt, "primary"};
      School b{0, trust, "riverside", "Riverside Academy", std::nullopt, "secondary"};
      int64_t first = TRY(create_school(c, clock_, Actor::system(), a));
      int64_t second = TRY(create_school(c, clock_, Actor::system(), b));
      return std::pair{first, second};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    school_ = ids->first;
    other_school_ = ids->second;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  int64_t image(int64_t school, const std::string& original = test::tiny_jpeg()) {
    auto item =
        store_media(db(), clock_, actor_, school, dir_,
                    MediaUpload{"trip.jpg",
                                "image/jpeg",
                                original,
                                {"Taken on the trip", "The school", RightsBasis::kOwn, ""}});
    EXPECT_TRUE(item.ok()) << (item.ok() ? "" : item.error().message);
    return item.ok() ? item->id : 0;
  }

  std::vector<int64_t> shown_at(int64_t school, const std::vector<int64_t>& ids) {
    auto items = db().read([&](Connection& c) { return media_shown_at(c, school, ids); });
    EXPECT_TRUE(items.ok()) << (items.ok() ? "" : items.error().message);
    std::vector<int64_t> out;
    if (items.ok())
      for (const auto& m : *items) out.push_back(m.id);
    return out;
  }

  FakeClock clock_;
  Actor actor_{std::nullopt, "Ruth Okafor (rokafor)", "127.0.0.1"};
  std::string dir_;
  int64_t school_ = 0;
  int64_t other_school_ = 0;
};

TEST_P(MediaAccessTest, OnlyTheSchoolsOwnImagesAreShownInTheOrderAsked) {
  int64_t first = image(school_);
  int64_t second = image(school_);
  int64_t theirs = image(other_school_);
  EXPECT_EQ(shown_at(school_, {second, theirs, first}), (std::vector<int64_t>{second, first}));
  EXPECT_EQ(shown_at(school_, {first, first + second + theirs + 1000}), std::vector<int64_t>{first})
      << "an image no longer there is left out";
  EXPECT_EQ(shown_at(other_school_, {first, second, theirs}), std::vector<int64_t>{theirs});
  EXPECT_TRUE(shown_at(school_, {}).empty());
}

TEST_P(MediaAccessTest, TheFileIsTheStrippedCopyAndOnlyAtItsOwnSchool) {
  int64_t id = image(school_, test::with_metadata(test::tiny_jpeg()));
  auto file = open_media_file(db(), school_, id, dir_);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->type, ImageType::kJpeg);
  auto meta = read_image_metadata(file->bytes);
  ASSERT_TRUE(meta.ok());
  EXPECT_FALSE(meta->has_metadata());
  EXPECT_FALSE(meta->gps_present);

  auto elsewhere = open_media_file(db(), other_school_, id, dir_);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code, ErrorCode::kNotFound);
  auto missing = open_media_file(db(), school_, id + 1000, dir_);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

INLOCO_INSTANTIATE_BACKENDS(MediaAccessTest);

}  // namespace
}  // namespace inloco

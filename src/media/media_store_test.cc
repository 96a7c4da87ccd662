// REQ PST-6: media records its source and owner; copied material needs
// acknowledgement or permission.
// REQ PST-10: unknown devices are flagged.
// REQ PST-11: only the copy without location and device metadata is kept.
#include "media/media_store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "media/content_store.h"
#include "media/image_metadata.h"
#include "media/test_images.h"
#include "people/school_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;

class MediaStoreTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    char tmpl[] = "/tmp/inloco-media-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    auto ids = db().transaction([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
      int64_t trust = TRY(create_trust(c, clock_, Actor::system(), "Example Learning Trust"));
      School a{0, trust, "oakfield", "Oakfield Primary School", std::nullopt, "primary"};
      School b{0, trust, "riverside", "Riverside Academy", std::nullopt, "secondary"};
      int64_t first = TRY(create_school(c, clock_, Actor::system(), a));
      int64_t second = TRY(create_school(c, clock_, Actor::system(), b));
      TRY(add_device(SchoolScope{c, clock_, Actor::system(), first},
                     {"School camera", "Canon", "Canon EOS 250D", "123052001234"}));
      return std::pair{first, second};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    school_ = ids->first;
    other_school_ = ids->second;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Result<MediaItem> store(std::string_view name, std::string_view type, std::string_view bytes,
                          MediaRights rights = own(), size_t max = kDefaultMaxImageBytes) {
    return store_media(db(), clock_, actor_, school_, dir_, MediaUpload{name, type, bytes, rights},
                       max);
  }
  static MediaRights own() {
    return {"Taken by Miss Patel on the school camera", "Oakfield Primary School",
            RightsBasis::kOwn, ""};
  }

  std::vector<fs::path> files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      if (e.is_regular_file()) out.push_back(e.path());
    return out;
  }
  int64_t count(const std::string& sql) {
    auto r = db().read([&](Connection& c) { return c.query(sql); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }
  int64_t media_rows() { return count("SELECT COUNT(*) FROM media_items"); }
  int64_t media_audits() {
    return count("SELECT COUNT(*) FROM audit_log WHERE action = 'media.store'");
  }
  void expect_nothing_kept() {
    EXPECT_EQ(media_rows(), 0);
    EXPECT_EQ(media_audits(), 0);
    EXPECT_TRUE(files().empty());
  }

  FakeClock clock_;
  Actor actor_{std::nullopt, "Ruth Okafor (rokafor)", "127.0.0.1"};
  std::string dir_;
  int64_t school_ = 0;
  int64_t other_school_ = 0;
};

TEST_P(MediaStoreTest, KeepsOnlyTheStrippedCopyAndWhatItsMetadataSaid) {
  test::TestMetadata t;
  t.thumbnail = true;
  std::string original = test::with_metadata(test::tiny_jpeg(), t);
  auto item = store("sports-day.jpg", "image/jpeg", original);
  ASSERT_TRUE(item.ok()) << item.error().message;

  EXPECT_EQ(item->type, ImageType::kJpeg);
  EXPECT_EQ(item->device_match, DeviceMatchKind::kApproved);
  EXPECT_TRUE(item->device_id.has_value());
  EXPECT_EQ(item->device_make, "Canon");
  EXPECT_EQ(item->device_model, "Canon EOS 250D");
  EXPECT_EQ(item->device_serial, "123052001234");
  EXPECT_EQ(item->taken_at, "2026-05-14T10:22:01");
  EXPECT_TRUE(item->gps_was_present);
  EXPECT_EQ(item->width, 8);
  EXPECT_EQ(item->original_name, "sports-day.jpg");
  EXPECT_NE(item->metadata_removed.find("EXIF"), std::string::npos);
  EXPECT_EQ(item->uploaded_at, clock_.now());
  EXPECT_EQ(item->uploaded_by_name, "Ruth Okafor (rokafor)");

  // One file: the stripped bytes under their own hash; the original is nowhere.
  auto on_disk = files();
  ASSERT_EQ(on_disk.size(), 1u);
  EXPECT_EQ(on_disk[0], fs::path(dir_) / item->sha256.substr(0, 2) / item->sha256);
  auto bytes = read_media(db(), school_, item->id, dir_);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(*bytes, test::tiny_jpeg());
  EXPECT_EQ(sha256_hex(*bytes), item->sha256);
  EXPECT_EQ(item->byte_size, static_cast<int64_t>(bytes->size()));
  auto left = read_image_metadata(*bytes);
  ASSERT_TRUE(left.ok());
  EXPECT_FALSE(left->has_exif);
  EXPECT_FALSE(left->has_iptc);
  EXPECT_FALSE(left->has_xmp);
  EXPECT_FALSE(left->has_comment);

  auto got = db().read([&](Connection& c) { return get_media(c, school_, item->id); });
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->device_serial, "123052001234");
  EXPECT_EQ(got->rights.owner, "Oakfield Primary School");
  EXPECT_EQ(media_audits(), 1);
}

TEST_P(MediaStoreTest, FlagsImagesFromUnknownDevices) {
  test::TestMetadata t;
  t.make = "Apple";
  t.model = "iPhone 15";
  t.body_serial.clear();
  auto item = store("IMG_2034.png", "image/png", test::with_metadata(test::tiny_png(), t));
  ASSERT_TRUE(item.ok()) << item.error().message;
  EXPECT_EQ(item->device_match, DeviceMatchKind::kUnknown);
  EXPECT_EQ(item->device_id, std::nullopt);
  EXPECT_EQ(item->device_model, "iPhone 15");

  // The school's model of camera, but not the school's camera.
  t = {};
  t.body_serial = "555000111";
  auto other = store("other.webp", "image/webp", test::with_metadata(test::tiny_webp(), t));
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_EQ(other->device_match, DeviceMatchKind::kUnknown);

  // The same approved camera belongs to one school only.
  auto elsewhere =
      store_media(db(), clock_, actor_, other_school_, dir_,
                  MediaUpload{"x.jpg", "", test::with_metadata(test::tiny_jpeg()), own()});
  ASSERT_TRUE(elsewhere.ok());
  EXPECT_EQ(elsewhere->device_match, DeviceMatchKind::kUnknown);
}

TEST_P(MediaStoreTest, ImagesWithoutMetadataSaySo) {
  auto item = store("drawing.webp", "image/webp", test::tiny_webp_lossless());
  ASSERT_TRUE(item.ok()) << item.error().message;
  EXPECT_EQ(item->device_match, DeviceMatchKind::kNoMetadata);
  EXPECT_FALSE(item->gps_was_present);
  EXPECT_EQ(item->metadata_removed, "");
  EXPECT_EQ(item->taken_at, std::nullopt);
  auto bytes = read_media(db(), school_, item->id, dir_);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, test::tiny_webp_lossless());
}

TEST_P(MediaStoreTest, RecordsSourceOwnerAndTheRightToUseCopiedMaterial) {
  MediaRights copied{"Canal & River Trust press pack", "Canal & River Trust",
                     RightsBasis::kAcknowledgement, ""};
  auto refused = store("lock.jpg", "image/jpeg", test::tiny_jpeg(), copied);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
  EXPECT_NE(refused.error().message.find("write the acknowledgement"), std::string::npos);
  MediaRights permission = copied;
  permission.basis = RightsBasis::kPermission;
  EXPECT_NE(store("lock.jpg", "", test::tiny_jpeg(), permission)
                .error()
                .message.find("record the permission"),
            std::string::npos);
  MediaRights no_owner = own();
  no_owner.owner = " ";
  EXPECT_NE(store("a.jpg", "", test::tiny_jpeg(), no_owner).error().message.find("who owns"),
            std::string::npos);
  MediaRights no_source = own();
  no_source.source.clear();
  EXPECT_FALSE(store("a.jpg", "", test::tiny_jpeg(), no_source).ok());
  expect_nothing_kept();

  copied.note = "Photo: Canal & River Trust";
  auto item = store("lock.jpg", "image/jpeg", test::tiny_jpeg(), copied);
  ASSERT_TRUE(item.ok()) << item.error().message;
  auto got = db().read([&](Connection& c) { return get_media(c, school_, item->id); });
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->rights.source, "Canal & River Trust press pack");
  EXPECT_EQ(got->rights.owner, "Canal & River Trust");
  EXPECT_EQ(got->rights.basis, RightsBasis::kAcknowledgement);
  EXPECT_EQ(got->rights.note, "Photo: Canal & River Trust");
  auto audit = db().read([&](Connection& c) {
    return list_audit(c, AuditQuery{"media_item", std::to_string(item->id), school_, 10});
  });
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "media.store");
  EXPECT_NE((*audit)[0].detail.find("Canal & River Trust"), std::string::npos);
}

TEST_P(MediaStoreTest, RefusedUploadsLeaveNoFileAndNoRow) {
  std::string jpeg = test::with_metadata(test::tiny_jpeg());
  struct Case {
    std::string name, type, bytes, says;
  } cases[] = {
      {"photo.jpg", "image/jpeg", test::tiny_png(), "called photo.jpg but is a PNG image"},
      {"photo.png", "image/jpeg", test::tiny_png(), "said photo.png is image/jpeg"},
      {"photo.jpg", "image/jpeg", jpeg.substr(0, jpeg.size() - 50), "damaged"},
      {"photo.jpg", "image/jpeg", std::string("\xFF\xD8\xFF\xE0garbage", 11), "photo.jpg: "},
      {"photo.gif", "image/gif", "GIF89a....", "not a JPEG, PNG or WebP"},
      {"photo.jpg", "image/jpeg", "", "empty"},
  };
  for (const Case& c : cases) {
    auto r = store(c.name, c.type, c.bytes);
    ASSERT_FALSE(r.ok()) << c.says;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
  }
  auto big = store("photo.jpg", "image/jpeg", jpeg, own(), 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("at most"), std::string::npos);
  expect_nothing_kept();
}

TEST_P(MediaStoreTest, AFailedRecordRemovesTheFileItWrote) {
  auto r = store_media(db(), clock_, actor_, 987654, dir_,
                       MediaUpload{"photo.jpg", "image/jpeg", test::tiny_jpeg(), own()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  expect_nothing_kept();
}

TEST_P(MediaStoreTest, AnUnwritableMediaFolderSavesNothing) {
  std::string blocked = dir_ + "/blocked";
  { std::ofstream(blocked) << "a file where the folder should be"; }
  auto r = store_media(db(), clock_, actor_, school_, blocked,
                       MediaUpload{"photo.jpg", "image/jpeg", test::tiny_jpeg(), own()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(media_rows(), 0);
}

TEST_P(MediaStoreTest, SameImageTwiceSharesOneFile) {
  auto a = store("a.jpg", "image/jpeg", test::with_metadata(test::tiny_jpeg()));
  clock_.advance(10);
  auto b = store("b.jpg", "image/jpeg", test::tiny_jpeg());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sha256, b->sha256);
  EXPECT_EQ(files().size(), 1u);
  auto list = db().read([&](Connection& c) { return list_media(c, school_); });
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].original_name, "b.jpg");  // newest first
  // A page at a time: one item, from the second.
  auto page = db().read([&](Connection& c) { return list_media(c, school_, 1, 1); });
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].original_name, "a.jpg");
}

TEST_P(MediaStoreTest, ReadingIsLimitedToTheSchoolAndChecksTheFile) {
  auto item = store("a.png", "image/png", test::tiny_png());
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(read_media(db(), other_school_, item->id, dir_).error().code, ErrorCode::kNotFound);
  auto path = content_path(dir_, item->sha256);
  ASSERT_TRUE(path.ok());
  { std::ofstream(*path, std::ios::binary | std::ios::app) << "tampered"; }
  auto changed = read_media(db(), school_, item->id, dir_);
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, ErrorCode::kInternal);
  fs::remove(*path);
  EXPECT_EQ(read_media(db(), school_, item->id, dir_).error().code, ErrorCode::kNotFound);
}

TEST(MediaContentPathTest, RefusesNamesThatAreNotHashes) {
  EXPECT_FALSE(content_path("/m", "../../etc/passwd").ok());
  EXPECT_FALSE(content_path("/m", std::string(64, 'G')).ok());
  auto ok = content_path("/m", std::string(64, 'a'));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "/m/aa/" + std::string(64, 'a'));
}

INLOCO_INSTANTIATE_BACKENDS(MediaStoreTest);

}  // namespace
}  // namespace inloco

// REQ PST-10: the device that took a picture is read from its metadata.
// REQ PST-11: location metadata is detected so that it can be removed.
#include "media/image_metadata.h"

#include <gtest/gtest.h>

#include "media/test_images.h"

namespace inloco {
namespace {

TEST(ImageMetadataTest, ReadsDeviceDateAndGpsFromEachType) {
  for (const std::string* base : {&test::tiny_jpeg(), &test::tiny_png(), &test::tiny_webp()}) {
    auto m = read_image_metadata(test::with_metadata(*base));
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->make, "Canon");
    EXPECT_EQ(m->model, "Canon EOS 250D");
    EXPECT_EQ(m->serials, std::vector<std::string>{"123052001234"});
    EXPECT_EQ(m->taken_at, "2026-05-14T10:22:01");
    EXPECT_TRUE(m->gps_present);
    EXPECT_TRUE(m->has_exif);
    EXPECT_TRUE(m->has_xmp);
    EXPECT_TRUE(m->names_device());
    EXPECT_EQ(m->width, 8);
    EXPECT_EQ(m->height, 8);
  }
}

TEST(ImageMetadataTest, ReadsIptcAndCommentsWhereTheTypeHoldsThem) {
  auto jpeg = read_image_metadata(test::with_metadata(test::tiny_jpeg()));
  ASSERT_TRUE(jpeg.ok());
  EXPECT_TRUE(jpeg->has_iptc);
  EXPECT_TRUE(jpeg->has_comment);
  auto png = read_image_metadata(test::with_metadata(test::tiny_png()));
  ASSERT_TRUE(png.ok());
  EXPECT_TRUE(png->has_iptc);
}

TEST(ImageMetadataTest, ReadsEverySerialNumberOnce) {
  test::TestMetadata t;
  t.camera_serial = "CS-778";
  t.xmp_serial = "123052001234";  // the same as the body serial: listed once
  auto m = read_image_metadata(test::with_metadata(test::tiny_jpeg(), t));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->serials, (std::vector<std::string>{"123052001234", "CS-778"}));

  t = {};
  t.make = "Apple";
  t.model = "iPad (9th generation)";
  t.body_serial.clear();
  t.xmp_serial = "XMP-42";
  t.gps = false;
  auto x = read_image_metadata(test::with_metadata(test::tiny_png(), t));
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->serials, std::vector<std::string>{"XMP-42"});
  EXPECT_FALSE(x->gps_present);
}

TEST(ImageMetadataTest, AnImageWithoutMetadataSaysNothing) {
  for (const std::string* base : {&test::tiny_jpeg(), &test::tiny_png(), &test::tiny_webp()}) {
    auto m = read_image_metadata(*base);
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_FALSE(m->has_metadata());
    EXPECT_FALSE(m->names_device());
    EXPECT_FALSE(m->gps_present);
    EXPECT_EQ(m->taken_at, std::nullopt);
  }
}

TEST(ImageMetadataTest, CorruptOrForeignBytesAreRefusedClearly) {
  for (std::string bad : {std::string("not an image at all"), std::string("\xFF\xD8\xFF\xE1\xFF"),
                          std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16), std::string()}) {
    auto m = read_image_metadata(bad);
    ASSERT_FALSE(m.ok()) << bad.size();
    EXPECT_EQ(m.error().code, ErrorCode::kInvalid);
    EXPECT_NE(m.error().message.find("upload"), std::string::npos) << m.error().message;
  }
}

}  // namespace
}  // namespace inloco

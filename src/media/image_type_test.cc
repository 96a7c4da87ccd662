// REQ PST-11: images are checked by content, not by file name, and size-limited.
#include "media/image_type.h"

#include <gtest/gtest.h>

#include "media/test_images.h"

namespace inloco {
namespace {

using test::tiny_jpeg;
using test::tiny_png;
using test::tiny_webp;

TEST(ImageTypeTest, SniffsTheTypeFromMagicBytes) {
  EXPECT_EQ(sniff_image_type(tiny_jpeg()), ImageType::kJpeg);
  EXPECT_EQ(sniff_image_type(tiny_png()), ImageType::kPng);
  EXPECT_EQ(sniff_image_type(tiny_webp()), ImageType::kWebp);
  EXPECT_EQ(sniff_image_type(test::tiny_webp_lossless()), ImageType::kWebp);
  EXPECT_EQ(sniff_image_type("GIF89a..."), std::nullopt);
  EXPECT_EQ(sniff_image_type(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)), std::nullopt);
  EXPECT_EQ(sniff_image_type("\xFF\xD8"), std::nullopt);
  EXPECT_EQ(sniff_image_type(""), std::nullopt);
}

TEST(ImageTypeTest, AcceptsAFileThatIsWhatItsNameAndTypeSay) {
  EXPECT_EQ(*check_image_upload("photo.jpg", "image/jpeg", tiny_jpeg()), ImageType::kJpeg);
  EXPECT_EQ(*check_image_upload("PHOTO.JPEG", "", tiny_jpeg()), ImageType::kJpeg);
  EXPECT_EQ(*check_image_upload("drawing.png", "image/png; charset=binary", tiny_png()),
            ImageType::kPng);
  EXPECT_EQ(*check_image_upload("banner.webp", "application/octet-stream", tiny_webp()),
            ImageType::kWebp);
  // No extension and no declared type: the content decides.
  EXPECT_EQ(*check_image_upload("camera-upload", "", tiny_png()), ImageType::kPng);
}

TEST(ImageTypeTest, RefusesAFileWhoseNameSaysAnotherType) {
  auto r = check_image_upload("photo.jpg", "", tiny_png());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message.rfind("This file is called photo.jpg but is a PNG image.", 0), 0u)
      << r.error().message;
  EXPECT_NE(r.error().message.find("rename it to end in .png"), std::string::npos);

  auto w = check_image_upload("C:\\Users\\staff\\trip.png", "", tiny_webp());
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().message.find("called trip.png but is a WebP image"), std::string::npos)
      << w.error().message;
  EXPECT_FALSE(check_image_upload("photo.heic", "", tiny_jpeg()).ok());
}

TEST(ImageTypeTest, RefusesADeclaredTypeThatDisagreesWithTheContent) {
  auto r = check_image_upload("photo", "image/png", tiny_jpeg());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("said photo is image/png but it is a JPEG image"),
            std::string::npos)
      << r.error().message;
  EXPECT_FALSE(check_image_upload("photo.jpg", "text/html", tiny_jpeg()).ok());
}

TEST(ImageTypeTest, RefusesUnknownTypesSayingWhatTheyAre) {
  auto gif = check_image_upload("anim.gif", "image/gif", "GIF89a\x01\x00\x01\x00");
  ASSERT_FALSE(gif.ok());
  EXPECT_NE(gif.error().message.find("is not a JPEG, PNG or WebP image (it is a GIF image)"),
            std::string::npos)
      << gif.error().message;
  auto heic = check_image_upload("IMG_0001.HEIC", "",
                                 std::string("\0\0\0\x18"
                                             "ftypheic\0\0\0\0",
                                             16));
  ASSERT_FALSE(heic.ok());
  EXPECT_NE(heic.error().message.find("HEIC"), std::string::npos);
  auto text = check_image_upload("notes.jpg", "", "hello");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("cannot tell what it is"), std::string::npos);
}

TEST(ImageTypeTest, RefusesEmptyAndOversizeFiles) {
  auto empty = check_image_upload("photo.jpg", "image/jpeg", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("The file photo.jpg is empty"), std::string::npos);

  auto big = check_image_upload("photo.jpg", "image/jpeg", tiny_jpeg(), 100);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("images can be at most"), std::string::npos)
      << big.error().message;
  EXPECT_TRUE(check_image_upload("photo.jpg", "image/jpeg", tiny_jpeg(), tiny_jpeg().size()).ok());
  EXPECT_EQ(kDefaultMaxImageBytes, 15u * 1024 * 1024);
}

TEST(ImageTypeTest, CleansUploadNames) {
  EXPECT_EQ(clean_upload_name("/home/a/b/photo.jpg"), "photo.jpg");
  EXPECT_EQ(clean_upload_name("..\\..\\photo.jpg"), "photo.jpg");
  EXPECT_EQ(clean_upload_name("ph\noto\x7F.jpg"), "photo.jpg");
  EXPECT_EQ(clean_upload_name(std::string(300, 'a')).size(), 120u);
}

}  // namespace
}  // namespace inloco

// REQ PST-11: location and device metadata are removed before an image is kept;
// no EXIF, IPTC or XMP survives (read back with exiv2).
#include "media/metadata_stripper.h"

#include <gtest/gtest.h>

#include "media/exiv2_support.h"
#include "media/image_metadata.h"
#include "media/test_images.h"

namespace inloco {
namespace {

struct ReadBack {
  long exif = 0, iptc = 0, xmp = 0;
  std::string xmp_packet, comment;
  int width = 0, height = 0;
  ImageType type = ImageType::kJpeg;
};

// Reads the stripped copy with exiv2 directly, not through our own reader.
ReadBack read_back(const std::string& bytes) {
  ensure_exiv2_ready();
  auto img = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(bytes.data()),
                                       static_cast<long>(bytes.size()));
  img->readMetadata();
  ReadBack r;
  r.exif = img->exifData().count();
  r.iptc = img->iptcData().count();
  r.xmp = img->xmpData().count();
  r.xmp_packet = img->xmpPacket();
  r.comment = img->comment();
  r.width = img->pixelWidth();
  r.height = img->pixelHeight();
  if (img->mimeType() == "image/png") r.type = ImageType::kPng;
  if (img->mimeType() == "image/webp") r.type = ImageType::kWebp;
  return r;
}

void expect_clean(const std::string& original, ImageType type) {
  ReadBack before = read_back(original);
  EXPECT_GT(before.exif, 0);
  EXPECT_GT(before.xmp, 0);
  auto s = strip_metadata(type, original);
  ASSERT_TRUE(s.ok()) << s.error().message;
  ReadBack after = read_back(s->bytes);
  EXPECT_EQ(after.exif, 0);
  EXPECT_EQ(after.iptc, 0);
  EXPECT_EQ(after.xmp, 0);
  EXPECT_EQ(after.xmp_packet, "");
  EXPECT_EQ(after.comment, "");
  EXPECT_EQ(after.type, type);
  EXPECT_EQ(sniff_image_type(s->bytes), type);
  EXPECT_EQ(after.width, 8);
  EXPECT_EQ(after.height, 8);
  // Nothing that was written into the metadata is left anywhere in the bytes.
  for (const char* secret : {"Canon", "123052001234", "Jack Smith", "Norwich", "2026:05:14",
                             "Miss Patel", "sports day", "Exif", "xpacket"})
    EXPECT_EQ(s->bytes.find(secret), std::string::npos) << secret;
  EXPECT_FALSE(s->removed.empty());
}

TEST(MetadataStripperTest, RemovesExifIptcXmpAndCommentsFromJpeg) {
  test::TestMetadata t;
  t.thumbnail = true;
  std::string original = test::with_metadata(test::tiny_jpeg(), t);
  expect_clean(original, ImageType::kJpeg);
  auto s = strip_metadata(ImageType::kJpeg, original);
  ASSERT_TRUE(s.ok());
  // The picture itself is untouched: the same bytes as before any metadata was added.
  EXPECT_EQ(s->bytes, test::tiny_jpeg());
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "EXIF"), s->removed.end());
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "XMP"), s->removed.end());
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "comment"), s->removed.end());
}

TEST(MetadataStripperTest, RemovesTextChunksFromPng) {
  std::string original = test::with_metadata(test::tiny_png());
  expect_clean(original, ImageType::kPng);
  auto s = strip_metadata(ImageType::kPng, original);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->bytes, test::tiny_png());
  for (const char* chunk : {"tEXt", "zTXt", "iTXt", "eXIf"})
    EXPECT_EQ(s->bytes.find(chunk), std::string::npos) << chunk;
}

TEST(MetadataStripperTest, RemovesExifAndXmpChunksFromWebp) {
  for (const std::string* base : {&test::tiny_webp(), &test::tiny_webp_lossless()}) {
    std::string original = test::with_metadata(*base);
    ASSERT_NE(original.find("EXIF"), std::string::npos);
    expect_clean(original, ImageType::kWebp);
    auto s = strip_metadata(ImageType::kWebp, original);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->bytes.find("XMP "), std::string::npos);
    // The picture chunk is copied byte for byte.
    std::string_view picture = std::string_view(*base).substr(12);
    EXPECT_NE(s->bytes.find(picture), std::string::npos);
    // VP8X no longer claims EXIF or XMP.
    size_t vp8x = s->bytes.find("VP8X");
    if (vp8x != std::string::npos) {
      EXPECT_EQ(s->bytes[vp8x + 8] & 0x0C, 0);
    }
    // The RIFF size is the file's.
    uint32_t riff = static_cast<unsigned char>(s->bytes[4]) |
                    static_cast<unsigned char>(s->bytes[5]) << 8 |
                    static_cast<unsigned char>(s->bytes[6]) << 16 |
                    static_cast<unsigned char>(s->bytes[7]) << 24;
    EXPECT_EQ(riff + 8, s->bytes.size());
  }
}

TEST(MetadataStripperTest, JpegLosesEverySegmentThatIsNotPicture) {
  std::string jpeg = test::tiny_jpeg();
  jpeg = test::with_jpeg_segment(jpeg, 0xEC, std::string("Ducky\0\0\0\x01", 9));
  jpeg = test::with_jpeg_segment(jpeg, 0xE2, std::string("MPF\0II*\0secondimage", 19));
  jpeg = test::with_jpeg_segment(jpeg, 0xE3, "Samsung private data");
  jpeg = test::with_jpeg_segment(jpeg, 0xFE, "Taken at Oakfield by Miss Patel");
  jpeg += "trailing second image after the end";
  auto s = strip_metadata(ImageType::kJpeg, jpeg);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->bytes, test::tiny_jpeg());
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "extra images (MPF)"),
            s->removed.end());
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "data after the end of the image"),
            s->removed.end());
}

TEST(MetadataStripperTest, JpegKeepsItsColourProfileAndDropsJfifThumbnails) {
  // A JFIF header carrying a 1x1 thumbnail (3 bytes of RGB).
  std::string jfif = std::string("JFIF\0\x01\x01\0\0\x01\0\x01\x01\x01", 14) + "RGB";
  std::string jpeg = test::tiny_jpeg();
  jpeg = jpeg.substr(0, 2) + jpeg.substr(2 + 18);  // drop the original JFIF segment
  // A 128-byte colour profile: its size first, "acsp" at 36, as exiv2 checks.
  std::string icc(128, '\0');
  icc[3] = '\x80';
  icc.replace(36, 4, "acsp");
  jpeg = test::with_jpeg_segment(jpeg, 0xE2, std::string("ICC_PROFILE\0\x01\x01", 14) + icc);
  jpeg = test::with_jpeg_segment(jpeg, 0xE0, jfif);
  auto s = strip_metadata(ImageType::kJpeg, jpeg);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_NE(s->bytes.find("ICC_PROFILE"), std::string::npos);
  EXPECT_EQ(s->bytes.find("RGB"), std::string::npos);
  EXPECT_EQ(s->bytes.substr(2, 18),
            std::string("\xFF\xE0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 18));
  EXPECT_NE(std::find(s->removed.begin(), s->removed.end(), "JFIF thumbnail"), s->removed.end());
}

TEST(MetadataStripperTest, DamagedImagesAreRefusedClearly) {
  std::string jpeg = test::with_metadata(test::tiny_jpeg());
  std::string png = test::tiny_png();
  std::string webp = test::tiny_webp();
  std::string bad_crc = png;
  bad_crc[png.find("IDAT") + 6] ^= 0x55;
  std::string webp_short = webp.substr(0, webp.size() - 10);
  std::string webp_no_picture("RIFF\x04\0\0\0WEBP", 12);
  struct Case {
    ImageType type;
    std::string bytes;
    const char* says;
  } cases[] = {
      {ImageType::kJpeg, jpeg.substr(0, jpeg.size() - 100), "damaged"},
      {ImageType::kJpeg, jpeg.substr(0, 40), "damaged"},
      {ImageType::kJpeg, "\xFF\xD8\xFF\xD9", "damaged (it has no picture data)"},
      {ImageType::kPng, png.substr(0, png.size() - 12), "damaged (it ends before its IEND"},
      {ImageType::kPng, bad_crc, "the checksum of its IDAT chunk is wrong"},
      {ImageType::kWebp, webp_short, "damaged"},
      {ImageType::kWebp, webp_no_picture, "it has no picture data"},
  };
  for (const Case& c : cases) {
    auto s = strip_metadata(c.type, c.bytes);
    ASSERT_FALSE(s.ok()) << c.says;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalid);
    EXPECT_NE(s.error().message.find(c.says), std::string::npos) << s.error().message;
    EXPECT_NE(s.error().message.find("upload it again"), std::string::npos);
  }
}

TEST(MetadataStripperTest, PngWithAnUnknownCriticalChunkIsRefused) {
  std::string png = test::tiny_png();
  // "CgBI" (Apple's non-standard PNG) after the signature, with a valid CRC.
  std::string chunk = std::string(
      "\0\0\0\x04"
      "CgBI"
      "\x50\x00\x20\x06",
      12);
  // CRC-32 of "CgBI\x50\x00\x20\x06".
  chunk += std::string("\x2C\xB8\x77\x66", 4);
  std::string bad = png.substr(0, 33) + chunk + png.substr(33);
  auto s = strip_metadata(ImageType::kPng, bad);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("CgBI"), std::string::npos) << s.error().message;
}

}  // namespace
}  // namespace inloco

#include "demo/demo_pictures.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "media/exiv2_support.h"

namespace inloco {

namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 420;

struct Rgb {
  uint8_t r, g, b;
};

class Canvas {
 public:
  Canvas() : px_(static_cast<size_t>(kWidth) * kHeight) {}

  void gradient(int y0, int y1, Rgb top, Rgb bottom) {
    for (int y = std::max(0, y0); y < std::min(kHeight, y1); ++y) {
      double t = y1 > y0 ? double(y - y0) / (y1 - y0) : 0;
      Rgb c{mix(top.r, bottom.r, t), mix(top.g, bottom.g, t), mix(top.b, bottom.b, t)};
      for (int x = 0; x < kWidth; ++x) at(x, y) = c;
    }
  }
  void rect(int x0, int y0, int w, int h, Rgb c) {
    for (int y = std::max(0, y0); y < std::min(kHeight, y0 + h); ++y)
      for (int x = std::max(0, x0); x < std::min(kWidth, x0 + w); ++x) at(x, y) = c;
  }
  void circle(int cx, int cy, int r, Rgb c) {
    for (int y = std::max(0, cy - r); y <= std::min(kHeight - 1, cy + r); ++y)
      for (int x = std::max(0, cx - r); x <= std::min(kWidth - 1, cx + r); ++x)
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) at(x, y) = c;
  }
  // A pennant hanging from (x, y): `w` wide at the top, `h` deep.
  void pennant(int x, int y, int w, int h, Rgb c) {
    for (int dy = 0; dy < h; ++dy) {
      int half = w * (h - dy) / (2 * h);
      for (int dx = -half; dx <= half; ++dx)
        if (x + w / 2 + dx >= 0 && x + w / 2 + dx < kWidth && y + dy >= 0 && y + dy < kHeight)
          at(x + w / 2 + dx, y + dy) = c;
    }
  }

  std::string png() const {
    std::string raw;
    raw.reserve(static_cast<size_t>(kHeight) * (kWidth * 3 + 1));
    for (int y = 0; y < kHeight; ++y) {
      raw.push_back('\0');  // filter: none
      for (int x = 0; x < kWidth; ++x) {
        const Rgb& p = px_[static_cast<size_t>(y) * kWidth + x];
        raw.push_back(static_cast<char>(p.r));
        raw.push_back(static_cast<char>(p.g));
        raw.push_back(static_cast<char>(p.b));
      }
    }
    uLongf size = compressBound(raw.size());
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                  reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9) != Z_OK)
      throw std::runtime_error("zlib could not compress a demo picture");
    packed.resize(size);
    std::string header;
    put32(header, kWidth);
    put32(header, kHeight);
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
    std::string out("\x89PNG\r\n\x1a\n", 8);
    chunk(out, "IHDR", header);
    chunk(out, "IDAT", packed);
    chunk(out, "IEND", "");
    return out;
  }

 private:
  static uint8_t mix(uint8_t a, uint8_t b, double t) {
    return static_cast<uint8_t>(std::lround(a + (b - a) * t));
  }
  Rgb& at(int x, int y) { return px_[static_cast<size_t>(y) * kWidth + x]; }
  static void put32(std::string& s, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8)
      s.push_back(static_cast<char>((v >> shift) & 0xFF));
  }
  static void chunk(std::string& out, const char* type, const std::string& data) {
    put32(out, static_cast<uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    put32(out, static_cast<uint32_t>(
                   crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
  }
  std::vector<Rgb> px_;
};

const Rgb kSkinTones[] = {{241, 194, 125}, {224, 172, 105}, {198, 134, 66},
                          {141, 85, 36},   {255, 219, 172}, {93, 58, 26}};
const Rgb kBright[] = {{212, 53, 28},  {255, 221, 0},  {0, 112, 60},
                       {29, 112, 184}, {145, 43, 136}, {244, 119, 56}};

void choir(Canvas& c) {
  c.gradient(0, 300, {35, 40, 90}, {95, 60, 130});
  c.rect(0, 300, kWidth, 120, {120, 78, 45});
  for (int row = 0; row < 3; ++row)
    for (int i = 0; i < 9; ++i) {
      int x = 50 + i * 66 + (row % 2) * 33, y = 150 + row * 55;
      c.rect(x - 22, y + 18, 44, 70, {120, 20, 40});  // robes
      c.circle(x, y, 18, kSkinTones[(i + row * 2) % 6]);
    }
  c.circle(580, 60, 30, {255, 240, 200});  // a spotlight
}

void fair(Canvas& c) {
  c.gradient(0, 260, {120, 180, 230}, {200, 225, 245});
  c.rect(0, 260, kWidth, 160, {90, 150, 70});
  for (int i = 0; i < 16; ++i) c.pennant(i * 40, 20 + (i % 2) * 6, 34, 40, kBright[i % 6]);
  for (int s = 0; s < 3; ++s) {
    int x = 40 + s * 205;
    for (int stripe = 0; stripe < 6; ++stripe)
      c.rect(x + stripe * 28, 150, 28, 40, stripe % 2 ? Rgb{255, 255, 255} : kBright[s * 2]);
    c.rect(x, 190, 168, 100, {230, 215, 180});
    for (int item = 0; item < 4; ++item)
      c.circle(x + 25 + item * 40, 215, 12, kBright[(item + s) % 6]);
  }
}

void sports_day(Canvas& c) {
  c.gradient(0, 170, {110, 170, 235}, {190, 220, 250});
  c.circle(90, 70, 40, {255, 215, 90});
  c.rect(0, 170, kWidth, 250, {70, 150, 60});
  for (int lane = 0; lane < 6; ++lane) c.rect(0, 190 + lane * 38, kWidth, 4, {255, 255, 255});
  c.rect(560, 185, 6, 200, {255, 255, 255});  // the finishing line
  for (int i = 0; i < 5; ++i) {
    int x = 120 + i * 90 + (i % 2) * 40, y = 200 + i * 38;
    c.rect(x - 10, y, 20, 26, kBright[i]);
    c.circle(x, y - 8, 10, kSkinTones[i]);
  }
}

}  // namespace

std::string demo_picture(DemoScene scene) {
  Canvas c;
  switch (scene) {
    case DemoScene::kChoir:
      choir(c);
      break;
    case DemoScene::kFair:
      fair(c);
      break;
    case DemoScene::kSportsDay:
      sports_day(c);
      break;
  }
  return c.png();
}

std::string with_camera_details(const std::string& png, const DemoCamera& camera) {
  ensure_exiv2_ready();
  auto image = Exiv2::ImageFactory::open(reinterpret_cast<const Exiv2::byte*>(png.data()),
                                         static_cast<long>(png.size()));
  image->readMetadata();
  Exiv2::ExifData exif;
  exif["Exif.Image.Make"] = camera.make;
  exif["Exif.Image.Model"] = camera.model;
  if (camera.serial) exif["Exif.Photo.BodySerialNumber"] = *camera.serial;
  exif["Exif.Photo.DateTimeOriginal"] = camera.taken;
  if (camera.location) {
    // Near the school gates: exactly what must never reach a public post.
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLatitude"] = Exiv2::URationalValue();
    exif["Exif.GPSInfo.GPSLatitude"].setValue("52/1 37/1 3012/100");
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
    exif["Exif.GPSInfo.GPSLongitude"] = Exiv2::URationalValue();
    exif["Exif.GPSInfo.GPSLongitude"].setValue("1/1 17/1 4410/100");
  }
  image->setExifData(exif);
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  io.open();
  io.seek(0, Exiv2::BasicIo::beg);
  Exiv2::DataBuf buf = io.read(static_cast<long>(io.size()));
  io.close();
  return std::string(reinterpret_cast<const char*>(buf.pData_), static_cast<size_t>(buf.size_));
}

}  // namespace inloco

// Pictures for the demo trust's media library, drawn in code (no binary files
// in the repository): simple scenes of a school's year, saved as PNG, with the
// hidden details a tablet or camera would write into them (make, model,
// serial, time, location) so the library shows them being found and removed.
#pragma once

#include <optional>
#include <string>

namespace inloco {

enum class DemoScene { kChoir, kFair, kSportsDay };

// A 640 x 420 PNG of the scene.
std::string demo_picture(DemoScene scene);

struct DemoCamera {
  std::string make;   // "Apple"
  std::string model;  // "iPad (9th generation)"
  std::optional<std::string> serial;
  std::string taken;     // "2026:11:12 14:05:00", as cameras write it
  bool location = true;  // GPS latitude and longitude
};

// `png` with the camera's EXIF written into it by exiv2.
std::string with_camera_details(const std::string& png, const DemoCamera& camera);

}  // namespace inloco

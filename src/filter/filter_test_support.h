// Helpers for the filter's tests only (included by *_test.cc): a temporary
// folder of category lists, and where the shared UT1 lists are.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace inloco::filter::testing {

// A fresh folder under the system's temporary folder, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("inloco-filter-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `text` to path()/relative, making folders as needed.
  void write(const std::string& relative, const std::string& text) const {
    auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

// ../shared/data/ut1 beside the source tree, or $INLOCO_UT1_DIR; empty when
// neither exists (the tests that need it are then skipped).
inline std::filesystem::path ut1_dir() {
  if (const char* env = std::getenv("INLOCO_UT1_DIR"); env && *env) return env;
#ifdef INLOCO_SOURCE_DIR
  std::filesystem::path p =
      std::filesystem::path(INLOCO_SOURCE_DIR) / ".." / "shared" / "data" / "ut1";
  std::error_code ec;
  if (std::filesystem::is_directory(p / "social_networks", ec)) return p;
#endif
  return {};
}

}  // namespace inloco::filter::testing

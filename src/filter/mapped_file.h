// A read-only memory mapping of a whole file, owned (RAII): unmapped when the
// MappedFile is destroyed. Move-only. The bytes stay valid, and unchanged if
// the file is replaced by rename, for as long as the object lives — which is
// what lets a new snapshot be swapped in while requests still read the old.
//
// Thread-safety: bytes() may be read from any number of threads.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco::filter {

class MappedFile {
 public:
  // Maps `path` read-only (MAP_POPULATE: the pages are read in now, not at
  // the first lookups). An empty file maps to an empty view.
  [[nodiscard]] static Result<MappedFile> open(const std::string& path);

  MappedFile() = default;
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view bytes() const { return {data_, size_}; }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  void reset();

  const char* data_ = nullptr;  // the mapping, released with munmap
  size_t size_ = 0;
};

}  // namespace inloco::filter

// Writing a file whole: the bytes go to a temporary name beside it, which is
// then renamed into place, so a reader (the Squid helper, Unbound) sees the
// old file or the new one, never half of one.
#pragma once

#include <filesystem>
#include <string_view>

#include "core/result.h"

namespace inloco {

// kUnavailable, saying which file and why, when the folder is missing or
// cannot be written, the disk is full or the rename fails; the temporary
// file is removed then. The folder must exist.
Status write_file_whole(const std::filesystem::path& path, std::string_view bytes);

}  // namespace inloco

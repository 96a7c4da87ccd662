#include "core/whole_file.h"

#include <fstream>
#include <string>

#include "core/crypto.h"

namespace inloco {

Status write_file_whole(const std::filesystem::path& path, std::string_view bytes) {
  namespace fs = std::filesystem;
  crypto_init();
  fs::path temp = path;
  temp += ".tmp-" + to_hex(random_bytes(6));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out)
      return Error::unavailable("Cannot write " + temp.string() +
                                ": check that the folder exists and may be written.");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      return Error::unavailable("Writing " + temp.string() + " failed (is the disk full?).");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return Error::unavailable("Cannot put " + path.string() + " in place: " + ec.message() + ".");
  }
  return ok_status();
}

}  // namespace inloco

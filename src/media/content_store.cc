#include "media/content_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;

Error cannot_write(const std::string& path, int err) {
  return Error::unavailable(
             "The media folder cannot be written, so nothing was saved. Ask your inloco "
             "administrator to check the folder exists and has space, then upload again.")
      .with_internal_detail(path + ": " + std::strerror(err));
}

Status write_all(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return cannot_write(path, errno);
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

void sync_folder(const fs::path& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

Result<std::string> content_path(const std::string& dir, std::string_view sha256_hex) {
  bool ok = sha256_hex.size() == 64;
  for (char c : sha256_hex) ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!ok) return Error::invalid("Not a SHA-256 content name: " + std::string(sha256_hex));
  return (fs::path(dir) / std::string(sha256_hex.substr(0, 2)) / std::string(sha256_hex)).string();
}

Result<StoredContent> write_content(const std::string& dir, std::string_view bytes) {
  crypto_init();
  return write_named_content(dir, sha256_hex(bytes), bytes);
}

Result<StoredContent> write_named_content(const std::string& dir, std::string_view name,
                                          std::string_view bytes) {
  std::string path = TRY(content_path(dir, name));
  fs::path folder = fs::path(path).parent_path();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return cannot_write(folder.string(), ec.value());

  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && static_cast<size_t>(st.st_size) == bytes.size())
    return StoredContent{path, false};

  std::string temp = (folder / (".tmp-" + to_hex(random_bytes(8)))).string();
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return cannot_write(temp, errno);
  Status written = write_all(fd, bytes, temp);
  if (written.ok() && ::fsync(fd) != 0) written = cannot_write(temp, errno);
  if (::close(fd) != 0 && written.ok()) written = cannot_write(temp, errno);
  if (written.ok() && ::rename(temp.c_str(), path.c_str()) != 0)
    written = cannot_write(path, errno);
  if (!written.ok()) {
    ::unlink(temp.c_str());
    return std::move(written).error();
  }
  sync_folder(folder);
  return StoredContent{path, true};
}

Result<std::string> read_named_content(const std::string& dir, std::string_view name) {
  std::string path = TRY(content_path(dir, name));
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return Error::not_found("The stored file is missing (" + path +
                            "). Ask your inloco administrator to restore the folder from its "
                            "backup.");
  std::ostringstream buf;
  buf << in.rdbuf();
  return std::move(buf).str();
}

Result<std::string> read_content(const std::string& dir, std::string_view sha256_hex_name) {
  std::string path = TRY(content_path(dir, sha256_hex_name));
  auto read = read_named_content(dir, sha256_hex_name);
  if (!read.ok() && read.error().code == ErrorCode::kNotFound)
    return Error::not_found(
               "The stored image file is missing. Ask your inloco administrator to restore the "
               "media folder from its backup.")
        .with_internal_detail("missing: " + path);
  std::string bytes = TRY(std::move(read));
  if (sha256_hex(bytes) != sha256_hex_name)
    return Error::internal(
               "A stored image file has changed since it was saved. Ask your inloco "
               "administrator to restore it from the media folder's backup.")
        .with_internal_detail("changed: " + path);
  return bytes;
}

void remove_content(const std::string& dir, std::string_view sha256_hex_name) {
  Result<std::string> path = content_path(dir, sha256_hex_name);
  if (path.ok()) ::unlink(path->c_str());
}

}  // namespace inloco

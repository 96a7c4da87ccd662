#include "core/secret_key.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.h"

namespace inloco {

Result<SecretKey> SecretKey::load_or_create(const std::string& path) {
  namespace fs = std::filesystem;
  if (!fs::exists(path)) {
    fs::path p(path);
    if (p.has_parent_path()) fs::create_directories(p.parent_path());
    // Written whole under a name of its own, then linked into place: two processes starting at
    // once (a server and a command) never read a half-written key, and the first one's key wins.
    std::string temp = path + ".new." + std::to_string(::getpid()) + "." + to_hex(random_bytes(4));
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0) return Error::internal("could not create the secret key file " + path);
    std::string hex = to_hex(random_bytes(32)) + "\n";
    bool ok =
        ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
    ::close(fd);
    bool placed = ok && (::link(temp.c_str(), path.c_str()) == 0 || errno == EEXIST);
    ::unlink(temp.c_str());
    if (!placed) return Error::internal("could not write the secret key file " + path);
  }
  // Refuse a key others could read: it would open every sealed secret.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Error::internal("could not read the secret key file " + path);
  if ((st.st_mode & 077) != 0)
    return Error::forbidden("the secret key file " + path +
                            " can be read by other users; make it private with: chmod 600 " + path);
  std::ifstream in(path);
  std::string hex;
  std::getline(in, hex);
  auto key = from_hex(hex);
  if (!key.ok() || key->size() != 32)
    return Error::invalid("the secret key file " + path +
                          " is damaged: it must hold 64 hex digits");
  return SecretKey(std::move(key).value());
}

SecretKey SecretKey::random() { return SecretKey(random_bytes(32)); }

std::string SecretKey::seal(std::string_view plaintext) const {
  return to_hex(inloco::seal(key_, plaintext));
}

Result<std::string> SecretKey::open(std::string_view sealed_hex) const {
  std::string raw = TRY(from_hex(sealed_hex));
  return open_sealed(key_, raw);
}

std::string SecretKey::seal_bytes(std::string_view plaintext) const {
  return inloco::seal(key_, plaintext);
}

Result<std::string> SecretKey::open_bytes(std::string_view sealed) const {
  return open_sealed(key_, sealed);
}

}  // namespace inloco

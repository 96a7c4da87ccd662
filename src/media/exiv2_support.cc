#include "media/exiv2_support.h"

#include <mutex>

namespace inloco {
namespace {

std::mutex& xmp_mutex() {
  static std::mutex m;
  return m;
}

void xmp_lock(void* data, bool lock) {
  auto* m = static_cast<std::mutex*>(data);
  if (lock)
    m->lock();
  else
    m->unlock();
}

}  // namespace

void ensure_exiv2_ready() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    Exiv2::XmpParser::initialize(xmp_lock, &xmp_mutex());
  });
}

}  // namespace inloco

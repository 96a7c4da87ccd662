// Setting up exiv2 for use from many threads: its XMP toolkit is initialised
// once with a lock (exiv2's own advice for threaded programs), and its log
// messages, which would go to stderr, are silenced: every problem reaches the
// caller as an error instead.
//
// Include <exiv2/exiv2.hpp> through this header, never directly, so that the
// library's headers are compiled without warnings.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#include <exiv2/exiv2.hpp>
#pragma GCC diagnostic pop

namespace inloco {

// Idempotent and thread-safe; call before any other use of exiv2.
void ensure_exiv2_ready();

}  // namespace inloco

// The demo trust's media library at Oakfield: pictures from the approved
// office iPad (one carrying its location, which is removed), and one from a
// phone that is not an approved device, so the library and the post checks
// show a flagged image (PST-10, PST-11).
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

struct DemoMedia {
  int64_t choir = 0;       // from the office iPad, with its location removed
  int64_t fair = 0;        // from the office iPad
  int64_t sports_day = 0;  // from a member of staff's own phone: flagged
};

// Runs after the demo's devices exist; stores the files under `media_dir`.
Result<DemoMedia> create_demo_media(Database& db, const Clock& clock, const DemoTrust& demo,
                                    const std::string& media_dir);

}  // namespace inloco

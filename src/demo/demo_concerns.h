// The demo trust's concerns: to be written.
#pragma once

#include <string>

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// `evidence_dir`: where the demo's evidence files are kept.
Status create_demo_concerns(Database& db, const Clock& clock, const DemoTrust& demo,
                            const std::string& evidence_dir);

}  // namespace inloco

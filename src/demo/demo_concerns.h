// The demo trust's concerns: to be written.
#pragma once

#include <string>

#include "concerns/evidence_vault.h"
#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// `vault`: where the demo's evidence files are kept, sealed.
Status create_demo_concerns(Database& db, const Clock& clock, const DemoTrust& demo,
                            const EvidenceVault& vault);

}  // namespace inloco

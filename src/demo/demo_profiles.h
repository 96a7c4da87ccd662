// The demo trust's policy profiles: the default profile as each governing
// board adopted it, and at Oakfield a later review that changed a rule, so the
// policy page shows a version history.
#pragma once

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

Status assign_demo_profiles(Database& db, const Clock& clock, const DemoTrust& demo);

}  // namespace inloco

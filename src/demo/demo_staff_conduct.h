// The demo trust's staff conduct records: to be written.
#pragma once

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

Status create_demo_staff_conduct(Database& db, const Clock& clock, const DemoTrust& demo);

}  // namespace inloco

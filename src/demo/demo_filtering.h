// The demo trust's requests to unblock sites (NET-3), at Oakfield.
#pragma once

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

Status create_demo_filtering(Database& db, const Clock& clock, const DemoTrust& demo);

}  // namespace inloco

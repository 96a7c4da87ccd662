// The demo trust's monitoring of the school network (NET-5, NET-6), at
// Oakfield: every pupil and a few members of staff get network user names
// (set by ICT), and a decision log of the last school days is written as
// inloco-squid-helper would have written it (lessons' research and
// searches, blocked social media and video, a flagged search, a visitor's
// unknown user name) and ingested. One pupil tries a VPN, proxies, a bare IP
// address and an address written as a number: past the profile's threshold,
// so they are banned (Oakfield's demo profile says supervised_use_only) and
// the DSL and ICT are told.
#pragma once

#include <string>

#include "core/clock.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// Writes the log to `log_path` (replacing it) and ingests it.
Status create_demo_monitoring(Database& db, const Clock& clock, const DemoTrust& demo,
                              const std::string& log_path);

}  // namespace inloco

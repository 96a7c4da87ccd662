// The demo trust's registers of devices approved for taking pictures
// (PST-10), so that uploads in the demo show approved, unknown and
// unidentified devices.
//
// Oakfield Primary School: the office iPad, a class iPad and the Canon EOS
// 250D school camera (with its serial number), approved by the headteacher;
// an old compact camera retired last year.
// Riverside Academy: the media department's Nikon D7500 (with its serial
// number) and the PE department's iPad, approved by the headteacher.
//
// Written in one transaction through the device register, by the demo
// sign-ins holding the roles; past events are dated relative to clock.now(),
// so the result is the same for the same clock.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// Call once, after create_demo_people, on the trust it returned. kNotFound
// when a school or sign-in the devices need is missing from `demo`.
Status create_demo_devices(Database& db, const Clock& clock, const DemoTrust& demo);

}  // namespace inloco

// The demo trust's consent register (CON-1..8), so that the class grids, the
// renewal list, the consent log and the post checks show something realistic.
//
// For the academic year of clock.now(), at both schools: forms returned over
// the summer before the year began, most granting images and fewer videos,
// some refusing, some partial (images only) and some pupils with no decision
// yet; at Riverside Academy the sixth-formers the school judged competent
// decide for themselves. One Oakfield parent withdraws images consent in
// writing during the year. Some pupils also have last year's decisions, which
// do not count this year (CON-7).
//
// Everything goes through the consent services in one transaction, recorded
// by each school's headteacher sign-in (the default record keeper) under the
// default ConsentRules, a class at a time as an office would. No posts exist
// yet, so the withdrawal opens no removal task. The result is the same for
// the same clock (a fixed seed).
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "demo/demo_trust.h"
#include "store/database.h"

namespace inloco {

// Call once, after create_demo_people, on the trust it returned. kNotFound
// when a headteacher sign-in is missing from `demo`.
Status create_demo_consent(Database& db, const Clock& clock, const DemoTrust& demo);

}  // namespace inloco

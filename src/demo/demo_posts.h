// The demo trust's posts at Oakfield: a published post with a photograph of
// pupils who have consent, one approved and waiting to go out, a draft the
// checks send for review (its wording, and a picture from a device the school
// has not approved), and a withdrawal of consent that opens a removal task (CON-5).
// Runs after the demo's people, accounts and consent exist.
#pragma once

#include "core/clock.h"
#include "demo/demo_media.h"
#include "demo/demo_trust.h"
#include "posts/school_checkers.h"
#include "store/database.h"

namespace inloco {

// `media`: the demo library's pictures, attached to the posts.
Status create_demo_posts(Database& db, const Clock& clock, const DemoTrust& demo,
                         const DemoMedia& media);

}  // namespace inloco

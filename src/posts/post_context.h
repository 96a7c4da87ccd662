// The real answers the post checks need, from the consent register and the
// text checker, for one school (see post_checks.h). Used by the web layer and
// the command line; tests of the workflow may pass their own.
#pragma once

#include <memory>

#include "checks/text_checker.h"
#include "consent/published_posts.h"
#include "posts/post_checks.h"
#include "profile/policy_profile.h"

namespace inloco {

// `profile` and `checker` must outlive the returned context.
PostCheckContext post_check_context(const PolicyProfile& profile, const checks::TextChecker& checker,
                                    const CalendarDate& today);

// CON-5: what a withdrawal of consent uses to find the posts to take down.
PublishedPostsFinder published_posts_finder();

}  // namespace inloco

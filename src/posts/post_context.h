// The real answers the post checks need, from the consent register and the
// text checker, for one school (see post_checks.h). Used by the web layer and
// the command line; tests of the workflow may pass their own.
#pragma once

#include <memory>

#include "checks/text_checker.h"
#include "consent/published_posts.h"
#include "posts/post_checks.h"
#include "posts/school_checkers.h"
#include "profile/policy_profile.h"

namespace inloco {

// `profile` and `checker` must outlive the returned context.
PostCheckContext post_check_context(const PolicyProfile& profile,
                                    const checks::TextChecker& checker, const CalendarDate& today);

// Everything the checks need for one school. The profile is the caller's (the
// web layer or the command line loads it: a capability never reads a school's
// profile itself); the school's compiled checker is taken from `checkers`. The
// profile and checker live on the heap so that moving this value (into a
// Result) keeps the context's references to them valid.
struct SchoolPostContext {
  std::unique_ptr<PolicyProfile> profile;
  std::shared_ptr<const checks::TextChecker> checker;
  std::unique_ptr<PostCheckContext> checks;
};
Result<SchoolPostContext> load_school_post_context(Database& db, SchoolCheckers& checkers,
                                                   PolicyProfile profile, int64_t school_id,
                                                   const CalendarDate& today);

// CON-5: what a withdrawal of consent uses to find the posts to take down.
PublishedPostsFinder published_posts_finder();

}  // namespace inloco

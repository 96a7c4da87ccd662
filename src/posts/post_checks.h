// The checks every post goes through on each save, again at approval and
// again at publishing (PST-2..6, PST-9): the account is open and the author
// may post to it; every tagged pupil has consent for what the post shows this
// academic year; no tagged pupil's full name is in the text of a post with
// images or video; the text checker; the media's source; incident rules.
//
// What comes from other capabilities (consent, the text checker) is passed in
// as functions, so this file depends only on their answers.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "auth/permissions.h"
#include "consent/consent_decision.h"  // kImagesUse, kVideosUse
#include "core/calendar_date.h"
#include "posts/post.h"
#include "profile/policy_profile.h"
#include "store/database.h"

namespace inloco {

struct PostCheckContext {
  const PostRules& post_rules;
  const AccountRules& account_rules;
  CalendarDate today;
  // True only when the pupil's consent for `use` is granted on that day (CON-1..7).
  std::function<Result<bool>(Connection&, int64_t pupil_id, std::string_view use,
                             const CalendarDate& on)>
      has_consent;
  // The text checker's findings (PST-2, PST-3), each with its check key, verdict
  // and span; with_media when the post shows images or video (PST-4).
  std::function<Result<std::vector<PostFinding>>(std::string_view text, bool with_media)>
      check_text;
};

Result<std::vector<PostFinding>> run_post_checks(Connection& conn, const PostCheckContext& ctx,
                                                 const Grants& author_grants, int64_t school_id,
                                                 int64_t school_trust_id, int64_t author_id,
                                                 const PostDraft& draft);

// The strictest verdict among the findings (pass when there are none).
Verdict overall_verdict(const std::vector<PostFinding>& findings);

}  // namespace inloco

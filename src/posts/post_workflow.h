// The life of a post (PST-1..9): drafted by an authorised poster, checked on
// every save, approved by the profile's approver who is not its author (an
// edit after approval withdraws the approval), checked again and published
// with its live address, and kept linked to the pupils it shows.
//
// Every function runs inside the caller's transaction and audits what it changes.
// Those that change a post take the transaction, the clock, the acting person
// (at.actor.person_id is the author or the approver) and the school as a
// SchoolScope, and `grants`: that person's roles.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/permissions.h"
#include "core/clock.h"
#include "posts/incident_store.h"
#include "posts/post.h"
#include "posts/post_checks.h"
#include "store/audit_log.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxPostBytes = 20000;
inline constexpr size_t kMaxPostImages = 10;

// Creates (post_id empty) or edits a draft and runs the checks. Refused
// (kInvalid) for bad input: invalid UTF-8, an empty or huge text, an objective
// the profile does not list, a pupil or an image of another school, more than
// kMaxPostImages images; kConflict for a published post.
Result<int64_t> save_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                          int64_t school_trust_id, std::optional<int64_t> post_id,
                          const PostDraft& draft);

// PST-7: by one of the profile's approvers who is not the author; refused when
// the checks refuse. Findings to review are reviewed by the approver.
Status approve_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                    int64_t school_trust_id, int64_t post_id);

// PST-8: the approved revision, checked again (consent may have been
// withdrawn since), with the live address.
Status publish_post(const SchoolScope& at, const Grants& grants, const PostCheckContext& ctx,
                    int64_t school_trust_id, int64_t post_id, const std::string& live_url);

Status withdraw_post(const SchoolScope& at, int64_t post_id, const std::string& reason);

Result<Post> get_post(Connection& conn, int64_t school_id, int64_t post_id);
Result<std::vector<Post>> list_posts(Connection& conn, int64_t school_id,
                                     std::optional<PostStatus> status = std::nullopt);

// The posts an image is attached to, newest first.
Result<std::vector<Post>> posts_using_media(Connection& conn, int64_t school_id, int64_t media_id);

// CON-5: the published posts that show this pupil in the way `use` covers.
struct PublishedPost {
  int64_t post_id = 0;
  int64_t account_id = 0;
  std::string live_url;
  int64_t published_at = 0;
};
Result<std::vector<PublishedPost>> published_posts_showing(Connection& conn, int64_t pupil_id,
                                                           std::string_view use);

}  // namespace inloco

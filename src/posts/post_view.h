// The posts as a person sees them, one call for each thing shown, so that the
// post pages, the post API and the media library answer alike: only the posts
// may_see_post lets them see (post_visibility.h), with the images a post
// carries as media_shown_at allows them to be shown (media/media_access.h).
//
// Read-only; call inside Database::read or a transaction.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "media/media_store.h"
#include "people/school_store.h"
#include "posts/post.h"
#include "posts/post_visibility.h"
#include "store/database.h"

namespace inloco {

// One post and the pictures shown with it.
struct PostView {
  Post post;
  std::vector<MediaItem> images;  // the post's images that are the school's, in the post's order
};

// The school's posts the viewer may see, in list_posts' order (latest change first).
Result<std::vector<Post>> visible_posts(Connection& conn, const School& school,
                                        const PostViewer& viewer);

// One post for a viewer who may see it: get_post's kNotFound for none at the
// school, and kNotFound "There is no such post among yours." for one they may
// not see.
Result<PostView> view_post(Connection& conn, const School& school, int64_t post_id,
                           const PostViewer& viewer);

// The posts carrying an image that the viewer may see, latest change first.
Result<std::vector<Post>> visible_posts_using_media(Connection& conn, const School& school,
                                                    int64_t media_id, const PostViewer& viewer);

}  // namespace inloco

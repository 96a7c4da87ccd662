// Who may see a post (PST-1, PST-7). The permission table lets everyone who
// writes posts reach the post pages and the post API; this decides which
// posts each of them sees there: their own, and every post of the school for
// those who may approve posts (posts.approve, held at the school or across
// its trust), who must read a draft to approve it. Another author's post is
// answered as one that does not exist, so a page never confirms it is there.
//
// The one rule for the post pages, the post API and the media library's list
// of the posts that carry an image.
#pragma once

#include <cstdint>

#include "auth/permissions.h"
#include "auth/viewer.h"
#include "people/school_store.h"
#include "posts/post.h"

namespace inloco {

// The signed-in person looking (auth/viewer.h).
using PostViewer = Viewer;

// May the viewer see this post of `school` (the school it belongs to)?
bool may_see_post(const Post& post, const PostViewer& viewer, const School& school);

}  // namespace inloco

#include "posts/post_visibility.h"

namespace inloco {

bool may_see_post(const Post& post, const PostViewer& viewer, const School& school) {
  if (post.school_id != school.id) return false;
  return post.author_id == viewer.person_id ||
         viewer.grants.can(Capability::kPostsApprove, school.id, school.trust_id);
}

}  // namespace inloco

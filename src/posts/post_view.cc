#include "posts/post_view.h"

#include <utility>

#include "media/media_access.h"
#include "posts/post_workflow.h"

namespace inloco {

namespace {

std::vector<Post> only_visible(std::vector<Post> posts, const PostViewer& viewer,
                               const School& school) {
  std::vector<Post> out;
  for (Post& p : posts)
    if (may_see_post(p, viewer, school)) out.push_back(std::move(p));
  return out;
}

}  // namespace

Result<std::vector<Post>> visible_posts(Connection& conn, const School& school,
                                        const PostViewer& viewer) {
  return only_visible(TRY(list_posts(conn, school.id)), viewer, school);
}

Result<PostView> view_post(Connection& conn, const School& school, int64_t post_id,
                           const PostViewer& viewer) {
  Post post = TRY(get_post(conn, school.id, post_id));
  if (!may_see_post(post, viewer, school))
    return Error::not_found("There is no such post among yours.");
  std::vector<MediaItem> images = TRY(media_shown_at(conn, school.id, post.draft.media_ids));
  return PostView{std::move(post), std::move(images)};
}

Result<std::vector<Post>> visible_posts_using_media(Connection& conn, const School& school,
                                                    int64_t media_id, const PostViewer& viewer) {
  return only_visible(TRY(posts_using_media(conn, school.id, media_id)), viewer, school);
}

}  // namespace inloco

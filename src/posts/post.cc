#include "posts/post.h"

namespace inloco {

std::string_view post_status_key(PostStatus s) {
  switch (s) {
    case PostStatus::kDraft:
      return "draft";
    case PostStatus::kApproved:
      return "approved";
    case PostStatus::kPublished:
      return "published";
    case PostStatus::kWithdrawn:
      return "withdrawn";
  }
  return "draft";
}

std::string_view post_status_label(PostStatus s) {
  switch (s) {
    case PostStatus::kDraft:
      return "Draft";
    case PostStatus::kApproved:
      return "Approved";
    case PostStatus::kPublished:
      return "Published";
    case PostStatus::kWithdrawn:
      return "Withdrawn";
  }
  return "Draft";
}

std::optional<PostStatus> parse_post_status(std::string_view key) {
  for (PostStatus s :
       {PostStatus::kDraft, PostStatus::kApproved, PostStatus::kPublished, PostStatus::kWithdrawn})
    if (post_status_key(s) == key) return s;
  return std::nullopt;
}

std::string_view verdict_key(Verdict v) {
  switch (v) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kReview:
      return "review";
    case Verdict::kRefuse:
      return "refuse";
  }
  return "refuse";
}

std::optional<Verdict> parse_verdict(std::string_view key) {
  for (Verdict v : {Verdict::kPass, Verdict::kReview, Verdict::kRefuse})
    if (verdict_key(v) == key) return v;
  return std::nullopt;
}

}  // namespace inloco

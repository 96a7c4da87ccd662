// A post on an official account (PST-1..10): its text, what it shows, who it
// shows, and where it is in the workflow draft → approved → published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inloco {

enum class PostStatus { kDraft, kApproved, kPublished, kWithdrawn };
std::string_view post_status_key(PostStatus s);
std::string_view post_status_label(PostStatus s);
std::optional<PostStatus> parse_post_status(std::string_view key);

// The verdict of the checks: pass, a person must look (review), or refused.
enum class Verdict { kPass, kReview, kRefuse };
std::string_view verdict_key(Verdict v);
std::optional<Verdict> parse_verdict(std::string_view key);

// One thing a check found. `check` is a key of the profile's post checks
// (offensive, personal_data, pupil_full_name_with_image, ...) or one of the
// workflow checks: consent, not_authorised, account_not_open, incident,
// media_source, media_device. start/end are byte offsets in the post's text, when the
// finding is about words.
struct PostFinding {
  std::string check;
  Verdict verdict = Verdict::kRefuse;
  std::string message;
  std::optional<size_t> start;
  std::optional<size_t> end;
  std::string match;
  std::optional<int64_t> pupil_id;
};

struct PostDraft {
  int64_t account_id = 0;
  std::string objective;  // one of the profile's objectives (PST-1)
  std::string body;
  bool shows_images = false;
  bool shows_video = false;
  std::vector<int64_t> pupil_ids;  // tagged by the author
  std::vector<int64_t> media_ids;  // images from the school's media library, in order
  std::string media_source;        // PST-6: for video, and images not from the library
  std::optional<int64_t> incident_id;
};

struct Post {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t author_id = 0;
  std::string author_name;
  std::string account_name;
  PostDraft draft;
  PostStatus status = PostStatus::kDraft;
  int64_t revision = 1;
  Verdict verdict = Verdict::kPass;
  std::vector<PostFinding> findings;
  std::optional<int64_t> approved_by;
  std::optional<int64_t> approved_at;
  std::optional<int64_t> approved_revision;
  std::optional<int64_t> published_by;
  std::optional<int64_t> published_at;
  std::optional<std::string> live_url;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace inloco

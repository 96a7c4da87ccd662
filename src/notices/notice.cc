#include "notices/notice.h"

namespace inloco {

std::string_view notice_kind_key(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kConcernRouted: return "concern_routed";
    case NoticeKind::kConcernAccessAdded: return "concern_access_added";
    case NoticeKind::kConcernReopened: return "concern_reopened";
  }
  return "concern_routed";
}

std::optional<NoticeKind> parse_notice_kind(std::string_view key) {
  for (NoticeKind k : {NoticeKind::kConcernRouted, NoticeKind::kConcernAccessAdded,
                       NoticeKind::kConcernReopened})
    if (notice_kind_key(k) == key) return k;
  return std::nullopt;
}

std::string_view notice_text(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kConcernRouted: return "A concern was routed to you.";
    case NoticeKind::kConcernAccessAdded: return "You were given access to a concern's case.";
    case NoticeKind::kConcernReopened: return "A concern you can open was reopened.";
  }
  return "";
}

}  // namespace inloco

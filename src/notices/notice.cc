#include "notices/notice.h"

namespace inloco {

std::string_view notice_kind_key(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kConcernRouted:
      return "concern_routed";
    case NoticeKind::kConcernAccessAdded:
      return "concern_access_added";
    case NoticeKind::kConcernReopened:
      return "concern_reopened";
    case NoticeKind::kUnblockRequested:
      return "unblock_requested";
    case NoticeKind::kUnblockDecided:
      return "unblock_decided";
    case NoticeKind::kSiteReported:
      return "site_reported";
    case NoticeKind::kSiteReportHandled:
      return "site_report_handled";
    case NoticeKind::kNetworkBanned:
      return "network_banned";
  }
  return "concern_routed";
}

std::optional<NoticeKind> parse_notice_kind(std::string_view key) {
  for (NoticeKind k :
       {NoticeKind::kConcernRouted, NoticeKind::kConcernAccessAdded, NoticeKind::kConcernReopened,
        NoticeKind::kUnblockRequested, NoticeKind::kUnblockDecided, NoticeKind::kSiteReported,
        NoticeKind::kSiteReportHandled, NoticeKind::kNetworkBanned})
    if (notice_kind_key(k) == key) return k;
  return std::nullopt;
}

std::string_view notice_text(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::kConcernRouted:
      return "A concern was routed to you.";
    case NoticeKind::kConcernAccessAdded:
      return "You were given access to a concern's case.";
    case NoticeKind::kConcernReopened:
      return "A concern you can open was reopened.";
    case NoticeKind::kUnblockRequested:
      return "A request to unblock a site is waiting for you.";
    case NoticeKind::kUnblockDecided:
      return "Your request to unblock a site has been decided.";
    case NoticeKind::kSiteReported:
      return "A site was reported to be blocked.";
    case NoticeKind::kSiteReportHandled:
      return "The site you reported has been looked at.";
    case NoticeKind::kNetworkBanned:
      return "Someone was banned from the school network after attempts to get round the filter.";
  }
  return "";
}

}  // namespace inloco

// A notice in the application: something that needs a person's attention,
// such as a concern routed to them (INC-3). A notice carries no words about
// the matter, only its kind and what it points to; the words below are the
// same for every notice of a kind, so the list of notices never says more
// than the person could see by opening the case.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace inloco {

enum class NoticeKind {
  kConcernRouted,       // a new concern was routed to them
  kConcernAccessAdded,  // someone who can open a case gave them access, with a reason
  kConcernReopened,     // a closed case they can open was reopened
  kUnblockRequested,    // NET-3: a request to unblock a site for ICT's check or the head's decision
  kUnblockDecided,      // their request to unblock a site was decided
  kSiteReported,        // NET-4: a site was reported for them to block or not
  kSiteReportHandled,   // the site they reported was blocked, or not
  kNetworkBanned,  // NET-6: a person was banned from the network after attempts to get round the
                   // filter
};

// What a notice points to: one of these.
struct NoticeAbout {
  std::optional<int64_t> concern_id;
  std::optional<int64_t> unblock_request_id;
  std::optional<int64_t> site_report_id;
  std::optional<int64_t> filter_ban_id = {};  // "= {}": the three-member initialisers stay valid
};

std::string_view notice_kind_key(NoticeKind kind);  // "concern_routed", ...
std::optional<NoticeKind> parse_notice_kind(std::string_view key);
// One sentence for the person told: "A concern was routed to you."
std::string_view notice_text(NoticeKind kind);

struct Notice {
  int64_t id = 0;
  int64_t school_id = 0;
  std::string school_name;
  int64_t person_id = 0;
  NoticeKind kind = NoticeKind::kConcernRouted;
  std::optional<int64_t> concern_id;
  std::optional<int64_t> unblock_request_id;
  std::optional<int64_t> site_report_id;
  std::optional<int64_t> filter_ban_id;
  int64_t created_at = 0;
  std::optional<int64_t> read_at;

  bool unread() const { return !read_at.has_value(); }
};

}  // namespace inloco

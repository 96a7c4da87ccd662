// Where a notice leads, shared by the notices page, the dashboard and the API.
#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <vector>

#include "notices/notice.h"

namespace inloco::web {

inline std::string notice_href(const Notice& n) {
  std::string school = "/schools/" + std::to_string(n.school_id);
  if (n.concern_id) return school + "/concerns/" + std::to_string(*n.concern_id);
  if (n.unblock_request_id)
    return school + "/filtering/unblocks/" + std::to_string(*n.unblock_request_id);
  if (n.site_report_id) return school + "/filtering/reports/" + std::to_string(*n.site_report_id);
  if (n.filter_ban_id) return school + "/filtering/bans/" + std::to_string(*n.filter_ban_id);
  return school;
}

// Rows for notices.mustache and the dashboard: text, href, reference,
// school, when, unread.
mstch::array notice_rows(const std::vector<Notice>& notices);

}  // namespace inloco::web

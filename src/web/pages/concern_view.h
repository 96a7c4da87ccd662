// Helpers shared by the concern pages and API (concern_report_pages.cc,
// concern_case_pages.cc, api/concerns_api.cc): labels and times typed into a
// form. The refusals for a case or report one may not see are
// concerns/case_access.h and concerns/concern_views.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "concerns/concern.h"
#include "concerns/evidence_vault.h"
#include "core/calendar_date.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/vocabulary.h"
#include "web/app.h"
#include "web/request.h"
#include "web/router.h"

namespace inloco::web {

// Registered from add_concern_routes, in this order (the literal paths
// before /concerns/{concern}).
void add_concern_report_routes(Router& router, AppContext& app);
void add_concern_case_routes(Router& router, AppContext& app);

// The evidence folder, sealed with the server's key.
inline EvidenceVault evidence_vault(AppContext& app) {
  return EvidenceVault(app.config.evidence_dir, app.key);
}

inline std::string concerns_base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/concerns";
}

inline std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}
inline std::string concern_type_label(const std::string& key) {
  return capitalised(std::string(concern_type_vocabulary().label(key).value_or(key)));
}
inline std::string risk_area_label(const std::string& key) {
  return capitalised(std::string(risk_area_vocabulary().label(key).value_or(key)));
}
inline std::string risk_kind_label(const std::string& key) {
  return capitalised(std::string(risk_kind_vocabulary().label(key).value_or(key)));
}

// "2026-11-21 10:37" (UTC, as stored).
inline std::string when_text(int64_t t) {
  std::string s = format_utc(t);
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

// A date (YYYY-MM-DD) and an optional time (HH:MM) typed into a form; nullopt
// when the date is missing or not a real date or the time is malformed.
inline std::optional<int64_t> parse_when(const std::string& date, const std::string& time) {
  auto d = parse_date(date);
  if (!d.ok()) return std::nullopt;
  int64_t secs = days_since_epoch(*d) * 86400;
  if (!time.empty()) {
    if (time.size() != 5 || time[2] != ':') return std::nullopt;
    for (size_t i : {0u, 1u, 3u, 4u})
      if (time[i] < '0' || time[i] > '9') return std::nullopt;
    int h = (time[0] - '0') * 10 + (time[1] - '0');
    int m = (time[3] - '0') * 10 + (time[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    secs += h * 3600 + m * 60;
  }
  return secs;
}

}  // namespace inloco::web

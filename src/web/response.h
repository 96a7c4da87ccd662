// Building responses: HTML pages, JSON, redirects, and the one shape every
// error takes — an error page for people, and for the API:
//   {"error": {"code": "invalid", "message": "...", "details": ["..."]}}
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "web/http_types.h"

namespace inloco::web {

unsigned http_status(ErrorCode code);

HttpResponse html_response(unsigned status, std::string body);
HttpResponse json_response(unsigned status, const nlohmann::json& body);
HttpResponse redirect_response(const std::string& location);  // 303 See Other
// A CSV download called `file_name` (the body already formula-safe: core/text csv_cell).
HttpResponse csv_response(const std::string& file_name, std::string body);
nlohmann::json error_json(const Error& error);

// Adds the headers every response carries (CSP without inline script,
// nosniff, no framing, referrer policy, no caching of personal pages).
void add_security_headers(HttpResponse& res, bool cacheable = false);

// Set-Cookie value for a session-style cookie: HttpOnly, SameSite=Lax, Path=/.
std::string cookie_header(const std::string& name, const std::string& value, bool secure,
                          int64_t max_age_seconds = -1);

}  // namespace inloco::web

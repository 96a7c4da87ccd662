#include "web/response.h"

namespace inloco::web {

unsigned http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse html_response(unsigned status, std::string body) {
  HttpResponse res{static_cast<http::status>(status), 11};
  res.set(http::field::content_type, "text/html; charset=utf-8");
  res.body() = std::move(body);
  return res;
}

HttpResponse json_response(unsigned status, const nlohmann::json& body) {
  HttpResponse res{static_cast<http::status>(status), 11};
  res.set(http::field::content_type, "application/json");
  res.body() = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return res;
}

HttpResponse redirect_response(const std::string& location) {
  HttpResponse res{http::status::see_other, 11};
  res.set(http::field::location, location);
  return res;
}

nlohmann::json error_json(const Error& error) {
  return {{"error",
           {{"code", error_code_name(error.code)},
            {"message", error.message},
            {"details", error.details}}}};
}

HttpResponse csv_response(const std::string& file_name, std::string body) {
  HttpResponse res{http::status::ok, 11};
  res.set(http::field::content_type, "text/csv; charset=utf-8");
  res.set(http::field::content_disposition, "attachment; filename=\"" + file_name + "\"");
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

void add_security_headers(HttpResponse& res, bool cacheable) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");
  res.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  res.set("Cross-Origin-Opener-Policy", "same-origin");
  if (!cacheable) res.set(http::field::cache_control, "no-store");
}

std::string cookie_header(const std::string& name, const std::string& value, bool secure,
                          int64_t max_age_seconds) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax";
  if (secure) c += "; Secure";
  if (max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
  return c;
}

}  // namespace inloco::web

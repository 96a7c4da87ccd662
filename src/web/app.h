// App: the web application. It turns each HTTP request into one call of a
// route's handler, after the steps every request goes through in this order:
//   request id → route match → sign-in lookup → access check (permissions,
//   school) → CSRF check → handler → an Error turned into its page or JSON
//   answer (and logged when it is ours) → security headers → metrics and the
//   access log.
// Handlers (web/pages/*, web/api/*) only translate HTTP to service calls.
#pragma once

#include <memory>
#include <string>

#include "auth/user_accounts.h"
#include "core/clock.h"
#include "core/secret_key.h"
#include "posts/school_checkers.h"
#include "store/database.h"
#include "web/metrics.h"
#include "web/request_log.h"
#include "web/router.h"
#include "web/templates.h"

namespace inloco::web {

struct AppConfig {
  std::string static_dir;       // built web assets (build/static)
  bool secure_cookies = false;  // set when served over HTTPS
  std::string media_dir;        // the media library's stripped images (var/media)
  std::string evidence_dir;     // files kept as evidence on concerns (var/evidence)
};

struct AppContext {
  Database& db;
  const Clock& clock;
  UserAccounts& accounts;
  const SecretKey& key;  // seals stored account passwords (ACC-6)
  const Templates& templates;
  Metrics& metrics;
  AppConfig config;
  SchoolCheckers& checkers;       // compiled text checkers, one per school
  RequestLog log = RequestLog();  // failures to standard error; the access log if asked for
};

inline constexpr const char* kSessionCookie = "inloco_session";
inline constexpr const char* kPreSessionCookie = "inloco_presession";  // guards the sign-in form

class App {
 public:
  explicit App(AppContext ctx);
  HttpResponse handle(HttpRequest&& raw, const std::string& remote);
  const Router& router() const { return router_; }
  AppContext& context() { return ctx_; }

 private:
  Result<HttpResponse> dispatch(Request& req);
  AppContext ctx_;
  Router router_;
};

}  // namespace inloco::web

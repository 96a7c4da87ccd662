#include "web/app.h"

#include <chrono>

#include "auth/grants_store.h"
#include "core/crypto.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

bool is_state_changing(http::verb v) {
  return v == http::verb::post || v == http::verb::put || v == http::verb::patch ||
         v == http::verb::delete_;
}

// Finds the session, the person's grants and the school of the path.
Status load_identity(AppContext& ctx, Request& req) {
  auto it = req.cookies.find(kSessionCookie);
  if (it == req.cookies.end()) return {};
  auto user = TRY(ctx.accounts.authenticate(it->second));
  if (!user) return {};
  req.user = std::move(user);
  return ctx.db.read([&](Connection& conn) -> Status {
    req.grants = TRY(load_grants(conn, req.user->person_id));
    for (const auto& g : req.grants.all()) {
      if (g.school_id) {
        req.home_school_id = g.school_id;
        break;
      }
    }
    if (!req.home_school_id) {
      for (const auto& g : req.grants.all()) {
        auto schools = TRY(list_schools(conn, g.trust_id));
        if (!schools.empty()) {
          req.home_school_id = schools.front().id;
          break;
        }
      }
    }
    return {};
  });
}

// The one access check (IAM-2). Returns a response when the request stops here.
std::optional<Result<HttpResponse>> check_access(AppContext& ctx, const RouteSpec& spec,
                                                 Request& req) {
  if (spec.access == Access::kPublic) return std::nullopt;
  if (!req.user) {
    if (req.is_api())
      return Error::unauthenticated("Sign in first: this needs a signed-in account.");
    std::string next =
        req.raw.method() == http::verb::get ? std::string(req.raw.target()) : "/dashboard";
    return redirect_response("/sign-in?next=" + url_encode(next));
  }
  // A reset password must be replaced before anything else is done.
  if (req.user->must_change_password && !req.path.starts_with("/account") &&
      req.path != "/sign-out" && !req.is_api())
    return redirect_response("/account");

  if (spec.access == Access::kSchool) {
    auto school_id = req.int_param("school");
    if (!school_id) return Error::not_found("There is no such school.");
    auto school = ctx.db.read([&](Connection& c) { return get_school(c, *school_id); });
    if (!school.ok()) {
      if (school.error().code == ErrorCode::kNotFound)
        return Error::not_found("There is no such school.");
      return school.error();
    }
    req.school = std::move(school).value();
    if (spec.capability && !req.grants.can(*spec.capability, req.school->id, req.school->trust_id))
      return Error::forbidden("You do not have access to this page for " + req.school->name + ".");
    return std::nullopt;
  }
  if (spec.capability && !req.grants.can_somewhere(*spec.capability))
    return Error::forbidden("You do not have access to this page.");
  return std::nullopt;
}

// CSRF (state-changing requests): the session's token must come back in the
// form field csrf_token or the X-CSRF-Token header. Without a session (the
// sign-in form) the form must echo the pre-session cookie.
bool csrf_ok(Request& req) {
  std::string sent(req.raw["X-CSRF-Token"]);
  if (sent.empty()) sent = field(req.form(), "csrf_token");
  if (sent.empty()) return false;
  if (req.user) return constant_time_equal(sent, req.user->session.csrf_token);
  auto it = req.cookies.find(kPreSessionCookie);
  return it != req.cookies.end() && constant_time_equal(sent, it->second);
}

}  // namespace

App::App(AppContext ctx) : ctx_(std::move(ctx)) {
  add_system_routes(router_, ctx_);
  add_sign_in_routes(router_, ctx_);
  add_dashboard_routes(router_, ctx_);
  add_my_account_routes(router_, ctx_);
  add_people_routes(router_, ctx_);
  add_import_routes(router_, ctx_);
  add_audit_routes(router_, ctx_);
  add_policy_routes(router_, ctx_);
  add_account_register_routes(router_, ctx_);
  add_post_routes(router_, ctx_);
  add_consent_routes(router_, ctx_);
  add_consent_import_routes(router_, ctx_);
  add_media_routes(router_, ctx_);
  add_device_routes(router_, ctx_);
  add_concern_routes(router_, ctx_);
  add_notice_routes(router_, ctx_);
  add_filter_routes(router_, ctx_);
  add_site_report_routes(router_, ctx_);
  add_filter_monitoring_routes(router_, ctx_);
  add_filter_ban_routes(router_, ctx_);
  add_staff_conduct_routes(router_, ctx_);
  add_api_routes(router_, ctx_);
  add_accounts_api_routes(router_, ctx_);
  add_posts_api_routes(router_, ctx_);
  add_consent_api_routes(router_, ctx_);
  add_media_api_routes(router_, ctx_);
  add_concerns_api_routes(router_, ctx_);
  add_staff_conduct_api_routes(router_, ctx_);
  add_notices_api_routes(router_, ctx_);
  add_filter_api_routes(router_, ctx_);
  add_filter_monitoring_api_routes(router_, ctx_);
}

HttpResponse App::handle(HttpRequest&& raw, const std::string& remote) {
  auto started = std::chrono::steady_clock::now();
  Request req;
  req.raw = std::move(raw);
  req.remote = remote;
  req.request_id = random_token(9);
  req.route_pattern = "unmatched";
  std::string_view target = req.raw.target();
  size_t q = target.find('?');
  req.path = url_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) req.query = parse_urlencoded(target.substr(q + 1));
  req.cookies = parse_cookies(req.raw[http::field::cookie]);
  std::string method(req.raw.method_string());

  Result<HttpResponse> answer = Error::internal("");
  try {
    answer = dispatch(req);
  } catch (const std::exception& e) {
    answer = Error::internal("Something went wrong on our side.")
                 .with_internal_detail(std::string("uncaught exception: ") + e.what());
  }
  HttpResponse res =
      answer.ok() ? std::move(answer).value() : error_response(ctx_, req, answer.error());
  bool is_static = req.route_pattern == "/static/*";
  add_security_headers(res, is_static);
  res.set("X-Request-Id", req.request_id);
  res.version(req.raw.version());
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ctx_.metrics.record(method, req.route_pattern, res.result_int(), seconds);
  ctx_.log.access(req.request_id, method, req.route_pattern, res.result_int(), seconds);
  return res;
}

Result<HttpResponse> App::dispatch(Request& req) {
  if (req.path.find("..") != std::string::npos || req.path.empty() || req.path.front() != '/')
    return Error::invalid("That address is not valid.");
  RouteMatch m = router_.match(req.raw.method(), req.path);
  if (!m.route) {
    if (m.path_matched_other_method) {
      auto res = error_response(ctx_, req, Error::invalid("That method is not allowed here."));
      res.result(http::status::method_not_allowed);
      return res;
    }
    return Error::not_found("There is no page at this address.");
  }
  req.route_pattern = m.route->spec.pattern;
  req.params = std::move(m.params);
  if (m.route->spec.access != Access::kPublic || req.cookies.count(kSessionCookie))
    TRY(load_identity(ctx_, req));
  if (auto stop = check_access(ctx_, m.route->spec, req)) return std::move(*stop);
  if (is_state_changing(req.raw.method()) && m.route->spec.csrf && !csrf_ok(req))
    return Error::forbidden(
        "This form has expired or did not come from inloco. "
        "Go back, reload the page and try again.");
  return m.route->handler(req);
}

}  // namespace inloco::web

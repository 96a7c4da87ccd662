// Sign-in, the second-factor code, and sign-out (IAM-1).
#include "core/crypto.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

// Only local paths: never send someone to another site after signing in.
std::string safe_next(const std::string& next) {
  if (next.empty() || next.front() != '/' || next.starts_with("//") ||
      next.find('\\') != std::string::npos)
    return "/dashboard";
  return next;
}

Result<HttpResponse> sign_in_form(AppContext& ctx, Request& req, const std::string& username,
                                  const std::string& next, const Error* error, unsigned status) {
  // A fresh pre-session token guards the form against cross-site sign-in.
  std::string token = csrf_token(req);
  bool fresh = token.empty();
  if (fresh) {
    token = random_token();
    req.cookies[kPreSessionCookie] = token;
  }
  mstch::map c{{"username", username}, {"next", next}};
  if (error) c.emplace("errors", error_list(*error, "username"));
  auto res = render_page(ctx, req, "Sign in", "sign_in", std::move(c), status);
  if (fresh)
    res.set(http::field::set_cookie,
            cookie_header(kPreSessionCookie, token, ctx.config.secure_cookies));
  return res;
}

}  // namespace

void add_sign_in_routes(Router& router, AppContext& ctx) {
  router.add({http::verb::get, "/sign-in", Access::kPublic, std::nullopt},
             [&ctx](Request& req) -> Result<HttpResponse> {
               if (req.user) return redirect_response(safe_next(req.query_value("next")));
               return sign_in_form(ctx, req, "", req.query_value("next"), nullptr, 200);
             });

  router.add({http::verb::post, "/sign-in", Access::kPublic, std::nullopt},
             [&ctx](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               std::string username = field(f, "username");
               std::string next = field(f, "next");
               if (username.empty() || field(f, "password").empty()) {
                 Error e = Error::invalid("Enter your username and password.");
                 return sign_in_form(ctx, req, username, next, &e, 422);
               }
               auto result = ctx.accounts.sign_in(username, field(f, "password"), req.remote);
               if (!result.ok())
                 return sign_in_form(ctx, req, username, next, &result.error(),
                                     http_status(result.error().code));
               auto res =
                   redirect_response(result->second_factor_needed
                                         ? "/sign-in/code?next=" + url_encode(safe_next(next))
                                         : safe_next(next));
               res.set(http::field::set_cookie,
                       cookie_header(kSessionCookie, result->token, ctx.config.secure_cookies));
               res.insert(http::field::set_cookie,
                          cookie_header(kPreSessionCookie, "", ctx.config.secure_cookies, 0));
               return res;
             });

  router.add({http::verb::get, "/sign-in/code", Access::kPublic, std::nullopt},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto it = req.cookies.find(kSessionCookie);
               if (it == req.cookies.end()) return redirect_response("/sign-in");
               auto pending = ctx.accounts.pending_second_factor(it->second);
               if (!pending.ok() || !*pending)
                 return redirect_response(req.user ? "/dashboard" : "/sign-in");
               // The form's CSRF token is the pending session's own.
               req.cookies[kPreSessionCookie] = (*pending)->csrf_token;
               return render_page(ctx, req, "Enter your code", "sign_in_code", {});
             });

  router.add(
      {http::verb::post, "/sign-in/code", Access::kPublic, std::nullopt, /*csrf=*/false},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto it = req.cookies.find(kSessionCookie);
        if (it == req.cookies.end()) return redirect_response("/sign-in");
        auto pending = ctx.accounts.pending_second_factor(it->second);
        if (!pending.ok() || !*pending) return redirect_response("/sign-in");
        if (!constant_time_equal(field(req.form(), "csrf_token"), (*pending)->csrf_token))
          return Error::forbidden("This form has expired. Go back, reload the page and try again.");
        auto done =
            ctx.accounts.complete_second_factor(it->second, field(req.form(), "code"), req.remote);
        if (!done.ok()) {
          req.cookies[kPreSessionCookie] = (*pending)->csrf_token;
          mstch::map c{{"errors", error_list(done.error(), "code")}};
          return render_page(ctx, req, "Enter your code", "sign_in_code", std::move(c),
                             http_status(done.error().code));
        }
        return redirect_response(safe_next(req.query_value("next")));
      });

  router.add({http::verb::post, "/sign-out", Access::kSignedIn, std::nullopt},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto it = req.cookies.find(kSessionCookie);
               if (it != req.cookies.end()) (void)ctx.accounts.sign_out(it->second, req.actor());
               auto res = redirect_response("/sign-in");
               res.set(http::field::set_cookie,
                       cookie_header(kSessionCookie, "", ctx.config.secure_cookies, 0));
               return res;
             });
}

}  // namespace inloco::web

// My account: change password, set up or turn off the second factor (IAM-1).
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

Result<HttpResponse> account_page(AppContext& ctx, Request& req, mstch::map extra,
                                  unsigned status = 200) {
  // Shown as off when it cannot be read: the page still lets them change their password.
  auto enabled = ctx.accounts.totp_enabled(req.user->person_id);
  mstch::map c{{"name", req.user->display_name},
               {"username", req.user->username},
               {"totp_enabled", enabled.ok() && *enabled}};
  for (auto& [k, v] : extra) c[k] = v;
  return render_page(ctx, req, "My account", "account", std::move(c), status);
}

}  // namespace

void add_my_account_routes(Router& router, AppContext& ctx) {
  router.add(
      {http::verb::get, "/account", Access::kSignedIn, Capability::kOwnSignIn},
      [&ctx](Request& req) -> Result<HttpResponse> {
        mstch::map extra;
        if (req.user->must_change_password)
          extra.emplace(
              "errors",
              mstch::array{mstch::map{
                  {"message", std::string("Your password was reset: choose a new one to go on.")},
                  {"field", std::string("current_password")}}});
        if (req.query_value("done") == "password")
          extra.emplace("notice", std::string("Your password has been changed."));
        if (req.query_value("done") == "totp-on")
          extra.emplace("notice", std::string("Your second factor is on."));
        if (req.query_value("done") == "totp-off")
          extra.emplace("notice", std::string("Your second factor is off."));
        return account_page(ctx, req, std::move(extra));
      });

  router.add({http::verb::post, "/account/password", Access::kSignedIn, Capability::kOwnSignIn},
             [&ctx](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               auto r = ctx.accounts.change_password(
                   req.actor(), req.user->person_id, req.cookies[kSessionCookie],
                   field(f, "current_password"), field(f, "new_password"));
               if (!r.ok())
                 return account_page(ctx, req, {{"errors", error_list(r.error(), "new_password")}},
                                     http_status(r.error().code));
               return redirect_response("/account?done=password");
             });

  router.add(
      {http::verb::post, "/account/second-factor/start", Access::kSignedIn, Capability::kOwnSignIn},
      [&ctx](Request& req) -> Result<HttpResponse> {
        auto e = ctx.accounts.begin_totp_enrolment(req.actor(), req.user->person_id);
        if (!e.ok())
          return account_page(ctx, req, {{"errors", error_list(e.error())}},
                              http_status(e.error().code));
        return account_page(
            ctx, req, {{"enrolment", true}, {"qr_svg", e->qr_svg}, {"secret", e->secret_base32}});
      });

  router.add({http::verb::post, "/account/second-factor/confirm", Access::kSignedIn,
              Capability::kOwnSignIn},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto r = ctx.accounts.confirm_totp_enrolment(req.actor(), req.user->person_id,
                                                            field(req.form(), "code"));
               if (!r.ok())
                 return account_page(ctx, req, {{"errors", error_list(r.error(), "code")}},
                                     http_status(r.error().code));
               return redirect_response("/account?done=totp-on");
             });

  router.add({http::verb::post, "/account/second-factor/disable", Access::kSignedIn,
              Capability::kOwnSignIn},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto r = ctx.accounts.disable_totp(req.actor(), req.user->person_id,
                                                  field(req.form(), "password"));
               if (!r.ok())
                 return account_page(ctx, req,
                                     {{"errors", error_list(r.error(), "disable_password")}},
                                     http_status(r.error().code));
               return redirect_response("/account?done=totp-off");
             });
}

}  // namespace inloco::web

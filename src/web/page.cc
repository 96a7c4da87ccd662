#include "web/page.h"

#include "notices/notice_store.h"
#include "web/response.h"

namespace inloco::web {

namespace {

struct NavItem {
  const char* label;
  const char* path;  // "{s}" is replaced by the school id; empty: not available yet
  std::optional<Capability> capability;
  bool school_scoped;
};

// The navigation, in the order people meet the work. Items without a path are
// the capabilities still to come: shown, marked "soon", not linked.
const std::vector<NavItem>& nav_items() {
  static const std::vector<NavItem> items = {
      {"Dashboard", "/dashboard", Capability::kDashboardView, false},
      {"Accounts", "/schools/{s}/accounts", Capability::kAccountsOwn, true},
      {"Posts", "/schools/{s}/posts", Capability::kPostsWrite, true},
      {"Media", "/schools/{s}/media", Capability::kMediaView, true},
      {"Consent", "/schools/{s}/consent", Capability::kConsentView, true},
      {"Concerns", "/schools/{s}/concerns", Capability::kConcernsCases, true},
      {"Moderation", "", std::nullopt, false},
      {"Filtering", "/schools/{s}/filtering", Capability::kFilterUnblockRequest, true},
      {"Training", "", std::nullopt, false},
      {"People", "/schools/{s}/people", Capability::kPeopleView, true},
      {"Staff conduct", "/schools/{s}/staff-conduct", Capability::kStaffOwnConduct, true},
      {"Policy", "/schools/{s}/policy", Capability::kPolicyView, true},
      {"Audit log", "/schools/{s}/audit", Capability::kAuditView, true},
      {"My account", "/account", Capability::kOwnSignIn, false},
  };
  return items;
}

const char* heading_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalid:
      return "There is a problem";
    case ErrorCode::kUnauthenticated:
      return "Sign in first";
    case ErrorCode::kForbidden:
      return "You do not have access";
    case ErrorCode::kNotFound:
      return "Page not found";
    case ErrorCode::kConflict:
      return "That clashes with what is stored";
    case ErrorCode::kTooManyRequests:
      return "Too many attempts";
    case ErrorCode::kUnavailable:
      return "Please try again in a moment";
    case ErrorCode::kInternal:
      return "Sorry, something went wrong";
  }
  return "Sorry, something went wrong";
}

const char* advice_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kForbidden:
      return "If you need this for your work, ask your headteacher to give you the role that "
             "allows it.";
    case ErrorCode::kNotFound:
      return "Check the address, or start again from your dashboard.";
    case ErrorCode::kInternal:
      return "It has been logged. Nothing you entered has been lost or half-saved; please try "
             "again.";
    default:
      return "";
  }
}

}  // namespace

std::optional<int64_t> nav_school_id(const Request& req) {
  if (req.school) return req.school->id;
  return req.home_school_id;
}

std::string csrf_token(const Request& req) {
  if (req.user) return req.user->session.csrf_token;
  auto it = req.cookies.find(kPreSessionCookie);
  return it == req.cookies.end() ? std::string() : it->second;
}

HttpResponse render_page(AppContext& ctx, Request& req, const std::string& title,
                         const std::string& template_name, mstch::map context, unsigned status) {
  context.emplace("csrf", csrf_token(req));
  std::string body = ctx.templates.render(template_name, context);

  mstch::map layout{{"title", title}, {"content", body}};
  if (req.user) {
    mstch::map user{{"name", req.user->display_name}, {"csrf", csrf_token(req)}};
    // INC-3: the people a concern is routed to see it on whatever page they are on.
    auto unread =
        ctx.db.read([&](Connection& c) { return unread_notices(c, req.user->person_id); });
    if (unread.ok() && *unread > 0)
      user.emplace("notices",
                   mstch::map{{"count", std::to_string(*unread)},
                              {"label", std::string(*unread == 1 ? "new notice" : "new notices")}});
    layout.emplace("user", std::move(user));
    mstch::array nav;
    auto school = nav_school_id(req);
    for (const auto& item : nav_items()) {
      mstch::map entry{{"label", std::string(item.label)}};
      std::string path = item.path;
      bool allowed = true;
      if (item.capability) {
        if (item.school_scoped) {
          allowed =
              school.has_value() &&
              (req.school ? req.grants.can(*item.capability, req.school->id, req.school->trust_id)
                          : req.grants.can_somewhere(*item.capability));
        } else {
          allowed = req.grants.can_somewhere(*item.capability);
        }
      }
      if (!allowed) continue;
      if (!path.empty()) {
        if (auto pos = path.find("{s}"); pos != std::string::npos)
          path.replace(pos, 3, std::to_string(*school));
        entry.emplace("href", path);
        entry.emplace("current",
                      req.path == path || (path != "/dashboard" && req.path.starts_with(path)));
      }
      nav.push_back(std::move(entry));
    }
    layout.emplace("nav", std::move(nav));
    // INC-1: a concern can be reported from any page, in under a minute.
    if (school && req.grants.can_somewhere(Capability::kConcernsReport) &&
        (!req.school ||
         req.grants.can(Capability::kConcernsReport, req.school->id, req.school->trust_id)))
      layout.emplace("report_concern_href",
                     "/schools/" + std::to_string(*school) + "/concerns/report");
  }
  if (req.school) layout.emplace("school_name", req.school->name);
  return html_response(status, ctx.templates.render("layout", layout));
}

HttpResponse error_response(AppContext& ctx, Request& req, const Error& error) {
  unsigned status = http_status(error.code);
  // Failures on our side are logged here, the one place errors become answers,
  // with the request id the person is shown (and can quote to their ICT team).
  if (status >= 500)
    ctx.log.failure(req.request_id, req.raw.method_string(), req.route_pattern, status, error);
  if (req.is_api()) {
    nlohmann::json body = error_json(error);
    if (!req.request_id.empty()) body["error"]["request_id"] = req.request_id;
    return json_response(status, body);
  }
  mstch::array details;
  for (const auto& d : error.details) details.push_back(d);
  mstch::map context{{"heading", std::string(heading_for(error.code))},
                     {"message", error.message},
                     {"has_details", !error.details.empty()},
                     {"details", details},
                     {"advice", std::string(advice_for(error.code))}};
  if (status >= 500 && !req.request_id.empty()) context.emplace("reference", req.request_id);
  return render_page(ctx, req, heading_for(error.code), "error", std::move(context), status);
}

mstch::array error_list(const Error& error, const std::string& field) {
  mstch::array out;
  out.push_back(mstch::map{{"message", error.message}, {"field", field}});
  for (const auto& d : error.details)
    out.push_back(mstch::map{{"message", d}, {"field", std::string()}});
  return out;
}

}  // namespace inloco::web

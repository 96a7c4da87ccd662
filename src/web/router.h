// Router: every route with the access it needs, in one list. The access check
// (check_access in web/app.cc) reads RouteSpec before any handler runs, and the permission
// walk test iterates over routes() to try each one with every role.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/permissions.h"
#include "web/request.h"

namespace inloco::web {

enum class Access {
  kPublic,    // anyone (sign-in page, health check, static files)
  kSignedIn,  // any signed-in person with `capability` somewhere
  kSchool,    // a signed-in person with `capability` at the school {school} in the path
};

struct RouteSpec {
  http::verb method;
  std::string pattern;  // "/schools/{school}/people/{person}"; a trailing "*" matches the rest
  Access access = Access::kSignedIn;
  std::optional<Capability> capability;
  // false only for routes that check their own CSRF defence (the second-factor
  // form, the JSON sign-in that browsers cannot send cross-site).
  bool csrf = true;
};

// A handler parses the request, makes one service call and renders. A failure
// is returned as an Error (TRY works in handlers) and App turns it into the
// error page or the JSON error body, once, for every route.
using RouteHandler = std::function<Result<HttpResponse>(Request&)>;

struct Route {
  RouteSpec spec;
  RouteHandler handler;
};

struct RouteMatch {
  const Route* route = nullptr;            // null: no route
  bool path_matched_other_method = false;  // → 405
  std::map<std::string, std::string> params;
};

class Router {
 public:
  void add(RouteSpec spec, RouteHandler handler);
  RouteMatch match(http::verb method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace inloco::web

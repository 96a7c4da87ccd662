// Request: one HTTP request as the handlers see it, with what the access check
// established (who is signed in, their grants, the school in the path).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/permissions.h"
#include "auth/user_accounts.h"
#include "auth/viewer.h"
#include "people/school_store.h"
#include "store/audit_log.h"
#include "web/form_data.h"
#include "web/http_types.h"

namespace inloco::web {

struct Request {
  HttpRequest raw;
  std::string remote;
  std::string path;  // decoded, without the query
  Fields query;
  std::map<std::string, std::string> params;  // from the route pattern, e.g. {school}
  std::map<std::string, std::string> cookies;

  // Filled in by the access check.
  std::optional<SignedIn> user;
  Grants grants;
  std::optional<School> school;           // for routes under /schools/{school}
  std::optional<int64_t> home_school_id;  // the first school the person holds a role at

  // Set by App before anything else: ties an error page, a log line and an
  // access-log line together. Random, so it says nothing about the request.
  std::string request_id;
  std::string route_pattern;  // the matched RouteSpec's pattern, or "unmatched"

  bool is_api() const { return path.starts_with("/api/"); }
  std::string query_value(const std::string& name) const { return field(query, name); }
  // The urlencoded form body (parsed on first use).
  const Fields& form();
  // Who is acting, for audit entries.
  Actor actor() const;
  // May the signed-in person do `c` here: at the school in the path for
  // school routes, anywhere otherwise. The route's own capability was checked
  // before the handler ran; this is for what a page offers beyond it (a
  // button, a link, a section shown only to some).
  bool can(Capability c) const;
  // The signed-in person as a capability sees them (signed-in routes only).
  Viewer viewer() const { return Viewer{user->person_id, grants}; }
  // A path parameter as a positive integer, or nullopt.
  std::optional<int64_t> int_param(const std::string& name) const;

 private:
  std::optional<Fields> form_;
};

}  // namespace inloco::web

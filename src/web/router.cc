#include "web/router.h"

namespace inloco::web {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  return out;
}

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string>& params) {
  auto p = segments(pattern);
  auto s = segments(path);
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == "*") {
      std::string rest;
      for (size_t j = i; j < s.size(); ++j) rest += (j > i ? "/" : "") + std::string(s[j]);
      params["*"] = rest;
      return i < s.size();
    }
    if (i >= s.size()) return false;
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      params[std::string(p[i].substr(1, p[i].size() - 2))] = std::string(s[i]);
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  return p.size() == s.size();
}

}  // namespace

void Router::add(RouteSpec spec, RouteHandler handler) {
  routes_.push_back({std::move(spec), std::move(handler)});
}

RouteMatch Router::match(http::verb method, std::string_view path) const {
  RouteMatch out;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!match_pattern(r.spec.pattern, path, params)) continue;
    if (r.spec.method == method) {
      out.route = &r;
      out.params = std::move(params);
      return out;
    }
    out.path_matched_other_method = true;
  }
  return out;
}

}  // namespace inloco::web

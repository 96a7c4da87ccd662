// /healthz, /metrics and /static/*: public, no personal data.
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "store/health_check.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

std::string content_type_for(const std::string& path) {
  auto ends = [&](const char* ext) { return path.ends_with(ext); };
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

// Static files are few and small: read once, keep in memory.
class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  std::optional<std::string> get(const std::string& rel) {
    std::lock_guard lock(mu_);
    if (auto it = cache_.find(rel); it != cache_.end()) return it->second;
    std::filesystem::path p = std::filesystem::path(root_) / rel;
    if (!std::filesystem::is_regular_file(p)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return cache_[rel] = ss.str();
  }

 private:
  std::string root_;
  std::mutex mu_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

void add_system_routes(Router& router, AppContext& ctx) {
  // 200 only when the database takes a write: one that can be read but not
  // written to fails every form, so it is reported with what is wrong.
  router.add({http::verb::get, "/healthz", Access::kPublic, std::nullopt},
             [&ctx](Request& req) -> Result<HttpResponse> {
               DatabaseHealth health = check_database_writable(ctx.db, ctx.clock.now());
               if (health.writable()) return json_response(200, {{"status", "ok"}});
               // Logged with the driver's words, which the answer never shows.
               ctx.log.failure(req.request_id, req.raw.method_string(), req.route_pattern, 503,
                               health.status.error());
               return json_response(503, {{"status", "unavailable"},
                                          {"database", database_state_key(health.state)}});
             });

  router.add({http::verb::get, "/metrics", Access::kPublic, std::nullopt},
             [&ctx](Request&) -> Result<HttpResponse> {
               HttpResponse res{http::status::ok, 11};
               res.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
               res.body() = ctx.metrics.render();
               return res;
             });

  auto files = std::make_shared<StaticFiles>(ctx.config.static_dir);
  router.add({http::verb::get, "/static/*", Access::kPublic, std::nullopt},
             [files](Request& req) -> Result<HttpResponse> {
               const std::string& rel = req.params["*"];
               bool safe = !rel.empty() && rel.find("..") == std::string::npos &&
                           rel.front() != '.' && rel.find("/.") == std::string::npos;
               auto content = safe ? files->get(rel) : std::nullopt;
               if (!content) return Error::not_found("No such file.");
               HttpResponse res{http::status::ok, 11};
               res.set(http::field::content_type, content_type_for(rel));
               res.set(http::field::cache_control, "public, max-age=3600");
               res.body() = *content;
               return res;
             });
}

}  // namespace inloco::web

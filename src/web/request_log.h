// The server's two logs, as one structured line each (logfmt: key=value):
//  - the error log: one line per request that failed on our side (500, 503),
//    with the request id that the error page and the JSON body also show, the
//    route pattern, and what went wrong underneath (Error::internal_detail);
//  - the access log (serve --access-log): method, route pattern, status,
//    duration and request id of every request. Never bodies, cookies, query
//    strings, user names or the path itself (it can hold a person's id).
// Thread-safe: spdlog's _mt sinks serialise writers.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace spdlog {
class logger;
}

namespace inloco::web {

class RequestLog {
 public:
  // `errors`: where failures go (a logger on standard error when null);
  // `access`: the access log (none when null).
  explicit RequestLog(std::shared_ptr<spdlog::logger> errors = nullptr,
                      std::shared_ptr<spdlog::logger> access = nullptr);

  // A logger writing to `path` ("-": standard output), appending; for --access-log.
  static Result<std::shared_ptr<spdlog::logger>> access_log_file(const std::string& path);

  void failure(std::string_view request_id, std::string_view method, std::string_view route,
               unsigned status, const Error& error) const;
  void access(std::string_view request_id, std::string_view method, std::string_view route,
              unsigned status, double seconds) const;

 private:
  std::shared_ptr<spdlog::logger> errors_;
  std::shared_ptr<spdlog::logger> access_;
};

// A logfmt value: bare when it is safe, otherwise quoted with \" \\ \n escaped,
// so a message can never forge a second line or a second key.
std::string logfmt_value(std::string_view text);

}  // namespace inloco::web

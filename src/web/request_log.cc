#include "web/request_log.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

namespace inloco::web {

namespace {

constexpr const char* kPattern = "%Y-%m-%dT%H:%M:%S.%e%z level=%l %v";

std::shared_ptr<spdlog::logger> stderr_logger() {
  // One per process: several Apps (as in the tests) share it.
  static std::shared_ptr<spdlog::logger> logger = [] {
    auto l = std::make_shared<spdlog::logger>("inloco-errors",
                                              std::make_shared<spdlog::sinks::stderr_sink_mt>());
    l->set_pattern(kPattern);
    l->flush_on(spdlog::level::err);
    return l;
  }();
  return logger;
}

}  // namespace

std::string logfmt_value(std::string_view text) {
  bool bare = !text.empty();
  for (char c : text)
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
      bare = false;
  if (bare) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

RequestLog::RequestLog(std::shared_ptr<spdlog::logger> errors,
                       std::shared_ptr<spdlog::logger> access)
    : errors_(errors ? std::move(errors) : stderr_logger()), access_(std::move(access)) {}

Result<std::shared_ptr<spdlog::logger>> RequestLog::access_log_file(const std::string& path) {
  try {
    std::shared_ptr<spdlog::sinks::sink> sink;
    if (path == "-")
      sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
    else
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path, false);
    auto logger = std::make_shared<spdlog::logger>("inloco-access", std::move(sink));
    logger->set_pattern(kPattern);
    logger->flush_on(spdlog::level::info);
    return logger;
  } catch (const spdlog::spdlog_ex& e) {
    return Error::unavailable("Cannot open the access log " + path + ".")
        .with_internal_detail(e.what());
  }
}

void RequestLog::failure(std::string_view request_id, std::string_view method,
                         std::string_view route, unsigned status, const Error& error) const {
  std::string line = "event=request_failed request_id=" + logfmt_value(request_id) +
                     " method=" + logfmt_value(method) + " route=" + logfmt_value(route) +
                     " status=" + std::to_string(status) + " code=" + error_code_name(error.code) +
                     " message=" + logfmt_value(error.message);
  if (!error.internal_detail.empty()) line += " detail=" + logfmt_value(error.internal_detail);
  errors_->error(line);
}

void RequestLog::access(std::string_view request_id, std::string_view method,
                        std::string_view route, unsigned status, double seconds) const {
  if (!access_) return;
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", seconds * 1000.0);
  access_->info("event=request request_id=" + logfmt_value(request_id) +
                " method=" + logfmt_value(method) + " route=" + logfmt_value(route) +
                " status=" + std::to_string(status) + " duration_ms=" + duration);
}

}  // namespace inloco::web

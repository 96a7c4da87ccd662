#include "web/metrics.h"

#include <sstream>

namespace inloco::web {

void Metrics::record(const std::string& method, const std::string& route, unsigned status,
                     double seconds) {
  std::lock_guard lock(mu_);
  ++requests_[{method, route, status}];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++buckets_[i];
  latency_sum_ += seconds;
  ++latency_count_;
  if (status >= 500) ++errors_;
}

void Metrics::record_rejected(unsigned status) {
  std::lock_guard lock(mu_);
  ++rejected_[status];
}

std::string Metrics::render() const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  out << "# HELP inloco_http_requests_total HTTP requests handled, by route and status.\n"
         "# TYPE inloco_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out << "inloco_http_requests_total{method=\"" << method << "\",route=\"" << route
        << "\",status=\"" << status << "\"} " << n << "\n";
  }
  out << "# HELP inloco_http_request_duration_seconds Time to handle a request.\n"
         "# TYPE inloco_http_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += buckets_[i];
    out << "inloco_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} "
        << cumulative << "\n";
  }
  cumulative += buckets_[kBuckets.size()];
  out << "inloco_http_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n";
  out << "inloco_http_request_duration_seconds_sum " << latency_sum_ << "\n";
  out << "inloco_http_request_duration_seconds_count " << latency_count_ << "\n";
  out << "# HELP inloco_http_errors_total Requests answered with a server error (5xx).\n"
         "# TYPE inloco_http_errors_total counter\n"
      << "inloco_http_errors_total " << errors_ << "\n";
  out << "# HELP inloco_http_rejected_total Requests refused before routing (malformed, too "
         "large).\n"
         "# TYPE inloco_http_rejected_total counter\n";
  for (const auto& [status, n] : rejected_)
    out << "inloco_http_rejected_total{status=\"" << status << "\"} " << n << "\n";
  return out.str();
}

}  // namespace inloco::web

// Request metrics in the Prometheus text format (/metrics): counts by route
// and status, a latency histogram, and requests refused before routing.
// Thread-safe; recording takes one short lock.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace inloco::web {

class Metrics {
 public:
  // route: the route's pattern ("/schools/{school}/people"), never the raw path,
  // so the number of series stays bounded.
  void record(const std::string& method, const std::string& route, unsigned status, double seconds);
  void record_rejected(unsigned status);
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, unsigned>, uint64_t> requests_;
  std::map<unsigned, uint64_t> rejected_;
  std::array<uint64_t, kBuckets.size() + 1> buckets_{};
  double latency_sum_ = 0;
  uint64_t latency_count_ = 0;
  uint64_t errors_ = 0;
};

}  // namespace inloco::web

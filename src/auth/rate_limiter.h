// Counts sign-in failures per key ("account:rokafor", "address:203.0.113.9")
// and says when a key has had too many within a sliding window, to slow down
// password guessing (IAM-1).
//
// In memory, per process: a restart forgets the counts, which is acceptable
// because the window is short and argon2 already makes each guess slow.
// Memory is bounded: each key keeps at most `max_failures` times, keys whose
// failures have all expired are dropped as failures arrive, and beyond
// `max_keys` keys the one with the oldest last failure is dropped (so a flood
// of distinct keys cannot exhaust memory; it can at worst forget old keys).
//
// Thread-safe: every method takes an internal mutex.
#pragma once

#include <cstdint>
#include <deque>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace inloco {

class RateLimiter {
 public:
  // `clock` must outlive the limiter. `max_failures` >= 1, `window_seconds` >= 1.
  RateLimiter(const Clock& clock, int max_failures, int64_t window_seconds,
              size_t max_keys = 100000);
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // False once `key` has `max_failures` failures younger than the window.
  bool allowed(const std::string& key) const;
  void record_failure(const std::string& key);
  // Forgets `key`'s failures (after a successful sign-in or a password reset).
  void reset(const std::string& key);
  // Seconds until `key` is allowed again; 0 when it is allowed now.
  int64_t retry_after(const std::string& key) const;

  size_t key_count() const;  // for tests and monitoring

 private:
  struct Entry {
    std::deque<int64_t> failures;          // oldest first, at most max_failures_
    std::list<std::string>::iterator age;  // position in by_last_failure_
  };
  int64_t retry_after_locked(const Entry& e, int64_t now) const;
  void drop_expired_locked(int64_t now);

  const Clock& clock_;
  const size_t max_failures_;
  const int64_t window_;
  const size_t max_keys_;

  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  // Keys ordered by their last failure, oldest first: expiry and eviction
  // work from the front.
  std::list<std::string> by_last_failure_;
};

}  // namespace inloco

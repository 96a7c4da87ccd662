#include "auth/rate_limiter.h"

#include <algorithm>

namespace inloco {

RateLimiter::RateLimiter(const Clock& clock, int max_failures, int64_t window_seconds,
                         size_t max_keys)
    : clock_(clock),
      max_failures_(static_cast<size_t>(std::max(1, max_failures))),
      window_(std::max<int64_t>(1, window_seconds)),
      max_keys_(std::max<size_t>(1, max_keys)) {}

int64_t RateLimiter::retry_after_locked(const Entry& e, int64_t now) const {
  if (e.failures.size() < max_failures_) return 0;
  // The oldest kept failure must leave the window before another try.
  int64_t wait = e.failures.front() + window_ - now;
  return wait > 0 ? wait : 0;
}

bool RateLimiter::allowed(const std::string& key) const { return retry_after(key) == 0; }

int64_t RateLimiter::retry_after(const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  return retry_after_locked(it->second, clock_.now());
}

void RateLimiter::record_failure(const std::string& key) {
  std::lock_guard lock(mu_);
  const int64_t now = clock_.now();
  drop_expired_locked(now);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) {
      entries_.erase(by_last_failure_.front());
      by_last_failure_.pop_front();
    }
    by_last_failure_.push_back(key);
    it = entries_.emplace(key, Entry{{}, std::prev(by_last_failure_.end())}).first;
  } else {
    by_last_failure_.splice(by_last_failure_.end(), by_last_failure_, it->second.age);
  }
  auto& failures = it->second.failures;
  failures.push_back(now);
  while (failures.size() > max_failures_) failures.pop_front();
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  by_last_failure_.erase(it->second.age);
  entries_.erase(it);
}

size_t RateLimiter::key_count() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

void RateLimiter::drop_expired_locked(int64_t now) {
  while (!by_last_failure_.empty()) {
    auto it = entries_.find(by_last_failure_.front());
    if (it->second.failures.back() + window_ > now) break;  // still counts
    entries_.erase(it);
    by_last_failure_.pop_front();
  }
}

}  // namespace inloco

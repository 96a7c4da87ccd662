// Clock: the one source of "now". Inject it wherever time matters (sessions,
// rate limits, audit entries, academic years) so tests control time with
// FakeClock instead of sleeping.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace inloco {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t now() const = 0;
};

class SystemClock final : public Clock {
 public:
  int64_t now() const override;
};

// Thread-safe: tests may advance it while a server thread reads it.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t start = 1767225600 /* 2026-01-01T00:00:00Z */) : now_(start) {}
  int64_t now() const override { return now_.load(); }
  void advance(int64_t seconds) { now_ += seconds; }
  void set(int64_t t) { now_ = t; }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-21T10:37:16Z"
std::string format_utc(int64_t unix_seconds);

}  // namespace inloco

// Result<T>: a value or an Error, returned by every operation that can fail.
//
// Errors carry a code that maps onto an HTTP status (see web/error_response.h)
// and a message written for the person who will read it: what was wrong and,
// where it helps, what to do. Exceptions are used only at the boundaries that
// turn them into errors (database drivers, the HTTP server).
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace inloco {

enum class ErrorCode {
  kInvalid,          // the input is wrong; 400/422
  kUnauthenticated,  // sign-in needed; 401
  kForbidden,        // signed in, but not allowed; 403
  kNotFound,         // no such record (or not visible to this person); 404
  kConflict,         // clashes with what is stored; 409
  kTooManyRequests,  // rate limited; 429
  kUnavailable,      // a dependency is down or busy; 503
  kInternal,         // a bug or an unexpected failure; 500
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  // Further lines, one problem each (e.g. every bad row of an import).
  std::vector<std::string> details;
  // What went wrong underneath (driver text, SQL, a path or a database URL):
  // written to the log and the command line's error output, never shown in a
  // page or a JSON answer. `message` stays a sentence for the person reading.
  std::string internal_detail = {};

  static Error invalid(std::string m) { return {ErrorCode::kInvalid, std::move(m), {}}; }
  static Error not_found(std::string m) { return {ErrorCode::kNotFound, std::move(m), {}}; }
  static Error conflict(std::string m) { return {ErrorCode::kConflict, std::move(m), {}}; }
  static Error forbidden(std::string m) { return {ErrorCode::kForbidden, std::move(m), {}}; }
  static Error unauthenticated(std::string m) {
    return {ErrorCode::kUnauthenticated, std::move(m), {}};
  }
  static Error too_many(std::string m) { return {ErrorCode::kTooManyRequests, std::move(m), {}}; }
  static Error unavailable(std::string m) { return {ErrorCode::kUnavailable, std::move(m), {}}; }
  static Error internal(std::string m) { return {ErrorCode::kInternal, std::move(m), {}}; }

  // The same error with what went wrong underneath kept for the log.
  Error with_internal_detail(std::string detail) && {
    internal_detail = std::move(detail);
    return std::move(*this);
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(v_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(v_));
  }

  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const { assert(ok_); }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status ok_status() { return {}; }

}  // namespace inloco

// TRY(expr): evaluates a Result; on error returns the error from the calling
// function, otherwise yields the value. Uses a GNU statement expression, which
// both g++ and clang support.
#define INLOCO_CONCAT_INNER(a, b) a##b
#define INLOCO_CONCAT(a, b) INLOCO_CONCAT_INNER(a, b)
#define TRY(expr)                                                     \
  ({                                                                  \
    auto&& INLOCO_CONCAT(try_result_, __LINE__) = (expr);             \
    if (!INLOCO_CONCAT(try_result_, __LINE__).ok())                   \
      return std::move(INLOCO_CONCAT(try_result_, __LINE__)).error(); \
    std::move(INLOCO_CONCAT(try_result_, __LINE__)).value();          \
  })

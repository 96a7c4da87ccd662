// The expressions of the category lists (squidGuard "expressions" files),
// compiled into one Vectorscan database and scanned over a URL.
//
// squidGuard compiles each line as a POSIX extended regular expression,
// case-insensitive, and blocks when it is found anywhere in the URL
// (regexec, not a whole-string match). Vectorscan reads PCRE syntax, which
// agrees with POSIX ERE for everything the UT1 lists use; a line Vectorscan
// refuses (back-references, some POSIX classes) is reported by check() and
// left out, and so is a line that matches the empty string (it would block
// every URL).
//
// Each expression is compiled with HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH:
// only whether it matches is wanted, not where.
//
// Thread-safety: a compiled ExpressionSet is immutable; scan() may be called
// from any number of threads (each borrows scratch space from the set's
// VectorscanScratchPool, core/vectorscan_scratch.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco::filter {

class ExpressionSet {
 public:
  // Whether one expression compiles; the error says why not.
  [[nodiscard]] static Status check(std::string_view expression);

  // Compiles all of them; expression i reports id i. Zero expressions give an
  // empty set whose scan() finds nothing.
  [[nodiscard]] static Result<std::unique_ptr<ExpressionSet>> compile(
      const std::vector<std::string>& expressions);

  // From serialize()'s bytes; fails (so the caller can compile instead) when
  // the bytes were written by another Vectorscan version or for another CPU.
  [[nodiscard]] static Result<std::unique_ptr<ExpressionSet>> deserialize(std::string_view bytes);

  // The compiled database as bytes (empty for an empty set).
  [[nodiscard]] Result<std::string> serialize() const;

  // The ids of every expression found in `subject`, ascending.
  std::vector<uint32_t> scan(std::string_view subject) const;

  bool empty() const;

  ~ExpressionSet();
  ExpressionSet(const ExpressionSet&) = delete;
  ExpressionSet& operator=(const ExpressionSet&) = delete;

 private:
  struct Impl;
  explicit ExpressionSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace inloco::filter

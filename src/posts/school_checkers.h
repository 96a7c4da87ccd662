// SchoolCheckers: one compiled text checker per school (the project's
// lexicons plus the school's pupil roster), kept between requests because
// compiling the matcher takes far longer than using it. A change to the
// school's people makes the next request recompile (the roster's fingerprint
// is compared on each use).
//
// Thread-safe; checkers are shared read-only.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "checks/text_checker.h"
#include "store/database.h"

namespace inloco {

class SchoolCheckers {
 public:
  Result<std::shared_ptr<const checks::TextChecker>> for_school(Connection& conn,
                                                                int64_t school_id);

 private:
  struct Entry {
    std::string fingerprint;
    std::shared_ptr<const checks::TextChecker> checker;
  };
  std::mutex mu_;
  std::map<int64_t, Entry> entries_;
};

}  // namespace inloco

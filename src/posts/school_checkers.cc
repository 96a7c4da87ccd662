#include "posts/school_checkers.h"

#include "checks/lexicon.h"
#include "checks/roster.h"
#include "people/people_store.h"

namespace inloco {

Result<std::shared_ptr<const checks::TextChecker>> SchoolCheckers::for_school(Connection& conn,
                                                                              int64_t school_id) {
  std::string fingerprint = TRY(pupils_fingerprint(conn, school_id));
  {
    std::lock_guard lock(mu_);
    auto it = entries_.find(school_id);
    if (it != entries_.end() && it->second.fingerprint == fingerprint) return it->second.checker;
  }
  checks::CheckerConfig config;
  config.terms = checks::builtin_lexicon();
  config.roster = TRY(checks::school_roster(conn, school_id));
  auto compiled = TRY(checks::TextChecker::compile(config));
  std::shared_ptr<const checks::TextChecker> shared(std::move(compiled));
  std::lock_guard lock(mu_);
  entries_[school_id] = Entry{fingerprint, shared};
  return shared;
}

}  // namespace inloco

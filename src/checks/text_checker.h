// TextChecker: the automatic text checks of a post (PST-2, PST-3, PST-4).
//
// Compiled once per school from the lexicon (the project's lists plus the
// school's own terms) and the school's roster, then used for every text:
//   1. the text is refused if empty, not UTF-8 or longer than max_text_bytes;
//   2. it is normalised once into a skeleton with an offset map (skeleton.h);
//   3. ONE Vectorscan database of literals scans the skeleton: every lexicon
//      term (each term's skeleton, plus a few spellings: "ashole", "w*nker")
//      and, after them, the roster's full names; whole-word rules and endings
//      ("bitches") are checked after matching, and findings inside an
//      "allow" entry are dropped ("Scunthorpe", "Cockburn");
//   4. a second database, of personal data patterns (personal_data.h), scans
//      the original text when a cheap pre-check over its bytes
//      (may_hold_personal_data) says a rule could match.
// Findings name their rule, category, profile check, severity and the exact
// byte span of the original text. decide() in finding.h turns them into
// pass, review or refuse with the school's PostRules.
//
// Thread-safe: a compiled checker is immutable; each call borrows a
// Vectorscan scratch, serving both databases, from the checker's
// VectorscanScratchPool (core/vectorscan_scratch.h; one per concurrent caller).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "checks/finding.h"
#include "checks/lexicon.h"
#include "checks/roster.h"
#include "core/result.h"
#include "profile/policy_profile.h"

namespace inloco::checks {

inline constexpr size_t kDefaultMaxTextBytes = 256 * 1024;

struct CheckerConfig {
  std::vector<LexiconTerm> terms;  // usually builtin_lexicon() plus the school's terms
  Roster roster;
  bool personal_data = true;
  size_t max_text_bytes = kDefaultMaxTextBytes;
};

struct CheckOptions {
  // The post carries images or video: a pupil's full name then falls under
  // the profile's "pupil_full_name_with_image" check (PST-4) rather than
  // "personal_data" (PST-3).
  bool with_media = false;
};

class TextChecker {
 public:
  // kInvalid if a term cannot be compiled (naming it and its source).
  static Result<std::unique_ptr<TextChecker>> compile(const CheckerConfig& config);
  ~TextChecker();
  TextChecker(const TextChecker&) = delete;
  TextChecker& operator=(const TextChecker&) = delete;

  // Every finding, ordered by start then end. kInvalid, with a message for
  // the author, for empty, invalid UTF-8 or oversized text.
  Result<std::vector<Finding>> find(std::string_view text, const CheckOptions& options = {}) const;

  // find() then decide().
  Result<CheckResult> check(std::string_view text, const PostRules& rules,
                            const CheckOptions& options = {}) const;

  size_t term_count() const;   // patterns compiled, masked variants ("w*nker") included
  size_t roster_size() const;  // distinct full names

  struct Impl;

 private:
  explicit TextChecker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace inloco::checks

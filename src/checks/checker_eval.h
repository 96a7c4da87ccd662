// Measuring the text checker against a labelled set (tests/data/checker_eval.csv):
// a CSV with the columns text,label where label 0 means acceptable for a
// school account and 1 means not. A text counts as flagged when the decision
// is review or refuse (or the text cannot be checked at all).
//
// Pure function of its inputs; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "checks/text_checker.h"
#include "core/result.h"

namespace inloco::checks {

struct EvalCounts {
  size_t true_positives = 0;   // label 1, flagged
  size_t false_positives = 0;  // label 0, flagged: false alarms
  size_t true_negatives = 0;
  size_t false_negatives = 0;  // label 1, passed: misses

  double precision() const;
  double recall() const;
  double f1() const;
  double false_alarm_rate() const;  // false positives / all label-0 texts
};

struct EvalReport {
  EvalCounts counts;
  std::vector<std::string> false_alarms;  // the texts, for tuning the lexicons
  std::vector<std::string> misses;
};

// kInvalid when the CSV lacks the columns or has a label other than 0 or 1.
Result<EvalReport> evaluate_checker(const TextChecker& checker, const PostRules& rules,
                                    std::string_view csv);

}  // namespace inloco::checks

#include "checks/checker_eval.h"

#include "people/csv_reader.h"

namespace inloco::checks {

double EvalCounts::precision() const {
  size_t flagged = true_positives + false_positives;
  return flagged ? static_cast<double>(true_positives) / flagged : 0.0;
}
double EvalCounts::recall() const {
  size_t bad = true_positives + false_negatives;
  return bad ? static_cast<double>(true_positives) / bad : 0.0;
}
double EvalCounts::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}
double EvalCounts::false_alarm_rate() const {
  size_t good = false_positives + true_negatives;
  return good ? static_cast<double>(false_positives) / good : 0.0;
}

Result<EvalReport> evaluate_checker(const TextChecker& checker, const PostRules& rules,
                                    std::string_view csv) {
  auto records = TRY(parse_csv(csv));
  if (records.empty() || records[0].fields.size() < 2 || records[0].fields[0] != "text" ||
      records[0].fields[1] != "label")
    return Error::invalid("The evaluation set's first line must be: text,label");
  EvalReport report;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& f = records[i].fields;
    if (f.size() < 2 || (f[1] != "0" && f[1] != "1"))
      return Error::invalid("line " + std::to_string(records[i].line) +
                            ": the label must be 0 (acceptable) or 1 (not acceptable)");
    bool bad = f[1] == "1";
    auto result = checker.check(f[0], rules);
    bool flagged = !result.ok() || result->decision != Decision::kPass;
    EvalCounts& c = report.counts;
    if (bad && flagged) ++c.true_positives;
    if (bad && !flagged) {
      ++c.false_negatives;
      report.misses.push_back(f[0]);
    }
    if (!bad && flagged) {
      ++c.false_positives;
      report.false_alarms.push_back(f[0]);
    }
    if (!bad && !flagged) ++c.true_negatives;
  }
  return report;
}

}  // namespace inloco::checks

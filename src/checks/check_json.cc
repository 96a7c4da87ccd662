#include "checks/check_json.h"

namespace inloco::checks {

nlohmann::ordered_json check_result_json(const CheckResult& result) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const Finding& f : result.findings)
    findings.push_back({{"rule", f.rule},
                        {"category", f.category},
                        {"check", f.check},
                        {"severity", severity_name(f.severity)},
                        {"start", f.start},
                        {"end", f.end},
                        {"match", f.match}});
  return {{"decision", decision_name(result.decision)}, {"findings", std::move(findings)}};
}

nlohmann::ordered_json check_error_json(const Error& error) {
  return {{"decision", decision_name(Decision::kRefuse)},
          {"error", error.message},
          {"findings", nlohmann::ordered_json::array()}};
}

}  // namespace inloco::checks

// The JSON form of a check, as `inloco check` writes it (one line per text)
// and as an API would answer:
//   {"decision":"pass|review|refuse",
//    "findings":[{"rule","category","check","severity","start","end","match"}]}
// A text that cannot be checked (empty, not UTF-8, too long) is refused with
// the reason: {"decision":"refuse","error":"...","findings":[]}.
#pragma once

#include <nlohmann/json.hpp>

#include "checks/finding.h"
#include "core/result.h"

namespace inloco::checks {

nlohmann::ordered_json check_result_json(const CheckResult& result);
nlohmann::ordered_json check_error_json(const Error& error);

}  // namespace inloco::checks

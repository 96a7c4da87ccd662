// Checking the words people type into a form or a command: trimmed, valid
// UTF-8, within a length, and free of control characters unless the field is
// multi-line. Every record that keeps free text refuses bad input in the same
// words.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

// Trimmed text: kInvalid when empty (with `missing`, a sentence saying what
// to write), too long, not UTF-8 or (unless multiline) holding control
// characters.
Result<std::string> required_text(std::string_view text, std::string_view label,
                                  std::string_view missing, size_t max, bool multiline);
// The same for optional text: empty is allowed.
Result<std::string> optional_text(std::string_view text, std::string_view label, size_t max,
                                  bool multiline);

}  // namespace inloco

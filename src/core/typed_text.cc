#include "core/typed_text.h"

#include "core/text.h"

namespace inloco {

namespace {

Result<std::string> checked_text(std::string_view text, std::string_view label, size_t max,
                                 bool multiline) {
  std::string out(trim(text));
  if (!is_valid_utf8(out))
    return Error::invalid("The " + std::string(label) +
                          " contains characters that are not valid text; type it again or paste "
                          "it as plain text.");
  bool stray = false;  // even long text has no NULs or escapes, only lines and tabs
  for (char c : out)
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
      stray = true;
  if (stray)
    return Error::invalid("The " + std::string(label) +
                          " contains control characters; type it again or paste it as plain text.");
  if (!multiline && has_control_characters(out))
    return Error::invalid("The " + std::string(label) +
                          " must be on one line, without tabs or line breaks.");
  if (out.size() > max)
    return Error::invalid("The " + std::string(label) + " is longer than " + std::to_string(max) +
                          " characters; shorten it.");
  return out;
}

}  // namespace

Result<std::string> required_text(std::string_view text, std::string_view label,
                                  std::string_view missing, size_t max, bool multiline) {
  std::string out = TRY(checked_text(text, label, max, multiline));
  if (out.empty()) return Error::invalid(std::string(missing));
  return out;
}

Result<std::string> optional_text(std::string_view text, std::string_view label, size_t max,
                                  bool multiline) {
  return checked_text(text, label, max, multiline);
}

}  // namespace inloco

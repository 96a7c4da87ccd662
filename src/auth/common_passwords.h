// A list of well-known weak passwords and the stems people build them from
// ("summer", "liverpool", "teacher"), used by check_new_password. Written for
// this project from general knowledge rather than copied from a breach list,
// so it carries no personal data; entries are lower case ASCII.
#pragma once

#include <span>
#include <string_view>

namespace inloco {

std::span<const std::string_view> common_passwords();

}  // namespace inloco

#include "accounts/platform.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/text.h"
#include "people/person_fields.h"

namespace inloco {
namespace {

// Other names people use for a platform, lower case.
struct Alias {
  std::string_view name;
  std::string_view key;
};
constexpr std::array<Alias, 9> kAliases = {{
    {"twitter", "x"},
    {"x / twitter", "x"},
    {"x/twitter", "x"},
    {"you tube", "youtube"},
    {"linked in", "linkedin"},
    {"blog", "school_blog"},
    {"school blog", "school_blog"},
    {"whatsapp channel", "whatsapp"},
    {"bsky", "bluesky"},
}};

std::string known_labels() {
  std::vector<std::string> labels;
  for (const Platform& p : known_platforms()) labels.emplace_back(p.label);
  return join(labels, ", ");
}

}  // namespace

Result<Platform> parse_platform(std::string_view text) {
  std::string wanted = ascii_lower(trim(text));
  if (wanted.empty())
    return Error::invalid(
        "Choose the platform the account is on, for example Facebook or "
        "YouTube.");
  for (const Platform& p : known_platforms())
    if (wanted == p.key || wanted == ascii_lower(p.label)) return p;
  for (const Alias& a : kAliases)
    if (wanted == a.name) return *find_platform(a.key);
  return Error::invalid("'" + std::string(trim(text)) +
                        "' is not a platform inloco knows. Choose one of: " + known_labels() + ".");
}

std::string platform_label(std::string_view key) {
  const Platform* p = find_platform(key);
  return std::string(p ? p->label : key);
}

Status check_platform_allowed(const Platform& platform, const AccountRules& rules) {
  if (rules.platforms.empty()) return {};
  if (std::find(rules.platforms.begin(), rules.platforms.end(), platform.key) !=
      rules.platforms.end())
    return {};
  std::vector<std::string> allowed;
  for (const std::string& key : rules.platforms) allowed.push_back(platform_label(key));
  return Error::invalid("Your school's social media policy does not allow accounts on " +
                        std::string(platform.label) + "; it allows " + join(allowed, ", ") +
                        ". Choose one of those, or ask for the policy to be changed first.");
}

}  // namespace inloco

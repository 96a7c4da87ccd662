#include "profile/shipped_profiles.h"

#include <algorithm>

#include "core/embedded_file.h"
#include "core/text.h"
#include "profile/profile_loader.h"

namespace inloco {

std::vector<ShippedProfile> shipped_profiles() {
  std::vector<ShippedProfile> out;
  for (const EmbeddedFile& f : embedded_policies()) {
    std::string path(f.path);
    if (!path.ends_with(".toml") || path.find('/') != std::string::npos) continue;
    out.push_back({path.substr(0, path.size() - 5), "policies/" + path, f.content});
  }
  std::sort(out.begin(), out.end(),
            [](const ShippedProfile& a, const ShippedProfile& b) { return a.key < b.key; });
  return out;
}

Result<ShippedProfile> find_shipped_profile(std::string_view key) {
  std::vector<std::string> keys;
  for (ShippedProfile& p : shipped_profiles()) {
    if (p.key == key) return std::move(p);
    keys.push_back(p.key);
  }
  return Error::not_found("There is no shipped policy profile called '" + std::string(key) +
                          "'. The shipped profiles are: " + join(keys, ", ") + ".");
}

Result<PolicyProfile> load_shipped_profile(std::string_view key) {
  ShippedProfile p = TRY(find_shipped_profile(key));
  return load_profile(p.text, p.file_name);
}

}  // namespace inloco

#include "web/templates.h"

#include <stdexcept>

#include "core/embedded_file.h"

namespace inloco::web {

Templates::Templates() {
  for (const auto& f : embedded_templates()) {
    std::string name(f.path);
    if (name.ends_with(".mustache")) name.resize(name.size() - 9);
    templates_.emplace(name, std::string(f.content));
  }
}

std::string Templates::render(const std::string& name, const mstch::map& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no template named " + name);
  // Mustache has no "is this list empty" test, so each top-level list `x`
  // gets a flag `has_x` for wrapping markup (a table around its rows).
  mstch::map with_flags = context;
  for (const auto& [key, value] : context)
    if (const auto* list = boost::get<mstch::array>(&value)) with_flags["has_" + key] = !list->empty();
  return mstch::render(it->second, with_flags, templates_);
}

}  // namespace inloco::web

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

// Mustache has no "is this list empty" test, so every list `x` in a map gets a
// flag `has_x` beside it, for wrapping markup (a table around its rows).
mstch::map Templates::with_list_flags(const mstch::map& context) {
  mstch::map out;
  for (const auto& [key, value] : context) {
    if (const auto* list = boost::get<mstch::array>(&value)) {
      mstch::array flagged;
      flagged.reserve(list->size());
      for (const auto& item : *list) {
        if (const auto* m = boost::get<mstch::map>(&item))
          flagged.push_back(with_list_flags(*m));
        else
          flagged.push_back(item);
      }
      out["has_" + key] = !list->empty();
      out[key] = std::move(flagged);
    } else if (const auto* m = boost::get<mstch::map>(&value)) {
      out[key] = with_list_flags(*m);
    } else {
      out[key] = value;
    }
  }
  return out;
}

std::string Templates::render(const std::string& name, const mstch::map& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::logic_error("no template named " + name);
  return mstch::render(it->second, with_list_flags(context), templates_);
}

}  // namespace inloco::web

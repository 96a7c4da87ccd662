// Templates: the page templates (web/templates/*.mustache, compiled in) and
// their rendering with mstch. {{x}} escapes HTML; {{{x}}} is used only for
// HTML the server itself built (the page body, an SVG).
#pragma once

#include <map>
#include <mstch/mstch.hpp>
#include <string>

namespace inloco::web {

class Templates {
 public:
  Templates();
  // Renders the template `name` (without ".mustache"); every template is
  // available as a partial ({{> error_summary}}).
  std::string render(const std::string& name, const mstch::map& context) const;

 private:
  static mstch::map with_list_flags(const mstch::map& context);
  std::map<std::string, std::string> templates_;
};

}  // namespace inloco::web

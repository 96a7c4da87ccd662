#include "filter/search_terms.h"

#include <array>
#include <string_view>
#include <vector>

namespace inloco::filter {
namespace {

struct Engine {
  std::string_view label;
  std::string_view parameter;
};

constexpr std::array<Engine, 6> kEngines = {{
    {"google", "q"},
    {"bing", "q"},
    {"duckduckgo", "q"},
    {"ecosia", "q"},
    {"yahoo", "p"},
    {"youtube", "search_query"},
}};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(
        s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

// The engine's parameter name for this host, or empty.
std::string_view engine_parameter(std::string_view host) {
  std::vector<std::string_view> labels = split(host, '.');
  for (size_t i = 0; i < labels.size(); ++i) {
    size_t tail = labels.size() - i - 1;
    if (tail < 1 || tail > 2) continue;
    bool suffix_like = true;
    for (size_t j = i + 1; j < labels.size(); ++j)
      if (labels[j].empty() || labels[j].size() > 3) suffix_like = false;
    if (!suffix_like) continue;
    for (const auto& e : kEngines)
      if (labels[i] == e.label) return e.parameter;
  }
  return {};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    char c = v[i];
    if (c == '+') {
      c = ' ';
    } else if (c == '%' && i + 2 < v.size() && hex_value(v[i + 1]) >= 0 &&
               hex_value(v[i + 2]) >= 0) {
      c = static_cast<char>(hex_value(v[i + 1]) * 16 + hex_value(v[i + 2]));
      i += 2;
    }
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::optional<std::string> search_terms(const NormalisedUrl& url) {
  if (url.host_kind != HostKind::kName) return std::nullopt;
  std::string_view parameter = engine_parameter(url.host);
  if (parameter.empty()) return std::nullopt;
  std::string_view path = url.path;
  size_t q = path.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  for (std::string_view pair : split(path.substr(q + 1), '&')) {
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos || pair.substr(0, eq) != parameter) continue;
    std::string terms = form_decode(pair.substr(eq + 1));
    if (terms.empty()) continue;
    return terms;
  }
  return std::nullopt;
}

}  // namespace inloco::filter

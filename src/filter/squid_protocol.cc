#include "filter/squid_protocol.h"

namespace inloco::filter {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

HelperLine parse_helper_line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  HelperLine out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.tokens.push_back(line.substr(start, i - start));
  }
  if (!out.tokens.empty() && all_digits(out.tokens.front())) {
    out.channel = out.tokens.front();
    out.tokens.erase(out.tokens.begin());
  }
  return out;
}

std::string decode_token(std::string_view token) {
  if (token == "-") return {};
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '%' && i + 2 < token.size()) {
      int hi = hex_value(token[i + 1]), lo = hex_value(token[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(token[i]);
  }
  return out;
}

std::string quote_value(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out.push_back('"');
  for (char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
          out.push_back(' ');
        else
          out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

std::string format_answer(std::optional<std::string_view> channel, std::string_view result,
                          const std::vector<AnswerPair>& pairs) {
  std::string out;
  if (channel) {
    out.append(*channel);
    out.push_back(' ');
  }
  out.append(result);
  for (const auto& p : pairs) {
    out.push_back(' ');
    out.append(p.key);
    out.push_back('=');
    out += quote_value(p.value);
  }
  out.push_back('\n');
  return out;
}

std::string percent_encode_component(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                      u == '-' || u == '.' || u == '_' || u == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

}  // namespace inloco::filter

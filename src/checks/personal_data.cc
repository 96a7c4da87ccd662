#include "checks/personal_data.h"

#include <array>
#include <string>

namespace inloco::checks {

namespace {

#define MONTH "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}"

constexpr PersonalDataRule kRules[] = {
    {"email", R"([a-z0-9._%+\-]+@[a-z0-9\-]+(\.[a-z0-9\-]+)*\.[a-z]{2,})", true},
    {"uk_phone", R"((\+44[ \-]?(\(0\)[ \-]?)?|0)[1-9][0-9]{1,4}([ \-]?[0-9]){5,8})", true},
    {"postcode",
     R"(\b(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b)",
     false},
    {"date_of_birth",
     R"(\b(date of birth|d\.?o\.?b\.?|born on|birthday is|birthday on)[ :\-,]{0,4}(is[ :]+)?)"
     R"(([0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}|[0-9]{1,2}(st|nd|rd|th)?( of)? )" MONTH
     R"((,? [0-9]{4})?|)" MONTH R"( [0-9]{1,2}(st|nd|rd|th)?(,? [0-9]{4})?))",
     true},
    {"home_address",
     R"(\b[0-9]{1,4}[A-Za-z]?,? ([A-Z][a-z'\-]+ ){1,2}(Road|Street|Avenue|Close|Lane|Drive|Way|)"
     R"(Crescent|Gardens|Grove|Place|Terrace|Court|Rise|Mews|Rd|St|Ave|Ln|Dr)\b)",
     false},
    {"home_address", R"(\b[0-9]{1,4}[a-z]?,? ([a-z'\-]+ ){1,2}(road|street|avenue|lane|crescent|terrace)\b)",
     true},
};

#undef MONTH

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace

std::span<const PersonalDataRule> personal_data_rules() { return kRules; }

bool validate_personal_data(std::string_view rule, std::string_view match, char before,
                            char after) {
  if (rule == "uk_phone") {
    if (is_digit(before) || before == '+' || is_digit(after)) return false;
    int digits = 0;
    for (char c : match) digits += is_digit(c);
    if (match.find("(0)") != std::string_view::npos) --digits;
    if (match.substr(0, 3) == "+44") return digits == 11 || digits == 12;
    return digits == 10 || digits == 11;
  }
  if (rule == "email") {
    return !(is_digit(after) || (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z'));
  }
  if (rule == "home_address") {
    // "raised 500 for the road", "2 children at St Mary's": not addresses.
    static constexpr std::array<std::string_view, 22> kStop = {
        "the", "a", "an", "for", "to", "on", "in", "at", "of", "down", "up",
        "along", "across", "and", "or", "by", "from", "per", "our", "my", "your", "this"};
    std::string m = lower(match);
    size_t p = 0;
    while (p < m.size()) {
      size_t q = m.find(' ', p);
      std::string_view w = std::string_view(m).substr(p, q == std::string::npos ? std::string::npos : q - p);
      for (auto s : kStop)
        if (w == s) return false;
      if (q == std::string::npos) break;
      p = q + 1;
    }
    return true;
  }
  return true;
}

}  // namespace inloco::checks

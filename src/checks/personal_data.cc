#include "checks/personal_data.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>

#include "checks/byte_blocks.h"

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
    {"home_address",
     R"(\b[0-9]{1,4}[a-z]?,? ([a-z'\-]+ ){1,2}(road|street|avenue|lane|crescent|terrace)\b)", true},
};

#undef MONTH

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
char lower_ascii(char c) { return is_upper(c) ? static_cast<char>(c + 32) : c; }

// `word` (lower case) at `at` in `s`, ignoring ASCII case.
bool caseless_at(std::string_view s, size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (lower_ascii(s[at + k]) != word[k]) return false;
  return true;
}

// Every street word of the home_address rules, lower case.
constexpr std::string_view kStreetWords[] = {
    "road",  "street",  "avenue", "close", "lane", "drive", "way", "crescent", "gardens", "grove",
    "place", "terrace", "court",  "rise",  "mews", "rd",    "st",  "ave",      "ln",      "dr"};

// After a number ending before `after`: "[A-Za-z]?,? " then one or two
// words, each followed by a space, then a street word ("14 Acacia Avenue").
bool address_follows(std::string_view s, size_t after) {
  const size_t n = s.size();
  size_t j = after;
  if (j < n && is_alpha(s[j])) ++j;
  if (j < n && s[j] == ',') ++j;
  if (j >= n || s[j] != ' ') return false;
  size_t w = j + 1;
  for (int words = 0; words < 2; ++words) {
    size_t e = w;
    while (e < n && (is_alpha(s[e]) || s[e] == '\'' || s[e] == '-')) ++e;
    if (e == w || e >= n || s[e] != ' ') return false;
    w = e + 1;
    for (std::string_view street : kStreetWords)
      if (caseless_at(s, w, street)) return true;
  }
  return false;
}

// "date of birth", "birthday is", "born on", "dob", "d.o.b": each holds a
// 'b', seen here from it.
bool birth_phrase_at(std::string_view s, size_t b) {
  if (caseless_at(s, b, "birth") || caseless_at(s, b, "born on")) return true;
  size_t q = b;  // d\.?o\.?b, read backwards
  if (q > 0 && s[q - 1] == '.') --q;
  if (q == 0 || lower_ascii(s[q - 1]) != 'o') return false;
  --q;
  if (q > 0 && s[q - 1] == '.') --q;
  return q > 0 && lower_ascii(s[q - 1]) == 'd';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

// True when `visit` is for some position of `s` whose byte passes the test:
// `test16` on blocks of sixteen bytes, `test` on the few bytes after them.
template <class BlockTest, class ByteTest, class Visit>
bool any_position(std::string_view s, BlockTest test16, ByteTest test, Visit visit) {
  size_t i = 0;
  for (; i + 16 <= s.size(); i += 16)
    for (uint32_t bits = mask16(test16(load16(s.data() + i))); bits != 0; bits &= bits - 1)
      if (visit(i + static_cast<size_t>(std::countr_zero(bits)))) return true;
  for (; i < s.size(); ++i)
    if (test(s[i]) && visit(i)) return true;
  return false;
}

}  // namespace

std::span<const PersonalDataRule> personal_data_rules() { return kRules; }

bool may_hold_personal_data(std::string_view text) {
  // Digits counted and '@' looked for sixteen bytes at a time: most texts stop here.
  const size_t n = text.size();
  size_t digits = 0;
  bool at = false;
  size_t i = 0;
  while (i + 16 <= n) {
    // Per-lane counts (a comparison's 0xFF is -1), added up before a lane can overflow.
    Bytes16 lane_digits = {}, lane_at = {};
    for (size_t blocks = 0; blocks < 255 && i + 16 <= n; ++blocks, i += 16) {
      const Bytes16 v = load16(text.data() + i);
      lane_digits -= in_range16(v, '0', '9');
      lane_at |= (Bytes16)(v == '@');
    }
    for (int lane = 0; lane < 16; ++lane) digits += lane_digits[lane];
    at |= any_set(lane_at);
  }
  for (; i < n; ++i) {
    digits += is_digit(text[i]);
    at |= text[i] == '@';
  }
  if (at) return true;            // email
  if (digits == 0) return false;  // every other rule holds a digit
  if (digits >= 10) return true;  // uk_phone: a valid one has 10 to 12

  const bool postcode_or_address = any_position(
      text, [](Bytes16 v) { return in_range16(v, '0', '9'); }, is_digit,
      [&](size_t d) {
        if (d > 0 && is_upper(text[d - 1])) return true;  // postcode: "S35", "SW1A"
        return (d + 1 == n || !is_digit(text[d + 1])) && address_follows(text, d + 1);
      });
  if (postcode_or_address) return true;
  if (text.find("GIR") != std::string_view::npos) return true;  // postcode "GIR 0AA"
  // date_of_birth: every phrase holds a 'b'.
  return any_position(
      text, [](Bytes16 v) { return (Bytes16)((v | 0x20) == 'b'); },
      [](char c) { return (c | 0x20) == 'b'; }, [&](size_t b) { return birth_phrase_at(text, b); });
}

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
        "the",   "a",      "an",  "for", "to", "on",   "in",  "at",  "of", "down", "up",
        "along", "across", "and", "or",  "by", "from", "per", "our", "my", "your", "this"};
    std::string m = lower(match);
    size_t p = 0;
    while (p < m.size()) {
      size_t q = m.find(' ', p);
      std::string_view w =
          std::string_view(m).substr(p, q == std::string::npos ? std::string::npos : q - p);
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

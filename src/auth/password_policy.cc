#include "auth/password_policy.h"

#include <array>
#include <optional>
#include <unordered_set>

#include "auth/common_passwords.h"

namespace inloco {
namespace {

constexpr const char* kSuggestion = "choose another, such as three random words.";

// Decodes UTF-8 strictly (no overlong forms, no surrogates); nullopt if invalid.
std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    size_t extra;
    char32_t min;
    if (c < 0x80) {
      cp = c, extra = 0, min = 0;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F, extra = 1, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F, extra = 2, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      cp = c & 0x07, extra = 3, min = 0x10000;
    } else {
      return std::nullopt;
    }
    if (extra > s.size() - i - 1) return std::nullopt;  // cut short
    for (size_t k = 1; k <= extra; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// Letters for the purpose of names: ASCII letters and every byte of a
// non-ASCII character (names such as "Zoë" or "Siân").
bool is_name_byte(char c) { return is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80; }
// Digits, ASCII punctuation and spaces: what people pad a word with.
bool is_padding(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x80 && !is_ascii_letter(c);
}

std::string strip_trailing(std::string s) {
  while (!s.empty() && is_padding(s.back())) s.pop_back();
  return s;
}

std::string strip_both(std::string s) {
  s = strip_trailing(std::move(s));
  size_t start = 0;
  while (start < s.size() && is_padding(s[start])) ++start;
  return s.substr(start);
}

std::string remove_separators(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '\t') out.push_back(c);
  return out;
}

// Undoes the usual letter-for-symbol swaps; `one` is what '1' stands for.
std::string undo_swaps(std::string_view s, char one) {
  std::string out(s);
  for (char& c : out) {
    switch (c) {
      case '@':
      case '4':
        c = 'a';
        break;
      case '8':
        c = 'b';
        break;
      case '3':
        c = 'e';
        break;
      case '6':
      case '9':
        c = 'g';
        break;
      case '!':
        c = 'i';
        break;
      case '1':
        c = one;
        break;
      case '0':
        c = 'o';
        break;
      case '$':
      case '5':
        c = 's';
        break;
      case '7':
      case '+':
        c = 't';
        break;
      default:
        break;
    }
  }
  return out;
}

// The password's variants that are compared against the list and searched for
// personal words.
std::vector<std::string> variants(std::string_view lower) {
  std::vector<std::string> out;
  for (const std::string& base : {std::string(lower), remove_separators(lower)}) {
    for (const std::string& x : {base, strip_trailing(base), strip_both(base)}) {
      if (x.empty()) continue;
      out.push_back(x);
      out.push_back(undo_swaps(x, 'i'));
      out.push_back(undo_swaps(x, 'l'));
    }
  }
  return out;
}

bool is_common(const std::vector<std::string>& candidates) {
  static const std::unordered_set<std::string_view> set(common_passwords().begin(),
                                                        common_passwords().end());
  for (const auto& c : candidates)
    if (set.contains(c)) return true;
  return false;
}

// True when every neighbouring pair steps one place along `seq` (wrapping
// round), all forwards or all backwards.
bool is_run_along(const std::u32string& s, std::u32string_view seq) {
  if (s.size() < 2) return false;
  bool forwards = true, backwards = true;
  const size_t n = seq.size();
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    size_t p = seq.find(s[i]), q = seq.find(s[i + 1]);
    if (p == std::u32string_view::npos || q == std::u32string_view::npos) return false;
    forwards = forwards && q == (p + 1) % n;
    backwards = backwards && p == (q + 1) % n;
    if (!forwards && !backwards) return false;
  }
  return true;
}

bool is_plain_run(const std::u32string& lower) {
  static constexpr std::array<std::u32string_view, 6> kRuns = {
      U"abcdefghijklmnopqrstuvwxyz",
      U"0123456789",
      U"qwertyuiopasdfghjklzxcvbnm",
      U"1234567890qwertyuiopasdfghjklzxcvbnm",
      U"1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
      U"qazwsxedcrfvtgbyhnujmikolp",
  };
  for (auto seq : kRuns)
    if (is_run_along(lower, seq)) return true;
  return false;
}

// The shortest block (up to 4 characters) that the password repeats, or 0.
size_t repeated_block(const std::u32string& s) {
  for (size_t p = 1; p <= 4 && p < s.size(); ++p) {
    bool repeats = true;
    for (size_t i = p; i < s.size() && repeats; ++i) repeats = s[i] == s[i - p];
    if (repeats) return p;
  }
  return 0;
}

// Runs of 4 or more name letters, lower case, from every personal word.
std::vector<std::string> personal_tokens(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) {
    std::string lower = to_lower(word);
    size_t i = 0;
    while (i < lower.size()) {
      if (!is_name_byte(lower[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      size_t letters = 0;
      while (j < lower.size() && is_name_byte(lower[j])) {
        if ((static_cast<unsigned char>(lower[j]) & 0xC0) != 0x80) ++letters;
        ++j;
      }
      if (letters >= 4) out.push_back(lower.substr(i, j - i));
      i = j;
    }
  }
  return out;
}

}  // namespace

Status check_new_password(std::string_view password,
                          const std::vector<std::string>& personal_words) {
  auto decoded = decode_utf8(password);
  if (!decoded) {
    return Error::invalid(
        "That password contains characters that could not be read. Type it again using letters, "
        "numbers, spaces and punctuation.");
  }
  const size_t length = decoded->size();
  if (length < kMinPasswordLength) {
    return Error::invalid("Choose a password of at least " + std::to_string(kMinPasswordLength) +
                          " characters: this one has " + std::to_string(length) +
                          ". Three random words make a long password that is easy to remember.");
  }
  if (length > kMaxPasswordLength) {
    return Error::invalid("Choose a password of at most " + std::to_string(kMaxPasswordLength) +
                          " characters: this one has " + std::to_string(length) + ".");
  }

  std::u32string lower_cp = *decoded;
  for (char32_t& c : lower_cp)
    if (c >= U'A' && c <= U'Z') c = c - U'A' + U'a';
  if (size_t block = repeated_block(lower_cp); block == 1) {
    return Error::invalid(std::string("That password is one character repeated and is easy to "
                                      "guess: ") +
                          kSuggestion);
  } else if (block > 1) {
    return Error::invalid(std::string("That password repeats a short pattern and is easy to "
                                      "guess: ") +
                          kSuggestion);
  }
  if (is_plain_run(lower_cp)) {
    return Error::invalid(std::string("That password is a run of keys or characters in order "
                                      "(like \"qwerty\" or \"12345\") and is easy to guess: ") +
                          kSuggestion);
  }

  const std::string lower = to_lower(password);
  const std::vector<std::string> candidates = variants(lower);
  if (is_common(candidates)) {
    return Error::invalid(std::string("That password is one of the most commonly used and is "
                                      "easy to guess: ") +
                          kSuggestion);
  }
  for (const std::string& token : personal_tokens(personal_words)) {
    for (const std::string& c : candidates) {
      if (c.find(token) != std::string::npos) {
        return Error::invalid("That password contains \"" + token +
                              "\", which is part of your name, your username or your school's "
                              "name, so it is easy to guess: " +
                              kSuggestion);
      }
    }
  }
  return {};
}

}  // namespace inloco

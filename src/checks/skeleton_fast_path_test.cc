// The skeleton's ASCII fast path against the general path and against the
// skeleton as it was before the fast path (a verbatim copy of its steps for
// ASCII, kept here as the oracle): same text, same spans, on adversarial and
// random ASCII.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/skeleton.h"

namespace inloco::checks {
namespace {

// The skeleton of an ASCII text, step by step as make_skeleton did before its
// fast path (one unit per byte, offsets stored).
Skeleton reference_skeleton(std::string_view utf8) {
  enum Class : uint8_t { kLetter, kDigit, kSymbol, kMask, kOther };
  auto class_of = [](unsigned char c) {
    if ((c >= 'a' && c <= 'z') || c >= 0x80) return kLetter;
    if (c >= '0' && c <= '9') return kDigit;
    if (c == '$' || c == '@' || c == '!') return kSymbol;
    if (c == '*') return kMask;
    return kOther;
  };
  auto leet = [](unsigned char c) {
    switch (c) {
      case '1':
        return 'i';
      case '3':
        return 'e';
      case '4':
        return 'a';
      case '0':
        return 'o';
      case '5':
        return 's';
      case '7':
        return 't';
      case '$':
        return 's';
      case '@':
        return 'a';
      case '!':
        return 'i';
      default:
        return static_cast<char>(c);
    }
  };
  enum Fate : uint8_t { kKeep, kSeparator, kRemoved };

  std::string uc;
  std::vector<uint32_t> ub, ue;
  for (size_t i = 0; i < utf8.size(); ++i) {
    char x = utf8[i];
    uc.push_back(static_cast<char>(x >= 'A' && x <= 'Z' ? x + 32 : x));
    ub.push_back(static_cast<uint32_t>(i));
    ue.push_back(static_cast<uint32_t>(i + 1));
  }

  const size_t m = uc.size();
  std::vector<uint8_t> fate(m, kKeep);
  for (size_t i = 0; i < m;) {
    auto cls = class_of(static_cast<unsigned char>(uc[i]));
    if (cls == kOther) {
      fate[i++] = kSeparator;
      continue;
    }
    size_t j = i;
    bool has_letter = false;
    while (j < m) {
      auto k = class_of(static_cast<unsigned char>(uc[j]));
      if (k == kOther) break;
      has_letter |= k == kLetter;
      ++j;
    }
    if (!has_letter) {
      for (size_t k = i; k < j; ++k)
        if (class_of(static_cast<unsigned char>(uc[k])) != kDigit) fate[k] = kSeparator;
      i = j;
      continue;
    }
    size_t b = i, e = j;
    while (e > b && (uc[e - 1] == '!' || uc[e - 1] == '*')) fate[--e] = kSeparator;
    while (b < e && uc[b] == '*') fate[b++] = kSeparator;
    bool alternating = e - b >= 5 && (e - b) % 2 == 1;
    for (size_t k = b; alternating && k < e; ++k)
      alternating = ((k - b) % 2 == 1) == (uc[k] == '*');
    for (size_t k = b; k < e; ++k) {
      if (uc[k] == '*') {
        if (alternating) fate[k] = kRemoved;
      } else if (uc[k] < 'a') {
        uc[k] = leet(static_cast<unsigned char>(uc[k]));
      }
    }
    i = j;
  }

  auto is_single_letter = [&](size_t k) {
    return fate[k] == kKeep && uc[k] >= 'a' && uc[k] <= 'z' && (k == 0 || fate[k - 1] != kKeep) &&
           (k + 1 >= m || fate[k + 1] != kKeep);
  };
  for (size_t i = 0; i < m;) {
    if (fate[i] != kKeep || (i + 1 < m && fate[i + 1] == kKeep) || !is_single_letter(i)) {
      ++i;
      continue;
    }
    std::vector<std::pair<size_t, size_t>> gaps;
    size_t last = i;
    for (;;) {
      size_t g = last + 1;
      size_t k = g;
      bool newline = false;
      while (k < m && fate[k] != kKeep && k - g < 4) {
        newline |= utf8[ub[k]] == '\n' || utf8[ub[k]] == '\r';
        ++k;
      }
      if (k >= m || k == g || k - g > 3 || newline || !is_single_letter(k)) break;
      if (!gaps.empty()) {
        auto [g0, k0] = gaps.front();
        std::string_view first = utf8.substr(ub[g0], ue[k0 - 1] - ub[g0]);
        std::string_view here = utf8.substr(ub[g], ue[k - 1] - ub[g]);
        if (first != here) break;
      }
      gaps.emplace_back(g, k);
      last = k;
    }
    if (gaps.size() >= 2) {
      for (auto [g, k] : gaps)
        for (size_t x = g; x < k; ++x) fate[x] = kRemoved;
      i = last + 1;
    } else {
      i = gaps.empty() ? i + 1 : gaps.front().second;
    }
  }

  for (size_t i = 0; i < m;) {
    if (fate[i] != kKeep || uc[i] < 'a' || uc[i] > 'z') {
      ++i;
      continue;
    }
    size_t j = i + 1, count = 1, last = i;
    while (j < m && (fate[j] == kRemoved || (fate[j] == kKeep && uc[j] == uc[i]))) {
      if (fate[j] == kKeep) ++count, last = j;
      ++j;
    }
    if (count >= 3) {
      for (size_t k = i + 1; k <= last; ++k) fate[k] = kRemoved;
      ue[i] = ue[last];
    }
    i = last + 1;
  }

  Skeleton out;
  for (size_t i = 0; i < m; ++i) {
    if (fate[i] == kRemoved) continue;
    if (fate[i] == kSeparator && !out.text.empty() && out.text.back() == ' ') {
      out.end.back() = ue[i];
      continue;
    }
    out.text.push_back(fate[i] == kSeparator ? ' ' : uc[i]);
    out.begin.push_back(ub[i]);
    out.end.push_back(ue[i]);
  }
  return out;
}

void expect_same(const Skeleton& got, const Skeleton& want, std::string_view input,
                 const char* what) {
  EXPECT_EQ(got.text, want.text) << what << " for \"" << input << "\"";
  EXPECT_EQ(got.begin, want.begin) << what << " for \"" << input << "\"";
  EXPECT_EQ(got.end, want.end) << what << " for \"" << input << "\"";
}

void expect_fast_path_exact(std::string_view ascii) {
  Skeleton fast = make_skeleton(ascii);
  expect_same(fast, make_skeleton_by_code_point(ascii), ascii, "general path");
  expect_same(fast, reference_skeleton(ascii), ascii, "skeleton before the fast path");
}

// Evasions and the edges of every word step.
constexpr std::string_view kEdgeCases[] = {"",
                                           " ",
                                           "a",
                                           "!",
                                           "*",
                                           "f.u.c.k",
                                           "F.U.C.K",
                                           "c u n t",
                                           "f - u - c - k off",
                                           "what a f.u.c.k",
                                           "b1tch",
                                           "B1TCH",
                                           "$h!t",
                                           "sh1t!",
                                           "sh1t!!",
                                           "@ss",
                                           "4ss",
                                           "f*u*c*k",
                                           "f**k",
                                           "*f*u*c*k*",
                                           "**a**",
                                           "a*b",
                                           "f*u*c*k*",
                                           "fuuuuuck",
                                           "FUUUUCK",
                                           "sooo good",
                                           "ass class",
                                           "shiiiit",
                                           "a.a.a",
                                           "a.a.a.a.b",
                                           "aaa aaa",
                                           "a a a a",
                                           "x.x-x.x",
                                           "a..b..c",
                                           "a...b...c",
                                           "a....b....c",
                                           "a b\nc d",
                                           "a\nb\nc",
                                           "a\r\nb\r\nc",
                                           "f.u.c.k.i.n.g",
                                           "1!1!",
                                           "!!!",
                                           "$$$",
                                           "@@@",
                                           "12:30",
                                           "Year 6 at 3:15",
                                           "100%",
                                           "l33t 5p34k",
                                           "h3ll0 w0rld",
                                           "a*a*a",
                                           "a*a*a*a",
                                           "s.h.i.i.i.t",
                                           "s h i i i t",
                                           "i i i",
                                           "a! b! c!",
                                           "*a *b *c",
                                           "a1 b1 c1",
                                           "\t\ta\t\tb\t\tc",
                                           "x-y-z",
                                           "a_b_c",
                                           "e.g. i.e. a.m.",
                                           "f. u. c. k",
                                           "f .u .c .k",
                                           "0.0.0",
                                           "a.0.b.0.c",
                                           "\x01\x02\x7f",
                                           "~!@#$%^&*()_+"};

TEST(SkeletonFastPathTest, MatchesOnEvasionsAndEdges) {
  for (std::string_view s : kEdgeCases) expect_fast_path_exact(s);
}

// Texts from pieces that trip the word steps, run together at random.
std::string random_ascii(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "f",   "u",    "c",  "k",    "a",  "i",    "s",    "h",     "t",   "b",    "o",    "e",
      "x",   "F",    "U",  "C",    "K",  "fuck", "shit", "class", "ass", "cunt", "sooo", "uuuu",
      "iii", "aa",   "bb", "ss",   "1",  "3",    "4",    "0",     "5",   "7",    "9",    "12",
      "$",   "@",    "!",  "*",    "**", "!!",   "*!",   ".",     ". ",  " . ",  "-",    " - ",
      ",",   "_",    "'",  "\"",   "?",  "/",    ":",    ";",     "(",   ")",    " ",    "  ",
      "   ", "    ", "\n", "\r\n", "\t", "~",    "#",    "%",     "&",   "+",    "=",    "\x01"};
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 24);
  std::string s;
  for (int n = count(rng); n > 0; --n) s += pieces[piece(rng)];
  return s;
}

// Single letters joined by one repeated separator, some broken on purpose.
std::string random_spelled_out(std::mt19937& rng) {
  static const std::vector<std::string> separators = {".",  " ", "-", " - ", "*",    "..", "_",
                                                      ". ", "!", "$", "\n",  "....", "  "};
  std::uniform_int_distribution<size_t> sep(0, separators.size() - 1);
  std::uniform_int_distribution<int> letters(1, 8), letter(0, 25), coin(0, 9);
  std::string s = coin(rng) < 3 ? "what a " : "";
  const std::string& between = separators[sep(rng)];
  for (int n = letters(rng); n > 0; --n) {
    s += static_cast<char>((coin(rng) < 2 ? 'A' : 'a') + (coin(rng) < 3 ? 20 : letter(rng)));
    if (n > 1) s += coin(rng) == 0 ? separators[sep(rng)] : between;
  }
  if (coin(rng) < 3) s += coin(rng) < 5 ? "!" : " off";
  return s;
}

TEST(SkeletonFastPathTest, MatchesOnRandomAscii) {
  std::mt19937 rng(20260514);
  for (int i = 0; i < 20000; ++i) expect_fast_path_exact(random_ascii(rng));
  for (int i = 0; i < 20000; ++i) expect_fast_path_exact(random_spelled_out(rng));
  // Long texts: the sixteen-unit blocks, and what straddles them.
  std::uniform_int_distribution<int> parts(1, 12);
  for (int i = 0; i < 5000; ++i) {
    std::string s;
    for (int n = parts(rng); n > 0; --n) s += i % 2 ? random_ascii(rng) : random_spelled_out(rng);
    expect_fast_path_exact(s);
  }
  // Any ASCII byte at all.
  std::uniform_int_distribution<int> byte(0, 127), length(0, 40);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (int n = length(rng); n > 0; --n) s += static_cast<char>(byte(rng));
    expect_fast_path_exact(s);
  }
}

// Texts with other characters take the general path; the steps after folding
// are shared, so spans must still point at whole characters, in order.
TEST(SkeletonFastPathTest, MixedTextsKeepSpansInOrder) {
  std::mt19937 rng(7);
  static const std::vector<std::string> other = {
      "\xC3\xA9", "\xEF\xBC\xA6", "\xE2\x80\x8B", "\xD0\xB0", "\xF0\x9F\x8E\x89",
      "\xC2\xAD", "\xE2\x80\x94", "\xEF\xAC\x80", "\xC2\xA0", "\xF0\x9D\x90\x9F"};
  std::uniform_int_distribution<size_t> pick(0, other.size() - 1);
  std::uniform_int_distribution<int> coin(0, 3);
  for (int i = 0; i < 5000; ++i) {
    std::string s = random_ascii(rng);
    std::string mixed;
    for (char c : s) {
      mixed += c;
      if (coin(rng) == 0) mixed += other[pick(rng)];
    }
    Skeleton sk = make_skeleton(mixed);
    ASSERT_EQ(sk.begin.size(), sk.text.size());
    ASSERT_EQ(sk.end.size(), sk.text.size());
    for (size_t k = 0; k < sk.text.size(); ++k) {
      EXPECT_LT(sk.begin[k], sk.end[k]) << mixed;
      EXPECT_LE(sk.end[k], mixed.size()) << mixed;
      if (k > 0) {
        EXPECT_LE(sk.begin[k - 1], sk.begin[k]) << mixed;
      }
      // Spans start on a character, not inside one.
      EXPECT_NE(static_cast<unsigned char>(mixed[sk.begin[k]]) & 0xC0, 0x80) << mixed;
    }
  }
}

}  // namespace
}  // namespace inloco::checks

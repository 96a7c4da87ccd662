#include "checks/skeleton.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>

namespace inloco::checks {

namespace {

// What one non-ASCII code point becomes: up to 11 bytes; len 0 drops it.
struct Folded {
  uint8_t len = 0;
  char bytes[11] = {};
};

void append_utf8(std::string& out, UChar32 cp) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(buf, n, 4, cp, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

bool is_mark(UChar32 cp) {
  int8_t t = u_charType(cp);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

class Folder {
 public:
  Folder() {
    UErrorCode st = U_ZERO_ERROR;
    nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(st);
    st = U_ZERO_ERROR;
    nfd_ = icu::Normalizer2::getNFDInstance(st);
    st = U_ZERO_ERROR;
    spoof_ = uspoof_open(&st);
    if (U_FAILURE(st)) spoof_ = nullptr;
    bmp_ = std::make_unique<std::array<Folded, 0x10000>>();
    for (UChar32 cp = 0x80; cp < 0x10000; ++cp) (*bmp_)[cp] = compute(cp);
  }
  ~Folder() {
    if (spoof_) uspoof_close(spoof_);
  }

  Folded fold(UChar32 cp) const { return cp < 0x10000 ? (*bmp_)[cp] : compute(cp); }

 private:
  // Accents off: NFD, then marks dropped.
  std::string strip(const icu::UnicodeString& s, bool& all_ascii_alnum) const {
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeString d = nfd_ ? nfd_->normalize(s, st) : s;
    std::string out;
    all_ascii_alnum = true;
    for (int32_t i = 0; i < d.length();) {
      UChar32 c = d.char32At(i);
      i += U16_LENGTH(c);
      if (is_mark(c)) continue;
      if (c >= 0x80 || !(u_isalnum(c))) all_ascii_alnum = false;
      if (c < 0x80) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      else append_utf8(out, c);
    }
    return out;
  }

  Folded compute(UChar32 cp) const {
    Folded f;
    if (u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || is_mark(cp)) return f;
    std::string out;
    if (u_isUWhiteSpace(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out = " ";
    } else {
      UErrorCode st = U_ZERO_ERROR;
      icu::UnicodeString s = nfkc_cf_ ? nfkc_cf_->normalize(icu::UnicodeString(cp), st)
                                      : icu::UnicodeString(cp);
      icu::UnicodeString d;
      st = U_ZERO_ERROR;
      d = nfd_ ? nfd_->normalize(s, st) : s;
      for (int32_t i = 0; i < d.length();) {
        UChar32 c = d.char32At(i);
        i += U16_LENGTH(c);
        if (is_mark(c) || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) continue;
        if (c < 0x80) {
          out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
          continue;
        }
        if (!u_isalnum(c)) {
          out.push_back(' ');
          continue;
        }
        // A letter of another script that looks like a Latin one ("а" -> "a").
        std::string mapped;
        if (spoof_) {
          std::string in;
          append_utf8(in, c);
          char buf[64];
          UErrorCode ss = U_ZERO_ERROR;
          int32_t n = uspoof_getSkeletonUTF8(spoof_, 0, in.data(), static_cast<int32_t>(in.size()),
                                             buf, sizeof buf, &ss);
          if (U_SUCCESS(ss) && n > 0) {
            UErrorCode fs = U_ZERO_ERROR;
            icu::UnicodeString sk = icu::UnicodeString::fromUTF8(std::string_view(buf, n));
            icu::UnicodeString folded = nfkc_cf_ ? nfkc_cf_->normalize(sk, fs) : sk;
            bool ascii = false;
            std::string plain = strip(folded, ascii);
            if (ascii && !plain.empty()) mapped = plain;
          }
        }
        if (mapped.empty()) append_utf8(out, c);
        else out += mapped;
      }
    }
    // Whole characters only, up to the 11 bytes a table entry holds.
    size_t keep = 0;
    while (keep < out.size()) {
      unsigned char c = static_cast<unsigned char>(out[keep]);
      size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      if (keep + n > sizeof f.bytes) break;
      keep += n;
    }
    f.len = static_cast<uint8_t>(keep);
    std::memcpy(f.bytes, out.data(), keep);
    return f;
  }

  const icu::Normalizer2* nfkc_cf_ = nullptr;
  const icu::Normalizer2* nfd_ = nullptr;
  USpoofChecker* spoof_ = nullptr;
  std::unique_ptr<std::array<Folded, 0x10000>> bmp_;
};

const Folder& folder() {
  static const Folder f;
  return f;
}

enum Class : uint8_t { kLetter, kDigit, kSymbol, kMask, kOther };

inline Class class_of(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || c >= 0x80) return kLetter;
  if (c >= '0' && c <= '9') return kDigit;
  if (c == '$' || c == '@' || c == '!') return kSymbol;
  if (c == '*') return kMask;
  return kOther;
}

char leet(unsigned char c) {
  switch (c) {
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '0': return 'o';
    case '5': return 's';
    case '7': return 't';
    case '$': return 's';
    case '@': return 'a';
    case '!': return 'i';
    default: return static_cast<char>(c);
  }
}

enum Fate : uint8_t { kKeep, kSeparator, kRemoved };

}  // namespace

Skeleton make_skeleton(std::string_view utf8) {
  // 1. Code points folded into units, each with its original span. The work
  //    buffers are kept per thread: a text costs no allocation but the result.
  thread_local std::string uc;
  thread_local std::vector<uint32_t> ub, ue;
  thread_local std::vector<uint8_t> fate;
  uc.clear();
  ub.clear();
  ue.clear();
  uc.reserve(utf8.size());
  ub.reserve(utf8.size());
  ue.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  const Folder* f = nullptr;
  for (int32_t i = 0; i < n;) {
    uint8_t c = s[i];
    if (c < 0x80) {
      // A run of ASCII in bulk.
      int32_t j = i;
      while (j < n && s[j] < 0x80) ++j;
      size_t at = uc.size();
      size_t len = static_cast<size_t>(j - i);
      uc.resize(at + len);
      ub.resize(at + len);
      ue.resize(at + len);
      char* o = uc.data() + at;
      uint32_t* b = ub.data() + at;
      uint32_t* e = ue.data() + at;
      for (size_t k = 0; k < len; ++k) {
        uint8_t x = s[i + k];
        o[k] = static_cast<char>(x >= 'A' && x <= 'Z' ? x + 32 : x);
        b[k] = static_cast<uint32_t>(i + k);
        e[k] = static_cast<uint32_t>(i + k + 1);
      }
      i = j;
      continue;
    }
    int32_t start = i;
    UChar32 cp;
    U8_NEXT(s, i, n, cp);
    if (cp < 0) {
      uc.push_back(' ');
      ub.push_back(static_cast<uint32_t>(start));
      ue.push_back(static_cast<uint32_t>(i));
      continue;
    }
    if (!f) f = &folder();
    Folded fd = f->fold(cp);
    for (uint8_t k = 0; k < fd.len; ++k) {
      uc.push_back(fd.bytes[k]);
      ub.push_back(static_cast<uint32_t>(start));
      ue.push_back(static_cast<uint32_t>(i));
    }
  }

  // 2. Words: leet symbols and masks decided per word.
  const size_t m = uc.size();
  fate.assign(m, kKeep);
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
    // Trailing '!' and '*', leading '*': punctuation, not letters.
    size_t b = i, e = j;
    while (e > b && (uc[e - 1] == '!' || uc[e - 1] == '*')) fate[--e] = kSeparator;
    while (b < e && uc[b] == '*') fate[b++] = kSeparator;
    // Single letters joined by '*' ("f*u*c*k"): the masks go.
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

  // 3. Runs of three or more single letters, a short gap apart on one line: one word.
  auto is_single_letter = [&](size_t k) {
    return fate[k] == kKeep && uc[k] >= 'a' && uc[k] <= 'z' && (k == 0 || fate[k - 1] != kKeep) &&
           (k + 1 >= m || fate[k + 1] != kKeep);
  };
  for (size_t i = 0; i < m;) {
    if (fate[i] != kKeep || (i + 1 < m && fate[i + 1] == kKeep) || !is_single_letter(i)) {
      ++i;
      continue;
    }
    // Separator units between the letters; every gap alike ("f.u.c.k", not
    // the "a f" of "what a f.u.c.k").
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

  // 4. Runs of three or more of one letter ("fuuuuck"): one letter, whose
  //    span covers the run.
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

  // 5. Out: kept bytes, one space per run of separators.
  Skeleton out;
  out.text.resize(m);
  out.begin.resize(m);
  out.end.resize(m);
  char* ot = out.text.data();
  uint32_t* obg = out.begin.data();
  uint32_t* oen = out.end.data();
  size_t k = 0;
  for (size_t i = 0; i < m; ++i) {
    uint8_t fi = fate[i];
    if (fi == kRemoved) continue;
    if (fi == kSeparator) {
      if (k > 0 && ot[k - 1] == ' ') {
        oen[k - 1] = ue[i];
        continue;
      }
      ot[k] = ' ';
    } else {
      ot[k] = uc[i];
    }
    obg[k] = ub[i];
    oen[k] = ue[i];
    ++k;
  }
  out.text.resize(k);
  out.begin.resize(k);
  out.end.resize(k);
  return out;
}

std::string skeleton_text(std::string_view utf8) { return make_skeleton(utf8).text; }

}  // namespace inloco::checks

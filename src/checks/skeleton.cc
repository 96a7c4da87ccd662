#include "checks/skeleton.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <array>
#include <bit>
#include <cstring>
#include <memory>
#include <mutex>

#include "checks/byte_blocks.h"

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
      if (c < 0x80)
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      else
        append_utf8(out, c);
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
      icu::UnicodeString s =
          nfkc_cf_ ? nfkc_cf_->normalize(icu::UnicodeString(cp), st) : icu::UnicodeString(cp);
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
        if (mapped.empty())
          append_utf8(out, c);
        else
          out += mapped;
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

// Per-byte tables for the steps that look at one word at a time.
constexpr std::array<Class, 256> kClassOf = [] {
  std::array<Class, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if ((c >= 'a' && c <= 'z') || c >= 0x80)
      t[c] = kLetter;
    else if (c >= '0' && c <= '9')
      t[c] = kDigit;
    else if (c == '$' || c == '@' || c == '!')
      t[c] = kSymbol;
    else if (c == '*')
      t[c] = kMask;
    else
      t[c] = kOther;
  }
  return t;
}();

// What a digit or symbol reads as inside a word holding a letter.
constexpr std::array<char, 256> kLeet = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c);
  t['1'] = 'i', t['3'] = 'e', t['4'] = 'a', t['0'] = 'o', t['5'] = 's', t['7'] = 't';
  t['$'] = 's', t['@'] = 'a', t['!'] = 'i';
  return t;
}();

inline Class class_of(char c) { return kClassOf[static_cast<unsigned char>(c)]; }
inline bool is_latin_letter(char c) { return static_cast<unsigned char>(c - 'a') < 26; }

inline char lower_ascii(char c) {  // branch-free, so loops of it vectorise
  return static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5));
}

// The steps that look at every unit do so sixteen at a time (byte_blocks.h).
inline Bytes16 is_latin16(Bytes16 u) { return in_range16(u, 'a', 'z'); }
inline Bytes16 is_digit_or_symbol16(Bytes16 u) {  // a word byte that is not a letter
  return in_range16(u, '0', '9') | (Bytes16)(u == '$') | (Bytes16)(u == '@') | (Bytes16)(u == '!') |
         (Bytes16)(u == '*');
}
inline bool is_digit_or_symbol(char c) {
  const Class k = class_of(c);
  return k == kDigit || k == kSymbol || k == kMask;
}

enum Fate : uint8_t { kKeep, kSeparator, kRemoved };

// Where each unit came from in the original text. In a text of ASCII only
// every byte is one unit, so a unit's index is its offset: nothing to store.
struct OneUnitPerByte {
  uint32_t begin(size_t k) const { return static_cast<uint32_t>(k); }
  uint32_t end(size_t k) const { return static_cast<uint32_t>(k + 1); }
  void copy16(size_t k, uint32_t* begins, uint32_t* ends) const {  // units k to k + 15
    for (uint32_t j = 0; j < 16; ++j) {
      begins[j] = static_cast<uint32_t>(k) + j;
      ends[j] = static_cast<uint32_t>(k) + j + 1;
    }
  }
};
struct UnitOffsets {
  const uint32_t* b;
  const uint32_t* e;
  uint32_t begin(size_t k) const { return b[k]; }
  uint32_t end(size_t k) const { return e[k]; }
  void copy16(size_t k, uint32_t* begins, uint32_t* ends) const {
    std::memcpy(begins, b + k, 16 * sizeof(uint32_t));
    std::memcpy(ends, e + k, 16 * sizeof(uint32_t));
  }
};

bool is_ascii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

// The fate of every unit, with one separator before and after them all, so
// neighbours can be read without bounds checks: fate[-1] and fate[m] exist.
class Fates {
 public:
  uint8_t* reset(size_t m) {
    buf_.resize(m + 2);
    buf_[0] = buf_[m + 1] = kSeparator;
    return buf_.data() + 1;
  }

 private:
  std::vector<uint8_t> buf_;
};

// Step 2a. Keep word bytes, separate the rest; true when a word holds a
// digit or symbol and needs deciding (decide_word).
bool sort_units(const char* uc, uint8_t* fate, size_t m) {
  static_assert(kKeep == 0 && kSeparator == 1);
  size_t i = 0;
  Bytes16 any16 = {};
  for (; i + 16 <= m; i += 16) {
    const Bytes16 u = load16(uc + i);
    const Bytes16 special = is_digit_or_symbol16(u);
    const Bytes16 word = is_latin16(u) | (Bytes16)(u >= 0x80) | special;
    const Bytes16 fate16 = ~word & 1;
    std::memcpy(fate + i, &fate16, 16);
    any16 |= special;
  }
  bool any = any_set(any16);
  for (; i < m; ++i) {
    fate[i] = class_of(uc[i]) == kOther ? kSeparator : kKeep;
    any |= is_digit_or_symbol(uc[i]);
  }
  return any;
}

// Step 2b. One word [i, j) holding a digit or symbol: leet symbols and masks
// decided. True when masks were removed.
bool decide_word(char* uc, uint8_t* fate, size_t i, size_t j) {
  bool has_letter = false;
  for (size_t k = i; k < j; ++k) has_letter |= class_of(uc[k]) == kLetter;
  if (!has_letter) {
    for (size_t k = i; k < j; ++k)
      if (class_of(uc[k]) != kDigit) fate[k] = kSeparator;
    return false;
  }
  // Trailing '!' and '*', leading '*': punctuation, not letters.
  size_t b = i, e = j;
  while (e > b && (uc[e - 1] == '!' || uc[e - 1] == '*')) fate[--e] = kSeparator;
  while (b < e && uc[b] == '*') fate[b++] = kSeparator;
  // Single letters joined by '*' ("f*u*c*k"): the masks go.
  bool alternating = e - b >= 5 && (e - b) % 2 == 1;
  for (size_t k = b; alternating && k < e; ++k) alternating = ((k - b) % 2 == 1) == (uc[k] == '*');
  for (size_t k = b; k < e; ++k) {
    if (uc[k] == '*') {
      if (alternating) fate[k] = kRemoved;
    } else if (uc[k] < 'a') {
      uc[k] = kLeet[static_cast<unsigned char>(uc[k])];
    }
  }
  return alternating;
}

// Step 2. Words: every unit gets its fate; leet symbols and masks decided per
// word. Words of letters alone (most) need nothing more than step 2a.
// True when units were removed.
bool decide_words(char* uc, uint8_t* fate, size_t m) {
  if (!sort_units(uc, fate, m)) return false;
  bool removed = false;
  size_t next = 0;  // units before it are decided
  for (size_t block = 0; block < m; block += 16) {
    uint32_t digits_and_symbols = 0;  // bit j: unit block + j
    if (block + 16 <= m) {
      digits_and_symbols = mask16(is_digit_or_symbol16(load16(uc + block)));
    } else {
      for (size_t k = block; k < m; ++k)
        digits_and_symbols |= static_cast<uint32_t>(is_digit_or_symbol(uc[k])) << (k - block);
    }
    for (uint32_t bits = digits_and_symbols; bits != 0; bits &= bits - 1) {
      const size_t p = block + static_cast<size_t>(std::countr_zero(bits));
      if (p < next) continue;
      size_t i = p, j = p + 1;
      while (fate[i - 1] == kKeep) --i;  // fate[-1] is a separator
      while (fate[j] == kKeep) ++j;      // so is fate[m]
      removed |= decide_word(uc, fate, i, j);
      next = j;
    }
  }
  return removed;
}

// Step 3. Runs of three or more single letters, a short gap apart on one
// line: one word. True when gaps were removed.
template <class Offsets>
bool join_single_letters(std::string_view utf8, const char* uc, uint8_t* fate, size_t m,
                         const Offsets& at) {
  auto is_single_letter = [&](size_t k) {
    return (fate[k] == kKeep) & is_latin_letter(uc[k]) & (fate[k - 1] != kKeep) &
           (fate[k + 1] != kKeep);
  };
  // Sixteen units at a time: bit j set where unit i + j is a single letter.
  auto single_letters16 = [&](size_t i) {
    uint32_t bits = 0;
    if (i + 16 <= m) {
      const unsigned char keep_byte = kKeep;
      const Bytes16 keep = (Bytes16)(load16(fate + i) == keep_byte);
      const Bytes16 before = (Bytes16)(load16(fate + i - 1) != keep_byte);
      const Bytes16 after = (Bytes16)(load16(fate + i + 1) != keep_byte);
      bits = mask16(keep & before & after & is_latin16(load16(uc + i)));
    } else {
      for (size_t k = i; k < m; ++k) bits |= static_cast<uint32_t>(is_single_letter(k)) << (k - i);
    }
    return bits;
  };
  bool removed = false;
  size_t next = 0;  // single letters before it are settled
  for (size_t block = 0; block < m; block += 16) {
    for (uint32_t bits = single_letters16(block); bits != 0; bits &= bits - 1) {
      const size_t i = block + static_cast<size_t>(std::countr_zero(bits));
      if (i < next) continue;
      // Separator units between the letters; every gap alike ("f.u.c.k", not
      // the "a f" of "what a f.u.c.k").
      size_t gaps = 0, first_gap = 0, first_gap_end = 0, last = i;
      for (;;) {
        size_t g = last + 1;
        size_t k = g;
        bool newline = false;
        while (k < m && fate[k] != kKeep && k - g < 4) {
          char original = utf8[at.begin(k)];
          newline |= original == '\n' || original == '\r';
          ++k;
        }
        if (k >= m || k == g || k - g > 3 || newline || !is_single_letter(k)) break;
        if (gaps == 0) {
          first_gap = g;
          first_gap_end = k;
        } else {
          std::string_view first =
              utf8.substr(at.begin(first_gap), at.end(first_gap_end - 1) - at.begin(first_gap));
          std::string_view here = utf8.substr(at.begin(g), at.end(k - 1) - at.begin(g));
          if (first != here) break;
        }
        ++gaps;
        last = k;
      }
      if (gaps >= 2) {
        // Every unit between the first and last letter that is not a letter is a gap.
        for (size_t x = i + 1; x < last; ++x)
          if (fate[x] != kKeep) fate[x] = kRemoved;
        removed = true;
        next = last + 1;
      } else {
        next = gaps == 1 ? first_gap_end : i + 1;  // that next letter may start a run
      }
    }
  }
  return removed;
}

// A run of three or more of one letter anywhere ("fuuuuck")? Only without
// removed units, where such a run is three equal letters in a row.
bool has_letter_run(const char* uc, size_t m) {
  size_t i = 0;
  Bytes16 run16 = {};
  for (; i + 18 <= m; i += 16) {
    const Bytes16 a = load16(uc + i), b = load16(uc + i + 1), c = load16(uc + i + 2);
    run16 |= is_latin16(a) & (Bytes16)(a == b) & (Bytes16)(b == c);
  }
  bool run = any_set(run16);
  for (; i + 2 < m; ++i)
    run |= is_latin_letter(uc[i]) && uc[i] == uc[i + 1] && uc[i + 1] == uc[i + 2];
  return run;
}

// Steps 4 and 5 for most texts, where nothing was removed and no letter runs
// three times: kept units, one space per run of separators. Sixteen units
// are copied at a time, up to the next separator that follows another (it
// widens the space before it instead).
template <class Offsets>
void emit_simple(std::string_view units, const uint8_t* fate, const Offsets& at, Skeleton& out) {
  const size_t m = units.size();
  out.text.resize(m);
  out.begin.resize(m);
  out.end.resize(m);
  const char* u = units.data();
  char* t = out.text.data();
  uint32_t* obg = out.begin.data();
  uint32_t* oen = out.end.data();
  const unsigned char separator_byte = kSeparator;
  size_t k = 0;
  for (size_t i = 0; i < m;) {
    if (i > 0 && i + 16 <= m) {
      const Bytes16 separators = (Bytes16)(load16(fate + i) == separator_byte);
      const Bytes16 after_separator = (Bytes16)(load16(fate + i - 1) == separator_byte);
      const uint32_t merges = mask16(separators & after_separator);
      const size_t run = merges ? static_cast<size_t>(std::countr_zero(merges)) : 16;
      // All sixteen written (the output has room: k <= i); the first `run` count.
      const Bytes16 spaced = (load16(u + i) & ~separators) | (separators & ' ');
      std::memcpy(t + k, &spaced, 16);
      at.copy16(i, obg + k, oen + k);
      k += run;
      i += run;
      if (run < 16) oen[k - 1] = at.end(i++);
      continue;
    }
    const bool separator = fate[i] == kSeparator;
    if (separator && i > 0 && fate[i - 1] == kSeparator) {
      oen[k - 1] = at.end(i++);
      continue;
    }
    t[k] = separator ? ' ' : u[i];
    obg[k] = at.begin(i);
    oen[k] = at.end(i);
    ++k;
    ++i;
  }
  out.text.resize(k);
  out.begin.resize(k);
  out.end.resize(k);
}

// Steps 4 and 5. Out: kept units, one space per run of separators, and a
// run of three or more of one letter ("fuuuuck") as one letter whose span
// covers the run.
template <class Offsets>
void emit(std::string_view units, const uint8_t* fate, const Offsets& at, Skeleton& out) {
  const size_t m = units.size();
  out.text.resize(m);
  out.begin.resize(m);
  out.end.resize(m);
  const char* u = units.data();
  char* t = out.text.data();
  uint32_t* obg = out.begin.data();
  uint32_t* oen = out.end.data();
  size_t k = 0;
  for (size_t i = 0; i < m; ++i) {
    uint8_t fi = fate[i];
    if (fi == kRemoved) continue;
    if (fi == kSeparator) {
      if (k > 0 && t[k - 1] == ' ') {
        oen[k - 1] = at.end(i);
        continue;
      }
      t[k] = ' ';
      obg[k] = at.begin(i);
      oen[k] = at.end(i);
      ++k;
      continue;
    }
    const char c = u[i];
    uint32_t b = at.begin(i), e = at.end(i);
    if (is_latin_letter(c)) {
      size_t j = i + 1, count = 1, last = i;
      while (j < m && (fate[j] == kRemoved || (fate[j] == kKeep && u[j] == c))) {
        if (fate[j] == kKeep) ++count, last = j;
        ++j;
      }
      if (count >= 3) {
        e = at.end(last);
        i = last;  // the rest of the run is this letter
      }
    }
    t[k] = c;
    obg[k] = b;
    oen[k] = e;
    ++k;
  }
  out.text.resize(k);
  out.begin.resize(k);
  out.end.resize(k);
}

// Work buffers kept per thread: a text costs no allocation but its result.
thread_local Fates fates;
thread_local std::string units_buffer;

// Steps 2 to 5, the same for every text once it is units.
template <class Offsets>
void skeleton_of_units(std::string_view utf8, std::string& units, const Offsets& at,
                       Skeleton& out) {
  const size_t m = units.size();
  uint8_t* fate = fates.reset(m);
  bool removed = decide_words(units.data(), fate, m);
  removed |= join_single_letters(utf8, units.data(), fate, m, at);
  if (removed || has_letter_run(units.data(), m))
    emit(units, fate, at, out);
  else
    emit_simple(units, fate, at, out);
}

// The fast path: no ICU and no offsets to store; every byte is a unit.
void skeleton_of_ascii(std::string_view ascii, Skeleton& out) {
  std::string& units = units_buffer;
  units.assign(ascii);
  char* u = units.data();
  const size_t n = units.size();  // a local: a char store could alias the string's own size
  for (size_t i = 0; i < n; ++i) u[i] = lower_ascii(u[i]);
  skeleton_of_units(ascii, units, OneUnitPerByte{}, out);
}

// The general path: code points folded into units, each with its original span.
void skeleton_by_code_point(std::string_view utf8, Skeleton& out) {
  thread_local std::vector<uint32_t> ub, ue;
  std::string& uc = units_buffer;
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
        o[k] = lower_ascii(static_cast<char>(s[i + k]));
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

  skeleton_of_units(utf8, uc, UnitOffsets{ub.data(), ue.data()}, out);
}

}  // namespace

void make_skeleton(std::string_view utf8, Skeleton& out) {
  if (is_ascii(utf8))
    skeleton_of_ascii(utf8, out);
  else
    skeleton_by_code_point(utf8, out);
}

Skeleton make_skeleton(std::string_view utf8) {
  Skeleton out;
  make_skeleton(utf8, out);
  return out;
}

Skeleton make_skeleton_by_code_point(std::string_view utf8) {
  Skeleton out;
  skeleton_by_code_point(utf8, out);
  return out;
}

std::string skeleton_text(std::string_view utf8) { return make_skeleton(utf8).text; }

}  // namespace inloco::checks

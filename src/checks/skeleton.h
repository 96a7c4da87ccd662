// Skeleton: the text the lexicon and roster matchers read, with a map from
// every skeleton byte back to the bytes of the original text it came from.
//
// Why: evasions ("Ｆ𝐔ⅽk", "f.u.c.k", "c u n t", "b1tch", "$h!t", Cyrillic
// look-alikes, zero-width spaces) must meet the same lexicon as plain words,
// yet a finding must name the exact bytes the author wrote. Normalising once
// into one string with an offset map gives both: matchers run on the
// skeleton, spans are translated back through `begin`/`end`.
//
// What the skeleton is, code point by code point:
//  - invisible characters (default ignorables: zero-width spaces and joiners,
//    soft hyphens, variation selectors) and combining marks are dropped;
//  - everything else is NFKC case folded (ICU nfkc_cf), accents removed, and
//    letters of other scripts that look like Latin letters mapped to them
//    (ICU's confusable skeleton, code point by code point);
//  - a "word" is a run of letters, digits, '*' and the leet symbols $ @ !;
//    in a word holding a letter, 1 3 4 0 5 7 $ @ ! read as i e a o s t s a i
//    (a trailing '!' is punctuation);
//  - '*' inside a word stays (masked spellings "f**k" are lexicon terms),
//    except in single letters joined by '*' ("f*u*c*k"), where it goes;
//  - three or more single letters separated by at most three separator
//    characters on one line ("f.u.c.k", "c u n t", "f - u - c - k") are
//    joined into one word;
//  - every other run of characters becomes one space.
//  - a run of three or more of one letter becomes one ("fuuuuck" -> "fuck");
//    doubles stay, so "ass" is not "as" (the checker adds a single-letter
//    variant of a term with a double only where that cannot be a short word).
//
// How it is made, fast: a text of ASCII only (most texts) takes a fast path
// that never touches ICU and stores no per-unit offsets while it works (byte i
// of the text is unit i, so its span is [i, i + 1)). Any other text goes code
// point by code point: ASCII runs in bulk, each other code point through a
// table of its folded form (ICU, built once), each unit with its stored span.
// Both then share the word steps, which look at sixteen units at a time
// (byte_blocks.h) and do per-unit work only where a block holds a digit, a
// symbol, a single letter or two separators in a row (plain words and single
// spaces go a block at a time). They give the same skeleton and spans as the
// step-by-step definition above: skeleton_fast_path_test holds the fast path to
// the general one and to the skeleton as it was made before.
//
// Thread-safe: the code point table is built once, on first use; the work
// buffers are per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace inloco::checks {

struct Skeleton {
  std::string text;
  std::vector<uint32_t> begin;  // begin[i]: first original byte of text[i]
  std::vector<uint32_t> end;    // end[i]: one past the last original byte of text[i]

  // The original byte span of skeleton bytes [s, e); e > s.
  std::pair<size_t, size_t> original_span(size_t s, size_t e) const {
    return {begin[s], end[e - 1]};
  }
};

// `utf8` must be valid UTF-8 (the checker refuses anything else first).
Skeleton make_skeleton(std::string_view utf8);

// The same into `out`, reusing its storage: a caller that makes one skeleton
// after another (the text checker) then allocates nothing once warm.
void make_skeleton(std::string_view utf8, Skeleton& out);

// The general path for any text: make_skeleton() without its ASCII fast
// path, giving the same result more slowly (for tests of the fast path).
Skeleton make_skeleton_by_code_point(std::string_view utf8);

// The skeleton text alone (for lexicon terms and roster names).
std::string skeleton_text(std::string_view utf8);

// Bytes that belong to words in a skeleton: a-z, 0-9, '*' and non-ASCII.
inline bool is_skeleton_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || c >= 0x80;
}

}  // namespace inloco::checks

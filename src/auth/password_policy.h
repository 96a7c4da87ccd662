// The rules a new password must meet (IAM-1), following the NCSC's advice:
// length matters most, so a long password of three random words passes while
// short, common, patterned or personal ones are refused. There are no
// composition rules ("one capital, one symbol"), which only push people
// towards "Password1!".
//
// A password is refused when it:
//   - has fewer than 12 or more than 256 characters (Unicode code points, not
//     bytes, so "café" counts as four), or is not valid UTF-8;
//   - is one character repeated, a short block repeated ("abcabcabcabc"), or
//     a plain run along the keyboard, the alphabet or the digits, forwards or
//     backwards ("qwertyuiopas", "123456789012", "zyxwvutsrqpo");
//   - is a commonly used password (common_passwords.h), compared case-
//     insensitively, also with letters-for-digits swaps undone ("p@ssw0rd"),
//     spaces removed, and leading or trailing digits and punctuation stripped
//     (so "Password1234!" and "Summer2025!!" are refused);
//   - contains a personal word of 4 or more letters (the person's names, their
//     username, their school's name; each is split into words first).
//
// Thread-safe; no state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 256;

// On refusal the error (kInvalid) says what was wrong and what to do, in words
// for a headteacher; it never repeats the password itself.
Status check_new_password(std::string_view password,
                          const std::vector<std::string>& personal_words);

}  // namespace inloco

// Time-based one-time passwords (RFC 6238) for the optional second factor of
// IAM-1: HMAC-SHA1, 6 digits, 30-second steps, which is what every common
// authenticator app (Microsoft, Google, Authy, 1Password...) expects by default.
//
// Secrets here are raw bytes; they are shown to people in base32 and stored
// only sealed with the server's SecretKey (see UserAccounts).
//
// Thread-safe; no state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inloco {

inline constexpr int64_t kTotpStepSeconds = 30;

// 20 random bytes (160 bits, RFC 4226's recommended length), raw.
std::string new_totp_secret();

// The step (counter) that `unix_time` falls in: floor(unix_time / 30).
int64_t totp_step(int64_t unix_time);

// The 6-digit code for `unix_time`, zero-padded ("004521").
std::string totp_code(std::string_view secret, int64_t unix_time);

// Checks a code typed by a person. Spaces are ignored ("123 456"). Accepts the
// step `unix_time` falls in and one step either side (clock drift and typing
// time), but never a step <= `last_used_step`, so a code cannot be used twice.
// Returns the matched step, which the caller must store as the new last used
// step; nullopt when the code is wrong, malformed or already used.
std::optional<int64_t> verify_totp(std::string_view secret, std::string_view code,
                                   int64_t unix_time, int64_t last_used_step);

// "otpauth://totp/inloco:rokafor?secret=...&issuer=inloco&algorithm=SHA1&digits=6&period=30"
// (Key URI format). Issuer and account are percent-encoded; the secret is base32.
std::string otpauth_uri(std::string_view issuer, std::string_view account, std::string_view secret);

// `text` as a QR code (error correction level M) in a self-contained SVG: one
// <path> of the dark modules on a white square with a 4-module quiet zone,
// role="img" and aria-label=`label`; no script and no style attribute, so it
// can be inlined under a strict Content-Security-Policy.
// Fails (kInvalid) only when `text` is too long for a QR code (about 2,300 bytes).
Result<std::string> qr_svg(std::string_view text, std::string_view label = "QR code");

}  // namespace inloco

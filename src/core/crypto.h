// Thin wrappers over libsodium (and OpenSSL's HMAC-SHA1, which TOTP needs and
// libsodium lacks). Call crypto_init() once before anything else.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace inloco {

// Initialises libsodium; safe to call more than once and from several threads.
void crypto_init();

std::string random_bytes(size_t n);
// n random bytes as URL-safe base64 without padding: for session tokens, CSRF tokens.
std::string random_token(size_t n = 32);

std::string sha256(std::string_view data);                              // raw 32 bytes
std::string sha256_hex(std::string_view data);                          // 64 lowercase hex digits
std::string hmac_sha1(std::string_view key, std::string_view message);  // raw 20 bytes

std::string to_hex(std::string_view bytes);
Result<std::string> from_hex(std::string_view hex);

// RFC 4648 base32 (upper case, no padding on output; padding and case ignored on input).
std::string base32_encode(std::string_view bytes);
Result<std::string> base32_decode(std::string_view text);

// Compares in time that depends only on the lengths, not the contents.
bool constant_time_equal(std::string_view a, std::string_view b);

// A secret box: XChaCha20-Poly1305 with a random nonce; key is 32 bytes.
std::string seal(std::string_view key, std::string_view plaintext);
Result<std::string> open_sealed(std::string_view key, std::string_view sealed);

}  // namespace inloco

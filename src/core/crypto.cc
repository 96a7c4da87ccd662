#include "core/crypto.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <stdexcept>

namespace inloco {

void crypto_init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string random_bytes(size_t n) {
  std::string out(n, '\0');
  randombytes_buf(out.data(), n);
  return out;
}

std::string random_token(size_t n) {
  std::string raw = random_bytes(n);
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()), n,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::string sha256(std::string_view data) {
  std::string out(crypto_hash_sha256_BYTES, '\0');
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
                     reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return out;
}

std::string sha256_hex(std::string_view data) { return to_hex(sha256(data)); }

std::string hmac_sha1(std::string_view key, std::string_view message) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}

std::string to_hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

Result<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return Error::invalid("hex text has an odd number of digits");
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(hex.size() / 2);
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return Error::invalid("hex text has a character that is not a hex digit");
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

std::string base32_encode(std::string_view bytes) {
  static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out.push_back(alphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(alphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

Result<std::string> base32_decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a';
    else if (c >= '2' && c <= '7')
      v = c - '2' + 26;
    else if (c == '=' || c == ' ' || c == '-')
      continue;
    else
      return Error::invalid("the key has a character that base32 does not use");
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xff));
      bits -= 8;
    }
  }
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string seal(std::string_view key, std::string_view plaintext) {
  std::string nonce = random_bytes(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  std::string out(nonce.size() + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  std::copy(nonce.begin(), nonce.end(), out.begin());
  unsigned long long clen = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      reinterpret_cast<unsigned char*>(out.data() + nonce.size()), &clen,
      reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(), nullptr, 0,
      nullptr, reinterpret_cast<const unsigned char*>(nonce.data()),
      reinterpret_cast<const unsigned char*>(key.data()));
  out.resize(nonce.size() + clen);
  return out;
}

Result<std::string> open_sealed(std::string_view key, std::string_view sealed) {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
    return Error::internal("the secret key has the wrong length");
  if (sealed.size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES)
    return Error::invalid("the sealed value is too short");
  std::string out(sealed.size() - kNonce, '\0');
  unsigned long long mlen = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &mlen, nullptr,
          reinterpret_cast<const unsigned char*>(sealed.data() + kNonce), sealed.size() - kNonce,
          nullptr, 0, reinterpret_cast<const unsigned char*>(sealed.data()),
          reinterpret_cast<const unsigned char*>(key.data())) != 0)
    return Error::invalid("the sealed value does not open with this key (altered or wrong key)");
  out.resize(mlen);
  return out;
}

}  // namespace inloco

#include "auth/totp.h"

#include <qrencode.h>

#include <array>
#include <memory>

#include "core/crypto.h"

namespace inloco {
namespace {

constexpr int kDigits = 6;
constexpr int64_t kModulus = 1000000;  // 10^kDigits
constexpr int kQuietZone = 4;          // modules of white border the QR standard asks for

std::string code_for_step(std::string_view secret, int64_t step) {
  std::array<char, 8> counter{};
  auto value = static_cast<uint64_t>(step);
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  std::string mac = hmac_sha1(secret, std::string_view(counter.data(), counter.size()));
  // RFC 4226 section 5.3: dynamic truncation.
  auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(mac[i])); };
  size_t offset = byte(19) & 0x0f;
  uint32_t binary = ((byte(offset) & 0x7f) << 24) | (byte(offset + 1) << 16) |
                    (byte(offset + 2) << 8) | byte(offset + 3);
  std::string out = std::to_string(binary % kModulus);
  return std::string(kDigits - out.size(), '0') + out;
}

std::string percent_encode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(hex[u >> 4]);
      out.push_back(hex[u & 15]);
    }
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string new_totp_secret() { return random_bytes(20); }

int64_t totp_step(int64_t unix_time) {
  // Floor division, so times before 1970 (never expected) still step evenly.
  int64_t q = unix_time / kTotpStepSeconds;
  if (unix_time % kTotpStepSeconds < 0) --q;
  return q;
}

std::string totp_code(std::string_view secret, int64_t unix_time) {
  return code_for_step(secret, totp_step(unix_time));
}

std::optional<int64_t> verify_totp(std::string_view secret, std::string_view code,
                                   int64_t unix_time, int64_t last_used_step) {
  std::string digits;
  for (char c : code) {
    if (c == ' ' || c == '\t') continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != kDigits) return std::nullopt;
  const int64_t now = totp_step(unix_time);
  std::optional<int64_t> matched;
  // Every candidate is computed and compared, so the time taken does not tell
  // which step (if any) matched.
  for (int64_t step = now - 1; step <= now + 1; ++step) {
    bool equal = constant_time_equal(code_for_step(secret, step), digits);
    if (equal && step > last_used_step && !matched) matched = step;
  }
  return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view secret) {
  return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) +
         "?secret=" + base32_encode(secret) + "&issuer=" + percent_encode(issuer) +
         "&algorithm=SHA1&digits=6&period=30";
}

Result<std::string> qr_svg(std::string_view text, std::string_view label) {
  std::string input(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeString(input.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!qr) {
    return Error::invalid("The text is too long to show as a QR code (" +
                          std::to_string(text.size()) + " characters). Use a shorter name.");
  }
  const int width = qr->width;
  const int size = width + 2 * kQuietZone;
  std::string d;
  for (int y = 0; y < width; ++y) {
    int x = 0;
    while (x < width) {
      // Bit 0 of each module byte is 1 for a dark module.
      if (!(qr->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int start = x;
      while (x < width && (qr->data[y * width + x] & 1)) ++x;
      int run = x - start;
      d += "M" + std::to_string(start + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" +
           std::to_string(run) + "v1h-" + std::to_string(run) + "z";
    }
  }
  const std::string n = std::to_string(size);
  const std::string px = std::to_string(size * 5);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n + " " + n + "\" width=\"" +
         px + "\" height=\"" + px + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" +
         xml_escape(label) + "\"><rect width=\"" + n + "\" height=\"" + n +
         "\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"" + d + "\"/></svg>";
}

}  // namespace inloco

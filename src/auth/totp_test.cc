// REQ IAM-1: the optional second factor (TOTP, RFC 6238) and its enrolment QR code.
#include "auth/totp.h"

#include <gtest/gtest.h>

#include "core/crypto.h"

namespace inloco {
namespace {

const std::string kRfcSecret = "12345678901234567890";

TEST(TotpTest, Rfc6238AppendixBVectors) {
  // The SHA-1 column of RFC 6238 appendix B; the RFC shows 8 digits, we use the last 6.
  EXPECT_EQ(totp_code(kRfcSecret, 59), "287082");           // 94287082
  EXPECT_EQ(totp_code(kRfcSecret, 1111111109), "081804");   // 07081804
  EXPECT_EQ(totp_code(kRfcSecret, 1111111111), "050471");   // 14050471
  EXPECT_EQ(totp_code(kRfcSecret, 1234567890), "005924");   // 89005924
  EXPECT_EQ(totp_code(kRfcSecret, 2000000000), "279037");   // 69279037
  EXPECT_EQ(totp_code(kRfcSecret, 20000000000), "353130");  // 65353130
}

TEST(TotpTest, NewSecretIsTwentyRandomBytes) {
  std::string a = new_totp_secret(), b = new_totp_secret();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_NE(a, b);
}

TEST(TotpTest, AcceptsTheCurrentStepAndOneEitherSide) {
  const int64_t t = 1234567890;
  const int64_t step = totp_step(t);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t), t, 0), step);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t - 30), t, 0), step - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t + 30), t, 0), step + 1);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t - 60), t, 0), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t + 60), t, 0), std::nullopt);
}

TEST(TotpTest, RefusesAReplayedCode) {
  const int64_t t = 1234567890;
  const std::string code = totp_code(kRfcSecret, t);
  auto step = verify_totp(kRfcSecret, code, t, 0);
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(verify_totp(kRfcSecret, code, t, *step), std::nullopt);
  EXPECT_EQ(verify_totp(kRfcSecret, code, t + 10, *step), std::nullopt);
  // A previous step's code is refused once a later one has been used.
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t - 30), t, *step), std::nullopt);
  // The next code still works.
  EXPECT_EQ(verify_totp(kRfcSecret, totp_code(kRfcSecret, t + 30), t + 30, *step), *step + 1);
}

TEST(TotpTest, ToleratesSpacesAndRefusesMalformedCodes) {
  const int64_t t = 59;
  EXPECT_TRUE(verify_totp(kRfcSecret, "287 082", t, 0).has_value());
  EXPECT_TRUE(verify_totp(kRfcSecret, " 287082 ", t, 0).has_value());
  EXPECT_FALSE(verify_totp(kRfcSecret, "28708", t, 0).has_value());
  EXPECT_FALSE(verify_totp(kRfcSecret, "2870820", t, 0).has_value());
  EXPECT_FALSE(verify_totp(kRfcSecret, "28708a", t, 0).has_value());
  EXPECT_FALSE(verify_totp(kRfcSecret, "", t, 0).has_value());
}

TEST(TotpTest, OtpauthUriEncodesIssuerAndAccount) {
  std::string uri = otpauth_uri("Oak Trust & Co", "r.okafor@oak", kRfcSecret);
  EXPECT_EQ(uri, "otpauth://totp/Oak%20Trust%20%26%20Co:r.okafor%40oak?secret=" +
                     base32_encode(kRfcSecret) +
                     "&issuer=Oak%20Trust%20%26%20Co&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(base32_encode(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
}

TEST(TotpTest, QrSvgIsSelfContainedAndAccessible) {
  auto svg = qr_svg(otpauth_uri("inloco", "rokafor", kRfcSecret), "QR code <for> \"you\"");
  ASSERT_TRUE(svg.ok()) << svg.error().message;
  EXPECT_TRUE(svg->starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\"")) << *svg;
  EXPECT_TRUE(svg->ends_with("</svg>"));
  EXPECT_NE(svg->find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg->find("aria-label=\"QR code &lt;for&gt; &quot;you&quot;\""), std::string::npos);
  EXPECT_NE(svg->find("<path fill=\"#000000\" d=\"M"), std::string::npos);
  EXPECT_EQ(svg->find("<script"), std::string::npos);
  EXPECT_EQ(svg->find("style="), std::string::npos);
  // One path, and the first dark module (the finder pattern's corner) sits
  // inside the 4-module quiet zone.
  EXPECT_EQ(svg->find("<path", svg->find("<path") + 1), std::string::npos);
  EXPECT_NE(svg->find("d=\"M4 4h7"), std::string::npos) << *svg;
}

TEST(TotpTest, QrSvgRefusesTextTooLongForACode) {
  auto svg = qr_svg(std::string(5000, 'x'));
  ASSERT_FALSE(svg.ok());
  EXPECT_EQ(svg.error().code, ErrorCode::kInvalid);
}

}  // namespace
}  // namespace inloco

// REQ INC-4: evidence with the time it refers to and when added; each file's
//            SHA-256 stored, shown and checked when read.
// REQ INC-5: addresses shown inert to those not trained (not evidence keepers).
// REQ LAW-2: no image or file on concerns of nude or semi-nude imagery types.
// REQ IAM-3: adding and opening evidence is audited.
#include "concerns/concern_evidence.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "concerns/concern_test_fixture.h"
#include "media/content_store.h"
#include "media/test_images.h"

namespace inloco {
namespace {

using ::testing::HasSubstr;

EvidenceInput screenshot(const std::string& bytes, std::string name = "chat.png") {
  EvidenceInput in;
  in.kind = EvidenceKind::kScreenshot;
  in.refers_to = 1788220800 - 7200;
  in.description = "The group chat at 9pm.";
  in.file_name = std::move(name);
  in.bytes = bytes;
  return in;
}

EvidenceInput web_address(std::string address) {
  EvidenceInput in;
  in.kind = EvidenceKind::kWebAddress;
  in.refers_to = 1788220800 - 7200;
  in.description = "The post naming Amy.";
  in.address = std::move(address);
  return in;
}

class ConcernEvidenceTest : public test::ConcernFixture {};

TEST(ConcernEvidenceAddressTest, InertAddressesCannotBeFollowed) {  // REQ INC-5
  EXPECT_EQ(inert_address("https://example.com/a.b?x=1.2"), "hxxps://example[.]com/a.b?x=1.2");
  EXPECT_EQ(inert_address("HTTP://www.bad.example.org"), "hxxp://www[.]bad[.]example[.]org");
  EXPECT_EQ(inert_address("ftp://files.example.net/x"), "fxp://files[.]example[.]net/x");
  EXPECT_EQ(inert_address("tiktok.com/@someone"), "tiktok[.]com/@someone");
  EXPECT_EQ(inert_address(inert_address("https://example.com/")), "hxxps://example[.]com/");
}

TEST(ConcernEvidenceTypeTest, FilesAreKnownByTheirContent) {  // REQ INC-4
  EXPECT_EQ(sniff_evidence_type(test::tiny_png()), "png");
  EXPECT_EQ(sniff_evidence_type("%PDF-1.7\n..."), "pdf");
  EXPECT_EQ(sniff_evidence_type("From: a@b.example\r\nSubject: hi\r\n\r\nBody"), "email");
  EXPECT_EQ(sniff_evidence_type("Just a note\n\nwith lines"), "text");
  EXPECT_EQ(sniff_evidence_type(std::string("MZ\x90\0\x03", 5)), std::nullopt);
  EXPECT_TRUE(refuses_image_evidence("youth_produced_imagery"));
  EXPECT_FALSE(refuses_image_evidence("cyberbullying"));
}

TEST_P(ConcernEvidenceTest, AFileIsKeptWithItsFingerprint) {  // REQ INC-4, IAM-3
  int64_t id = reported(about_pupil(), teacher_);
  auto item = evidence(dsl_, id, screenshot(test::tiny_png()));
  ASSERT_TRUE(item.ok()) << item.error().message;
  EXPECT_EQ(item->file_sha256, sha256_hex(test::tiny_png()));
  EXPECT_EQ(item->file_type, "png");
  EXPECT_EQ(item->file_size, static_cast<int64_t>(test::tiny_png().size()));
  EXPECT_EQ(item->refers_to, 1788220800 - 7200);
  EXPECT_EQ(item->added_at, clock_.now());
  EXPECT_EQ(audits("concern.evidence_add"), 1);

  auto opened = open(dsl_, id);
  ASSERT_TRUE(opened.ok());
  ASSERT_EQ(opened->evidence.size(), 1u);
  EXPECT_EQ(opened->evidence[0].file_sha256, sha256_hex(test::tiny_png()));

  auto file = write([&](Connection& c) {
    return read_evidence_file(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, item->id, vault());
  });
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->bytes, test::tiny_png());
  EXPECT_EQ(audits("concern.evidence_view"), 1);
  auto stranger = write([&](Connection& c) {
    return read_evidence_file(SchoolScope{c, clock_, actor(teacher2_), alpha_}, id, item->id,
                              vault());
  });
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, ErrorCode::kForbidden);

  // A changed file no longer matches its fingerprint.
  auto path = content_path(evidence_dir_, *item->file_sha256);
  ASSERT_TRUE(path.ok());
  { std::ofstream(*path, std::ios::binary | std::ios::app) << "x"; }
  auto changed = write([&](Connection& c) {
    return read_evidence_file(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, item->id, vault());
  });
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.error().code, ErrorCode::kInternal);
}

TEST_P(ConcernEvidenceTest, TheReporterMayAddButOthersMayNot) {  // REQ INC-4, IAM-2
  int64_t id = reported(about_pupil(), teacher_);
  auto mine = evidence(teacher_, id, web_address("https://example.com/post/1"));
  ASSERT_TRUE(mine.ok()) << mine.error().message;
  auto other = evidence(teacher2_, id, web_address("https://example.com/post/2"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kForbidden);
  auto report = write([&](Connection& c) {
    return submitted_report(SchoolScope{c, clock_, actor(teacher_), alpha_}, id);
  });
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->own_evidence.size(), 1u);
}

TEST_P(ConcernEvidenceTest, BadEvidenceIsRefusedWithWhatToDo) {  // REQ INC-4
  int64_t id = reported(about_pupil(), teacher_);
  EvidenceInput no_time = web_address("https://example.com");
  no_time.refers_to = std::nullopt;
  EXPECT_THAT(evidence(dsl_, id, no_time).error().message, HasSubstr("Say when"));
  EvidenceInput future = web_address("https://example.com");
  future.refers_to = clock_.now() + 10;
  EXPECT_THAT(evidence(dsl_, id, future).error().message, HasSubstr("in the future"));
  EXPECT_THAT(evidence(dsl_, id, web_address("")).error().message,
              HasSubstr("Enter the web address"));
  EvidenceInput no_file = screenshot("");
  no_file.file_name = "";
  EXPECT_THAT(evidence(dsl_, id, no_file).error().message, HasSubstr("Choose the screenshot"));
  EXPECT_THAT(evidence(dsl_, id, screenshot(std::string("MZ\x90\0", 4), "run.exe")).error().message,
              HasSubstr("is not a picture (JPEG, PNG or WebP), a PDF"));
  EXPECT_THAT(evidence(dsl_, id, screenshot("%PDF-1.4 x", "a.pdf")).error().message,
              HasSubstr("a screenshot must be a JPEG, PNG or WebP image"));
  EXPECT_THAT(evidence(dsl_, id, screenshot(test::tiny_png(), "chat.jpg")).error().message,
              HasSubstr("is called chat.jpg but is a PNG"));
  auto big = write([&](Connection& c) {
    return add_evidence(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, vault(),
                        screenshot(test::tiny_png()), 10);
  });
  ASSERT_FALSE(big.ok());
  EXPECT_THAT(big.error().message, HasSubstr("evidence files can be at most"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM concern_evidence"), 0);
  // A PDF as a file is fine.
  EvidenceInput pdf = screenshot("%PDF-1.4 x", "letter.pdf");
  pdf.kind = EvidenceKind::kFile;
  auto ok = evidence(dsl_, id, pdf);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->file_type, "pdf");
}

TEST_P(ConcernEvidenceTest, ImageryConcernsRefuseEveryFileButKeepTheAddress) {  // REQ LAW-2
  ConcernReport r = about_pupil();
  r.type = "youth_produced_imagery";
  r.risk_kind = "sexual";
  int64_t id = reported(r, teacher_);
  for (EvidenceInput in : {screenshot(test::tiny_png()), screenshot(test::tiny_jpeg(), "x.jpg")}) {
    auto refused = evidence(dsl_, id, in);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::kInvalid);
    EXPECT_THAT(refused.error().message, HasSubstr("never be viewed, copied or kept"));
  }
  EvidenceInput text_file = screenshot("a note", "note.txt");
  text_file.kind = EvidenceKind::kFile;
  EXPECT_FALSE(evidence(dsl_, id, text_file).ok());
  EvidenceInput message_with_file = screenshot(test::tiny_png());
  message_with_file.kind = EvidenceKind::kMessage;
  EXPECT_FALSE(evidence(dsl_, id, message_with_file).ok());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM concern_evidence"), 0);
  std::error_code ec;
  EXPECT_FALSE(std::filesystem::exists(evidence_dir_, ec));  // nothing was ever written

  auto kept = evidence(dsl_, id, web_address("https://images.example.com/p/9"));
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_FALSE(kept->file_sha256.has_value());
  EXPECT_EQ(kept->description, "The post naming Amy.");
}

TEST_P(ConcernEvidenceTest, AddressesAreLiveOnlyForEvidenceKeepers) {  // REQ INC-5
  ConcernReport r = about_pupil();
  int64_t id = reported(r, teacher_);
  ASSERT_TRUE(evidence(dsl_, id, web_address("https://example.com/post/1")).ok());
  ASSERT_TRUE(write([&](Connection& c) {
                return grant_case_access(SchoolScope{c, clock_, actor(dsl_), alpha_}, id, head_,
                                         "Sanctions.");
              }).ok());
  auto dsl_view = open(dsl_, id);
  ASSERT_TRUE(dsl_view.ok());
  EXPECT_EQ(dsl_view->evidence[0].address, "https://example.com/post/1");
  EXPECT_TRUE(dsl_view->evidence[0].address_is_live);
  auto head_view = open(head_, id);
  ASSERT_TRUE(head_view.ok());
  EXPECT_EQ(head_view->evidence[0].address, "hxxps://example[.]com/post/1");
  EXPECT_FALSE(head_view->evidence[0].address_is_live);
  rules_concerns_.untrained_see_inert_links = false;
  EXPECT_EQ(open(head_, id)->evidence[0].address, "https://example.com/post/1");
}

INLOCO_INSTANTIATE_BACKENDS(ConcernEvidenceTest);

}  // namespace
}  // namespace inloco

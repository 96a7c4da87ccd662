// REQ CON-1: consent decisions imported from CSV, per pupil, year and use, with who gave them.
// REQ CON-2: the import refuses consent from anyone who may not give it.
// REQ CON-5: an imported refusal that ends consent opens removal tasks.
// The import is all or nothing, reporting every bad row by line.
#include "consent/consent_import.h"

#include <gtest/gtest.h>

#include "consent/consent_test_fixture.h"

namespace inloco {
namespace {

constexpr const char* kFile =
    "Pupil External ID,use,decision,given_by_external_id,given_on,form_reference,note\n"
    "P1,images_school_accounts,granted,C1,01/09/2026,F-101,\n"
    "P1,videos_school_accounts,refused,C1,2026-09-01,F-101,\"Images only, please\"\n"
    "P2,images_school_accounts,yes,C1,2026-09-01,F-102,\n"
    "P4,images_school_accounts,granted,pupil,2026-09-01,F-104,\n";

class ConsentImportTest : public test::ConsentFixture {
 protected:
  Result<ConsentImportReport> import(std::string_view csv, int64_t school = 0) {
    return db().transaction([&](Connection& c) {
      return import_consent_csv(SchoolScope{c, clock_, actor(head_), school ? school : alpha_},
                                consent_rules_, AcademicYear{2026}, csv, finder());
    });
  }
};

TEST_P(ConsentImportTest, ImportsAFileOfForms) {  // REQ CON-1, CON-2
  auto r = import(kFile);
  ASSERT_TRUE(r.ok()) << r.error().message << "\n" << details(r.error());
  EXPECT_EQ(r->rows, 4);
  EXPECT_EQ(r->recorded, 4);
  EXPECT_EQ(status(amara_, std::string(kImagesUse), {2026, 9, 1}).state, ConsentState::kGranted);
  EXPECT_EQ(status(amara_, std::string(kVideosUse), {2026, 9, 1}).state, ConsentState::kRefused);
  EXPECT_EQ(status(zoe_, std::string(kImagesUse), {2026, 9, 1}).state, ConsentState::kGranted);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions WHERE note = 'Images only, please'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.import'"), 1);

  // Importing the same file again records nothing new.
  auto again = import(kFile);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->recorded, 0);
  EXPECT_EQ(again->unchanged, 4);
  EXPECT_EQ(count("consent_decisions"), 4);
}

TEST_P(ConsentImportTest, BadRowsImportNothingAndEachIsReportedByLine) {  // REQ CON-2
  const std::string file =
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n"
      "P1,images_school_accounts,granted,C1,2026-09-01,F-1\n"     // fine
      "P1,videos_school_accounts,granted,C2,2026-09-01,F-2\n"     // step-father, no PR
      "P2,radio,granted,C1,2026-09-01,F-3\n"                      // unknown use
      "P3,images_school_accounts,granted,pupil,2026-09-01,F-4\n"  // not competent
      "B1,images_school_accounts,granted,B2,2026-09-01,F-5\n"     // another school's pupil
      "P2,images_school_accounts,maybe,C1,31/02/2026,\n"          // decision, date, ref
      "P4,videos_school_accounts,granted,C4,2026-09-01,F-7\n"     // competent pupil decides
      "P1,images_school_accounts,refused,C1,2026-09-01,F-8\n"     // repeats line 2
      "P2,videos_school_accounts,granted,C9,2026-09-01,F-9\n"     // unknown giver
      "P3,videos_school_accounts,granted,C3\n";                   // too few fields
  std::string before = consent_snapshot();
  auto r = import(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_EQ(r.error().message,
            "The file was not imported: 9 rows have problems. Nothing was changed.");
  std::string d = details(r.error());
  for (const char* expected :
       {"line 3: Mark Evans does not have parental responsibility for Amara Okafor",
        "line 4: 'radio' is not a use this school records consent for",
        "line 5: Ben Adams has not been judged competent to consent",
        "line 6: pupil_external_id 'B1' is not a pupil of this school",
        "line 7: decision 'maybe' should be granted or refused",
        "line 7: given_on '31/02/2026' is not a real date",
        "line 8: Zoe Wojcik has been judged competent to consent",
        "line 9: the decision for Amara Okafor (images_school_accounts, 2026/27) is also on line 2",
        "line 10: given_by_external_id 'C9' is not a parent or carer of this school",
        "line 11: has 4 fields but the header has 6"})
    EXPECT_NE(d.find(expected), std::string::npos) << expected << "\n" << d;
  EXPECT_EQ(d.find("line 2:"), std::string::npos) << d;
  EXPECT_EQ(consent_snapshot(), before);
}

TEST_P(ConsentImportTest, RefusesABadHeaderAndEmptyFiles) {
  auto unknown = import("pupil,use,decision\nP1,images_school_accounts,granted\n");
  ASSERT_FALSE(unknown.ok());
  std::string d = details(unknown.error());
  EXPECT_NE(d.find("line 1: the column 'pupil' is not recognised"), std::string::npos) << d;
  EXPECT_NE(d.find("line 1: the required column 'given_on' is missing"), std::string::npos) << d;
  EXPECT_FALSE(import("").ok());
  EXPECT_FALSE(
      import("pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n").ok());
  auto not_csv = import("a,\"b\nc");
  ASSERT_FALSE(not_csv.ok());
  EXPECT_EQ(count("consent_decisions"), 0);
}

TEST_P(ConsentImportTest, AnImportedRefusalEndingConsentIsAWithdrawal) {  // REQ CON-5
  int64_t account = open_account();
  posts_[amara_] = {{201, account, "https://facebook.example/201", CalendarDate{2026, 9, 2}}};
  ASSERT_TRUE(import(kFile).ok());
  clock_.set(1791331200);  // 2026-10-07
  auto r = import(
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n"
      "P1,images_school_accounts,refused,C1,2026-10-06,Letter 6 Oct\n");
  ASSERT_TRUE(r.ok()) << r.error().message << details(r.error());
  EXPECT_EQ(r->withdrawals, 1);
  EXPECT_EQ(r->removal_tasks, 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM removal_tasks WHERE post_id = 201 AND status = 'open'"),
            1);
}

TEST_P(ConsentImportTest, LastYearsColumnIsHonoured) {  // REQ CON-7
  auto r = import(
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference,academic_year\n"
      "P1,images_school_accounts,granted,C1,2025-09-03,Old-1,2025/26\n"
      "P2,images_school_accounts,granted,C1,2025-09-03,Old-2,2025/2027\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(details(r.error()).find("line 3: academic_year"), std::string::npos);
  auto ok = import(
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference,academic_year\n"
      "P1,images_school_accounts,granted,C1,2025-09-03,Old-1,2025/26\n");
  ASSERT_TRUE(ok.ok()) << details(ok.error());
  EXPECT_EQ(status(amara_, std::string(kImagesUse), {2026, 6, 1}).state, ConsentState::kGranted);
  EXPECT_EQ(status(amara_, std::string(kImagesUse), {2026, 9, 1}).state, ConsentState::kNone);
}

INLOCO_INSTANTIATE_BACKENDS(ConsentImportTest);

}  // namespace
}  // namespace inloco

// REQ ORG-4: import people and relationships from CSV; re-import updates without duplicating.
// REQ ORG-1: an import writes only to its own school.
// REQ ORG-2: parents linked to pupils with a parental-responsibility flag.
// REQ ORG-5: competent_to_consent from the file is recorded as the school's decision.
#include "people/people_import.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "people/people_store.h"
#include "people/school_store.h"
#include "test_support/databases.h"

namespace inloco {
namespace {

constexpr const char* kFile =
    "external_id,kind,given_name,family_name,preferred_name,email,date_of_birth,year_group,"
    "class_name,parent_of,relationship,parental_responsibility,competent_to_consent,job_title\n"
    "S1,staff,Ruth,Brown,,ruth.brown@alpha.example.org,,,,,,,,\"Teacher, Year 5\"\n"
    "P1,pupil,Amara,Okafor,,,17/05/2016,Y5,Kestrels,,,,,\n"
    "P2,pupil,Chidi,Okafor,,,2019-01-30,Reception,Robins,,,,,\n"
    "P3,pupil,Zoë,Wójcik,,,2009-11-02,Year 12,12A,,,,yes,\n"
    "C1,parent,Ngozi,Okafor,,ngozi@example.com,,,,P1;P2,mother,,,\n"
    "C2,parent,Mark,Evans,,,,,,P1,step-father,no,,\n"
    "C3,Parent or carer,Agnieszka,Wójcik,Aga,,,,,P3,,,,\n";

class PeopleImportTest : public test::BackendTest {
 protected:
  void SetUp() override {
    test::BackendTest::SetUp();
    auto ids = db().transaction([&](Connection& c) -> Result<std::vector<int64_t>> {
      int64_t t = TRY(create_trust(c, clock_, Actor::system(), "Example Trust"));
      int64_t a = TRY(create_school(c, clock_, Actor::system(),
                                    School{0, t, "alpha", "Alpha Primary", {}, "primary"}));
      int64_t b = TRY(create_school(c, clock_, Actor::system(),
                                    School{0, t, "beta", "Beta Academy", {}, "secondary"}));
      return std::vector<int64_t>{t, a, b};
    });
    ASSERT_TRUE(ids.ok()) << ids.error().message;
    alpha_ = (*ids)[1];
    beta_ = (*ids)[2];
  }

  Result<ImportReport> import(std::string_view csv, int64_t school = 0,
                              const ImportProgress& progress = {}) {
    return import_people_csv(db(), clock_, actor_, school ? school : alpha_, csv, progress);
  }

  ImportReport import_ok(std::string_view csv, int64_t school = 0) {
    auto r = import(csv, school);
    EXPECT_TRUE(r.ok()) << r.error().message << "\n" << details(r.error());
    return r.value_or(ImportReport{});
  }

  static std::string details(const Error& e) {
    std::string out;
    for (const auto& d : e.details) out += d + "\n";
    return out;
  }

  int64_t scalar(const std::string& sql, const SqlParams& p = {}) {
    auto r = db().read([&](Connection& c) { return c.query(sql, p); });
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? (*r)[0][0].as_int() : -1;
  }

  Person by_external_id(const std::string& ext, int64_t school = 0) {
    auto r = db().read([&](Connection& c) -> Result<Person> {
      Rows rows = TRY(c.query("SELECT id FROM people WHERE school_id = ? AND external_id = ?",
                              {school ? school : alpha_, ext}));
      if (rows.empty()) return Error::not_found(ext);
      return get_person(c, school ? school : alpha_, rows[0][0].as_int());
    });
    EXPECT_TRUE(r.ok()) << ext;
    return r.value_or(Person{});
  }

  FakeClock clock_;  // 2026-01-01
  Actor actor_ = Actor::command_line();
  int64_t alpha_ = 0, beta_ = 0;
};

TEST_P(PeopleImportTest, CreatesPeopleAndLinksWithOneAuditEntry) {
  int64_t audit_before = scalar("SELECT COUNT(*) FROM audit_log");
  ImportReport r = import_ok(kFile);
  EXPECT_EQ(r.created, 7);
  EXPECT_EQ(r.updated, 0);
  EXPECT_EQ(r.unchanged, 0);
  EXPECT_EQ(r.links, 4);

  Person ruth = by_external_id("S1");
  EXPECT_EQ(ruth.kind, PersonKind::kStaff);
  EXPECT_EQ(ruth.job_title, "Teacher, Year 5");
  EXPECT_EQ(ruth.email, "ruth.brown@alpha.example.org");
  Person amara = by_external_id("P1");
  EXPECT_EQ(amara.date_of_birth, "2016-05-17");
  EXPECT_EQ(amara.year_group, "Year 5");
  EXPECT_EQ(amara.class_name, "Kestrels");
  EXPECT_FALSE(amara.competent_to_consent);
  Person zoe = by_external_id("P3");
  EXPECT_EQ(zoe.given_name, "Zoë");
  EXPECT_TRUE(zoe.competent_to_consent);
  EXPECT_EQ(zoe.competence_decided_at, clock_.now());
  Person aga = by_external_id("C3");
  EXPECT_EQ(aga.kind, PersonKind::kParent);
  EXPECT_EQ(aga.display_name(), "Aga Wójcik");

  auto g = db().read([&](Connection& c) { return guardians_of(c, amara.id); });
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->size(), 2u);
  EXPECT_EQ((*g)[0].other.external_id, "C2");
  EXPECT_EQ((*g)[0].relationship, "step-father");
  EXPECT_FALSE((*g)[0].parental_responsibility);
  EXPECT_EQ((*g)[1].other.external_id, "C1");
  EXPECT_EQ((*g)[1].relationship, "mother");
  EXPECT_TRUE((*g)[1].parental_responsibility);
  auto kids = db().read([&](Connection& c) { return children_of(c, aga.id); });
  ASSERT_TRUE(kids.ok());
  ASSERT_EQ(kids->size(), 1u);
  EXPECT_EQ((*kids)[0].relationship, "parent");  // the default
  EXPECT_TRUE((*kids)[0].parental_responsibility);

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit_before + 1);
  auto audit = db().read([&](Connection& c) { return list_audit(c, AuditQuery{}); });
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "people.import");
  EXPECT_EQ(audit->front().school_id, alpha_);
  EXPECT_NE(audit->front().detail.find("\"created\":7"), std::string::npos)
      << audit->front().detail;
  EXPECT_TRUE(verify_audit(db())->intact);
}

TEST_P(PeopleImportTest, ReimportUpdatesWithoutDuplicating) {
  import_ok(kFile);
  clock_.advance(86400);
  ImportReport same = import_ok(kFile);
  EXPECT_EQ(same.created, 0);
  EXPECT_EQ(same.updated, 0);
  EXPECT_EQ(same.unchanged, 7);
  EXPECT_EQ(same.links, 0);

  std::string changed = kFile;
  changed.replace(changed.find("Amara"), 5, "Amarachi");
  changed.replace(changed.find("P1,step-father,no"), 17, "P1,step-father,yes");
  changed += "P4,pupil,Tobi,Okafor,,,2021-02-03,Nursery,Acorns,,,,,\n";
  ImportReport r = import_ok(changed);
  EXPECT_EQ(r.created, 1);
  EXPECT_EQ(r.updated, 1);
  EXPECT_EQ(r.unchanged, 6);
  EXPECT_EQ(r.links, 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people WHERE school_id = ?", {alpha_}), 8);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM guardianships"), 4);
  Person amara = by_external_id("P1");
  EXPECT_EQ(amara.given_name, "Amarachi");
  EXPECT_EQ(amara.updated_at, clock_.now());
  EXPECT_EQ(by_external_id("P2").updated_at, clock_.now() - 86400);
  auto g = db().read([&](Connection& c) { return guardians_of(c, amara.id); });
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE((*g)[0].parental_responsibility);
}

TEST_P(PeopleImportTest, BadRowsImportNothingAndEveryProblemIsReported) {
  int64_t audit_before = scalar("SELECT COUNT(*) FROM audit_log");
  const char* file =
      "external_id,kind,given_name,family_name,date_of_birth,year_group,email\n"
      "P1,pupil,Amara,Okafor,17/05/2016,Year 5,\n"            // line 2: fine
      "P2,pupil,Chidi,,31/02/2016,Year 5,\n"                  // line 3: no family name, bad date
      "S1,staff,Ruth,Brown,,,ruth.brown@alpha.example.org\n"  // line 4: fine
      "P3,pupil,Ben,Adeyemi,2016-01-01,Year 14,\n"            // line 5: bad year group
      "S2,teacher,Li,Chen,,,li.chen@\n"                       // line 6: bad kind, bad email
      "S1,staff,Lee,Hall,,,\n";                               // line 7: duplicate external id
  auto r = import(file);
  ASSERT_FALSE(r.ok());
  const Error& e = r.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalid);
  EXPECT_EQ(e.message, "The file was not imported: 4 rows have problems. Nothing was changed.");
  std::string all = details(e);
  EXPECT_EQ(e.details.size(), 6u) << all;
  EXPECT_NE(all.find("line 3: family_name is missing"), std::string::npos) << all;
  EXPECT_NE(all.find("line 3: date_of_birth '31/02/2016' is not a real date"), std::string::npos)
      << all;
  EXPECT_NE(all.find("line 5: year_group 'Year 14'"), std::string::npos) << all;
  EXPECT_NE(all.find("line 6: kind 'teacher' is not known"), std::string::npos) << all;
  EXPECT_NE(all.find("line 6: email 'li.chen@'"), std::string::npos) << all;
  EXPECT_NE(all.find("line 7: external_id 'S1' is also on line 4"), std::string::npos) << all;
  EXPECT_EQ(all.find("line 2"), std::string::npos);
  EXPECT_EQ(all.find("line 4:"), std::string::npos);

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log"), audit_before);
}

TEST_P(PeopleImportTest, ExactlyThreeBadRowsAmongGoodOnes) {
  const char* file =
      "external_id,kind,given_name,family_name,date_of_birth,year_group\n"
      "P1,pupil,Amara,Okafor,2016-05-17,Year 5\n"
      "P2,pupil,Chidi,Okafor,,Year 5\n"  // line 3: no date of birth
      "P3,pupil,Ben,Adeyemi,2016-01-01,Year 5\n"
      "P4,pupil,Zara,Khan,2030-01-01,Year 5\n"  // line 5: in the future
      "S1,staff,Ruth,Brown,,\n"
      "P5,pupil,,Chen,2016-01-01,\n";  // line 7: no given name, no year group
  auto r = import(file);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "The file was not imported: 3 rows have problems. Nothing was changed.");
  std::string all = details(r.error());
  EXPECT_NE(all.find("line 3: date_of_birth is missing"), std::string::npos) << all;
  EXPECT_NE(all.find("line 5: date_of_birth '2030-01-01' is in the future"), std::string::npos)
      << all;
  EXPECT_NE(all.find("line 7: given_name is missing"), std::string::npos) << all;
  EXPECT_NE(all.find("line 7: year_group is missing"), std::string::npos) << all;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people"), 0);
}

TEST_P(PeopleImportTest, ParentOfLinksToPupilsInTheFileOrAlreadyStored) {
  import_ok(
      "external_id,kind,given_name,family_name,date_of_birth,year_group\n"
      "P1,pupil,Amara,Okafor,2016-05-17,Year 5\n"
      "P2,pupil,Chidi,Okafor,2018-05-17,Year 3\n");
  // Parents come in a later file; a pupil further down the file is found too.
  ImportReport r = import_ok(
      "external_id,kind,given_name,family_name,parent_of,date_of_birth,year_group\n"
      "C1,parent,Ngozi,Okafor,P1; P2 ;P9;P1,,\n"
      "P9,pupil,Ada,Okafor,,2020-05-17,Year 1\n");
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(r.links, 3);
  auto kids = db().read([&](Connection& c) { return children_of(c, by_external_id("C1").id); });
  ASSERT_TRUE(kids.ok());
  EXPECT_EQ(kids->size(), 3u);

  auto bad = import(
      "external_id,kind,given_name,family_name,parent_of\n"
      "C2,parent,Mark,Evans,P404\n"
      "S1,staff,Ruth,Brown,P1\n"
      "C3,parent,Li,Chen,C1\n");
  ASSERT_FALSE(bad.ok());
  std::string all = details(bad.error());
  EXPECT_NE(all.find("line 2: parent_of names 'P404', who is not in this file or already stored"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("line 3: parent_of is only for rows of kind parent"), std::string::npos)
      << all;
  EXPECT_NE(all.find("line 4: parent_of names 'C1', who is parent, not a pupil"), std::string::npos)
      << all;

  // ORG-1: another school's pupils cannot be named.
  auto cross =
      import("external_id,kind,given_name,family_name,parent_of\nC1,parent,Li,Chen,P1\n", beta_);
  ASSERT_FALSE(cross.ok());
  EXPECT_NE(details(cross.error()).find("line 2: parent_of names 'P1'"), std::string::npos);
}

TEST_P(PeopleImportTest, SameExternalIdsAtAnotherSchoolAreOtherPeople) {
  import_ok(kFile);
  ImportReport r = import_ok(kFile, beta_);
  EXPECT_EQ(r.created, 7);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people"), 14);
  EXPECT_NE(by_external_id("P1", alpha_).id, by_external_id("P1", beta_).id);
  auto kids =
      db().read([&](Connection& c) { return children_of(c, by_external_id("C1", beta_).id); });
  ASSERT_TRUE(kids.ok());
  for (const auto& k : *kids) EXPECT_EQ(k.other.school_id, beta_);
}

TEST_P(PeopleImportTest, UnknownColumnIsRefusedByName) {
  auto r = import("external_id,kind,given_name,family_name,shoe_size\nS1,staff,Ruth,Brown,6\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalid);
  EXPECT_NE(r.error().message.find("'shoe_size'"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("Nothing was changed"), std::string::npos);
  ASSERT_EQ(r.error().details.size(), 1u);
  EXPECT_NE(r.error().details[0].find("line 1: the column 'shoe_size' is not recognised"),
            std::string::npos);
  EXPECT_NE(r.error().details[0].find("given_name"), std::string::npos);  // lists the real ones

  auto missing = import("external_id,given_name,family_name\nS1,Ruth,Brown\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(details(missing.error()).find("the required column 'kind' is missing"),
            std::string::npos);
  auto twice = import("external_id,kind,given_name,family_name,Kind\nS1,staff,Ruth,Brown,staff\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(details(twice.error()).find("'kind' appears twice"), std::string::npos);
}

TEST_P(PeopleImportTest, HeaderNamesAreCaseInsensitiveInAnyOrder) {
  ImportReport r = import_ok(
      "\xEF\xBB\xBF"
      "Family Name,GIVEN_NAME,Kind,External-ID\r\n"
      "Brown,Ruth,Staff,S1\r\n"
      ",,,\r\n");
  EXPECT_EQ(r.created, 1);
  EXPECT_EQ(by_external_id("S1").display_name(), "Ruth Brown");
}

TEST_P(PeopleImportTest, QuotedFieldsWithCommasAndLineBreaks) {
  ImportReport r = import_ok(
      "external_id,kind,given_name,family_name,job_title\n"
      "S1,staff,Ruth,\"Brown, OBE\",\"Head of science, chemistry and physics\"\n"
      "\"S2\",\"staff\",\"Li \"\"Lily\"\"\",Chen,\n");
  EXPECT_EQ(r.created, 2);
  EXPECT_EQ(by_external_id("S1").family_name, "Brown, OBE");
  EXPECT_EQ(by_external_id("S1").job_title, "Head of science, chemistry and physics");
  EXPECT_EQ(by_external_id("S2").given_name, "Li \"Lily\"");

  // A line break inside quotes is one field; the record after it keeps its true line number.
  auto bad = import(
      "external_id,kind,given_name,family_name,job_title\n"
      "S3,staff,Lee,Hall,\"Teacher of\nEnglish\"\n"
      "S4,staff,,Hall,\n");
  ASSERT_FALSE(bad.ok());
  std::string all = details(bad.error());
  EXPECT_NE(all.find("line 2: job_title contains a line break"), std::string::npos) << all;
  EXPECT_NE(all.find("line 4: given_name is missing"), std::string::npos) << all;

  auto open = import("external_id,kind,given_name,family_name\nS5,staff,\"Lee,Hall\n");
  ASSERT_FALSE(open.ok());
  EXPECT_NE(open.error().message.find("could not be read as CSV"), std::string::npos);
  EXPECT_NE(details(open.error()).find("line 2"), std::string::npos);
}

TEST_P(PeopleImportTest, ColumnsLeftOutKeepStoredValuesAndEmptyCellsClearThem) {
  import_ok(
      "external_id,kind,given_name,family_name,email,phone\n"
      "C1,parent,Ngozi,Okafor,ngozi@example.com,07700 900123\n");
  ImportReport r = import_ok(
      "external_id,kind,given_name,family_name,phone\n"
      "C1,parent,Ngozi,Okafor,\n");
  EXPECT_EQ(r.updated, 1);
  Person p = by_external_id("C1");
  EXPECT_EQ(p.email, "ngozi@example.com");
  EXPECT_FALSE(p.phone);
}

TEST_P(PeopleImportTest, KindCannotChangeAndOnlyPupilsAreCompetent) {
  import_ok(kFile);
  auto r = import(
      "external_id,kind,given_name,family_name,competent_to_consent,relationship\n"
      "S1,parent,Ruth,Brown,,\n"
      "C1,parent,Ngozi,Okafor,yes,\n"
      "S9,staff,Lee,Hall,,uncle\n"
      "P3,pupil,Zoë,Wójcik,maybe,\n");
  ASSERT_FALSE(r.ok());
  std::string all = details(r.error());
  EXPECT_NE(all.find("line 2: external_id 'S1' is already stored as staff (Ruth Brown)"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("line 3: competent_to_consent is only for rows of kind pupil"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("line 4: relationship is only for rows of kind parent"), std::string::npos)
      << all;
  EXPECT_NE(all.find("line 5: competent_to_consent 'maybe' should be yes or no"), std::string::npos)
      << all;

  // An empty competent_to_consent keeps the school's decision; "no" withdraws it.
  import_ok("external_id,kind,given_name,family_name,competent_to_consent\nP3,pupil,Zoë,Wójcik,\n");
  EXPECT_TRUE(by_external_id("P3").competent_to_consent);
  ImportReport no = import_ok(
      "external_id,kind,given_name,family_name,competent_to_consent\nP3,pupil,Zoë,Wójcik,no\n");
  EXPECT_EQ(no.updated, 1);
  EXPECT_FALSE(by_external_id("P3").competent_to_consent);
}

TEST_P(PeopleImportTest, EmptyFilesAndNotUtf8) {
  auto empty = import("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalid);
  auto header_only = import("external_id,kind,given_name,family_name\n");
  ASSERT_FALSE(header_only.ok());
  EXPECT_NE(header_only.error().message.find("no people"), std::string::npos);
  auto latin1 = import("external_id,kind,given_name,family_name\nS1,staff,Zo\xEB,Brown\n");
  ASSERT_FALSE(latin1.ok());
  EXPECT_NE(details(latin1.error()).find("line 2: the text is not UTF-8"), std::string::npos);
  auto school = import_people_csv(db(), clock_, actor_, beta_ + 100, kFile);
  ASSERT_FALSE(school.ok());
  EXPECT_EQ(school.error().code, ErrorCode::kNotFound);
}

TEST_P(PeopleImportTest, ReportsProgressUpToTheTotal) {
  std::vector<std::pair<size_t, size_t>> calls;
  auto r = import(kFile, 0, [&](size_t done, size_t total) { calls.emplace_back(done, total); });
  ASSERT_TRUE(r.ok());
  ASSERT_GE(calls.size(), 2u);
  EXPECT_EQ(calls.front().first, 0u);
  EXPECT_EQ(calls.back().first, calls.back().second);
  EXPECT_EQ(calls.back().second, 14u);
  for (size_t i = 1; i < calls.size(); ++i) EXPECT_GT(calls[i].first, calls[i - 1].first);
}

TEST_P(PeopleImportTest, FiveThousandRows) {
  std::ostringstream csv;
  csv << "external_id,kind,given_name,family_name,date_of_birth,year_group,class_name,parent_of,"
         "email\n";
  for (int i = 0; i < 2500; ++i)
    csv << "P" << i << ",pupil,Pupil" << i << ",Family" << i % 300 << ",2015-0" << 1 + i % 9 << "-1"
        << i % 10 << ",Year " << 1 + i % 11 << ",Class " << i % 20 << ",,\n";
  for (int i = 0; i < 2500; ++i)
    csv << "C" << i << ",parent,Parent" << i << ",Family" << i % 300 << ",,,,P" << i
        << (i % 5 == 0 ? ";P" + std::to_string((i + 1) % 2500) : "") << ",parent" << i
        << "@example.com\n";
  std::string text = csv.str();

  size_t calls = 0;
  auto start = std::chrono::steady_clock::now();
  auto r = import(text, 0, [&](size_t, size_t) { ++calls; });
  auto first = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(r.ok()) << r.error().message << "\n" << details(r.error());
  EXPECT_EQ(r->created, 5000);
  EXPECT_EQ(r->links, 3000);
  EXPECT_LE(calls, 250u);

  start = std::chrono::steady_clock::now();
  auto again = import(text);
  auto second = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 5000);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM people"), 5000);

  using ms = std::chrono::milliseconds;
  std::cout << "[ timing ] 5,000 rows: first import "
            << std::chrono::duration_cast<ms>(first).count() << " ms, re-import "
            << std::chrono::duration_cast<ms>(second).count() << " ms\n";
  // Check one row in the middle landed with the right id mapping.
  Person p = by_external_id("C1234");
  auto kids = db().read([&](Connection& c) { return children_of(c, p.id); });
  ASSERT_TRUE(kids.ok());
  ASSERT_EQ(kids->size(), 1u);
  EXPECT_EQ((*kids)[0].other.external_id, "P1234");
  EXPECT_EQ((*kids)[0].other.given_name, "Pupil1234");
}

// docs/import.md is the office manager's guide: its example must import as it says.
TEST_P(PeopleImportTest, TheGuidesExampleImports) {
  std::ifstream in(std::string(INLOCO_SOURCE_DIR) + "/docs/import.md");
  ASSERT_TRUE(in) << "docs/import.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  std::string guide = text.str();
  size_t section = guide.find("## An example file");
  ASSERT_NE(section, std::string::npos);
  size_t start = guide.find("```\n", section);
  ASSERT_NE(start, std::string::npos);
  start += 4;
  size_t end = guide.find("```", start);
  ImportReport r = import_ok(guide.substr(start, end - start));
  EXPECT_EQ(r.created, 7);
  EXPECT_EQ(r.links, 4);
  auto g = db().read([&](Connection& c) { return guardians_of(c, by_external_id("P0012").id); });
  ASSERT_TRUE(g.ok());
  ASSERT_EQ(g->size(), 2u);
  EXPECT_FALSE((*g)[0].parental_responsibility);  // Mark Evans, step-father
  for (const std::string_view column : people_import_columns())
    EXPECT_NE(guide.find("| `" + std::string(column) + "` |"), std::string::npos) << column;
}

TEST(PeopleImportColumnsTest, ListsEveryColumn) {
  auto cols = people_import_columns();
  EXPECT_EQ(cols.size(), 15u);
  EXPECT_EQ(cols[0], "external_id");
}

INLOCO_INSTANTIATE_BACKENDS(PeopleImportTest);

}  // namespace
}  // namespace inloco

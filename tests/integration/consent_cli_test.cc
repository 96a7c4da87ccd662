// `inloco consent ...` as a school office uses it, on a real SQLite database
// filled by `inloco demo`: the renewal list, recording and withdrawing forms
// (a withdrawal opens a removal task for the demo's published post), the
// consent log (audited as a view) and the all-or-nothing CSV import.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "consent/consent_register.h"
#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "people/school_store.h"
#include "posts/post_workflow.h"
#include "profile/profile_store.h"
#include "store/database.h"
#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using test::CliRun;

CliRun run(const std::string& args) { return test::run_inloco(args); }

// A parent or carer with parental responsibility, linked to the pupil, with an external id.
std::optional<Person> consenting_parent(Connection& c, int64_t pupil_id) {
  auto links = guardians_of(c, pupil_id);
  if (!links.ok()) return std::nullopt;
  for (const auto& g : *links)
    if (g.parental_responsibility && g.other.external_id) return g.other;
  return std::nullopt;
}

class ConsentCliTest : public test::DemoCliTest {
 protected:
  ConsentCliTest() : DemoCliTest("inloco-consent-cli") {}

  // The demo and every command run at one time, read once here, and the test's own dates
  // come from it too: none of them can fall on the other side of midnight.
  void SetUp() override {
    fixed_time_ = std::make_unique<test::FakeNowForCommands>(now_);
    DemoCliTest::SetUp();
  }
  void TearDown() override {
    DemoCliTest::TearDown();
    fixed_time_.reset();
  }

  std::string today() const { return date_of(now_).iso(); }

  CliRun consent(const std::string& args) { return run("consent " + args + " --db " + db_url_); }

  std::vector<RenewalRow> renewals() {
    auto rows = db_->read([&](Connection& c) -> Result<std::vector<RenewalRow>> {
      PolicyProfile p = TRY(profile_for_school(c, oakfield_.id));
      return pupils_without_decision(c, p.consent, oakfield_.id, academic_year_of(date_of(now_)));
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<RenewalRow>{};
  }

  std::string write_file(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }

  const int64_t now_ = SystemClock().now();
  std::unique_ptr<test::FakeNowForCommands> fixed_time_;
};

// REQ CON-7
TEST_F(ConsentCliTest, RenewalsListThePupilsTheDemoLeftWithoutADecision) {
  std::vector<RenewalRow> missing = renewals();
  ASSERT_FALSE(missing.empty()) << "the demo leaves some pupils without a decision";

  CliRun table = consent("renewals --school oakfield");
  ASSERT_EQ(table.exit_code, 0) << table.output;
  EXPECT_THAT(table.output,
              HasSubstr(std::to_string(missing.size()) + " pupils of Oakfield Primary School"));
  for (const RenewalRow& r : missing) {
    ASSERT_TRUE(r.external_id);
    EXPECT_THAT(table.output, HasSubstr(*r.external_id)) << r.name;
    EXPECT_THAT(table.output, HasSubstr(r.name));
  }

  CliRun csv = consent("renewals --school oakfield --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_TRUE(csv.output.starts_with("class,year_group,pupil,external_id,missing\r\n"))
      << csv.output;
  for (const RenewalRow& r : missing)
    EXPECT_THAT(csv.output, HasSubstr("," + *r.external_id + ","));

  // One class only: its pupils, nobody else's.
  const std::string cls = missing.front().class_name;
  CliRun one = consent("renewals --school oakfield --class " + cls);
  ASSERT_EQ(one.exit_code, 0) << one.output;
  for (const RenewalRow& r : missing) {
    if (r.class_name == cls)
      EXPECT_THAT(one.output, HasSubstr(*r.external_id));
    else
      EXPECT_THAT(one.output, Not(HasSubstr(*r.external_id)));
  }
}

// REQ CON-1, CON-2, CON-3
TEST_F(ConsentCliTest, RecordingAFormTakesThatUseOffTheRenewalList) {
  // A pupil missing both uses whose parent can consent.
  std::optional<RenewalRow> pupil;
  std::optional<Person> parent;
  for (const RenewalRow& r : renewals()) {
    if (r.missing_uses.size() < 2 || !r.external_id) continue;
    auto p = db_->read([&](Connection& c) -> Result<std::optional<Person>> {
      return consenting_parent(c, r.pupil_id);
    });
    ASSERT_TRUE(p.ok());
    if (*p) {
      pupil = r;
      parent = **p;
      break;
    }
  }
  ASSERT_TRUE(pupil) << "the demo has a pupil with no decision and a parent who can give one";

  // The pupil has not been judged competent, so cannot decide (CON-2).
  CliRun by_pupil = consent("record --school oakfield --pupil " + *pupil->external_id +
                            " --use images_school_accounts --decision granted --by pupil --date " +
                            today() + " --form 'Form 7'");
  EXPECT_EQ(by_pupil.exit_code, 1);
  EXPECT_THAT(by_pupil.output, HasSubstr("competent"));

  CliRun rec = consent("record --school oakfield --pupil " + *pupil->external_id +
                       " --use images_school_accounts --decision granted --by " +
                       *parent->external_id + " --date " + today() + " --form 'Form 7'");
  ASSERT_EQ(rec.exit_code, 0) << rec.output;
  EXPECT_THAT(rec.output, HasSubstr("images_school_accounts granted for " + pupil->name));

  // Partial consent (CON-3): images granted, videos still to come.
  bool still_listed = false;
  for (const RenewalRow& r : renewals()) {
    if (r.pupil_id != pupil->pupil_id) continue;
    still_listed = true;
    EXPECT_EQ(r.missing_uses, std::vector<std::string>{"videos_school_accounts"});
  }
  EXPECT_TRUE(still_listed);
  CliRun csv = consent("renewals --school oakfield --csv");
  EXPECT_THAT(csv.output,
              HasSubstr(*pupil->external_id + ",videos on the school's social media accounts\r\n"));

  // The same form again records nothing.
  CliRun again = consent("record --school oakfield --pupil " + *pupil->external_id +
                         " --use images_school_accounts --decision granted --by " +
                         *parent->external_id + " --date " + today() + " --form 'Form 7'");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  EXPECT_THAT(again.output, HasSubstr("Nothing recorded"));
}

// REQ CON-4, CON-5
TEST_F(ConsentCliTest, AWithdrawalOpensARemovalTaskForThePublishedPostShowingThePupil) {
  // The demo's published post, and a pupil it shows who still has consent.
  auto found =
      db_->read([&](Connection& c) -> Result<std::tuple<Post, Person, std::optional<Person>>> {
        auto posts = TRY(list_posts(c, oakfield_.id, PostStatus::kPublished));
        if (posts.empty()) return Error::not_found("no published post");
        Post post = TRY(get_post(c, oakfield_.id, posts.front().id));
        CalendarDate day = date_of(now_);
        for (int64_t id : post.draft.pupil_ids) {
          ConsentStatus s = TRY(consent_for(c, id, kImagesUse, day));
          if (!s.granted()) continue;
          Person pupil = TRY(get_person(c, oakfield_.id, id));
          return std::make_tuple(post, pupil, consenting_parent(c, id));
        }
        return Error::not_found("no pupil of the published post still has consent");
      });
  ASSERT_TRUE(found.ok()) << found.error().message;
  auto [post, pupil, parent] = *found;
  ASSERT_TRUE(pupil.external_id);
  ASSERT_TRUE(parent);
  ASSERT_TRUE(post.live_url);
  int64_t open_before = scalar("SELECT COUNT(*) FROM removal_tasks WHERE status = 'open'");

  CliRun w = consent("withdraw --school oakfield --pupil " + *pupil.external_id +
                     " --use images_school_accounts --by " + *parent->external_id + " --date " +
                     today() + " --form 'Letter from home'");
  ASSERT_EQ(w.exit_code, 0) << w.output;
  EXPECT_THAT(w.output, HasSubstr("withdrawal of consent"));
  EXPECT_THAT(w.output, HasSubstr("1 published post shows this pupil"));
  EXPECT_THAT(w.output, HasSubstr(*post.live_url));
  EXPECT_THAT(w.output, HasSubstr("  " + std::to_string(post.id) + "  "));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM removal_tasks WHERE status = 'open'"), open_before + 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM removal_tasks WHERE status = 'open' AND post_id = " +
                   std::to_string(post.id) + " AND pupil_id = " + std::to_string(pupil.id)),
            1);

  CliRun removals = consent("removals --school oakfield");
  ASSERT_EQ(removals.exit_code, 0) << removals.output;
  EXPECT_THAT(removals.output, HasSubstr(pupil.display_name()));
  EXPECT_THAT(removals.output, HasSubstr(*post.live_url));

  // Nothing left to withdraw; the history keeps both the grant and the withdrawal (CON-4).
  CliRun again = consent("withdraw --school oakfield --pupil " + *pupil.external_id +
                         " --use images_school_accounts --by " + *parent->external_id + " --date " +
                         today() + " --form 'Letter from home'");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.output, HasSubstr("There is no consent to withdraw"));
  CliRun log = consent("log --school oakfield --pupil " + *pupil.external_id +
                       " --use images_school_accounts");
  ASSERT_EQ(log.exit_code, 0) << log.output;
  EXPECT_THAT(log.output, HasSubstr("withdrawal"));
  EXPECT_THAT(log.output, HasSubstr("granted"));
  EXPECT_THAT(log.output, HasSubstr("Letter from home"));
}

// REQ CON-6, IAM-3
TEST_F(ConsentCliTest, TheLogIsListedAndExportedAndEachViewIsAudited) {
  int64_t views =
      scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.view' AND source = 'cli'");
  int64_t exports =
      scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.export' AND source = 'cli'");

  CliRun list = consent("log --school oakfield --kind withdrawal");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_THAT(list.output, HasSubstr("withdrawal"));
  EXPECT_THAT(list.output, Not(HasSubstr(" initial ")));
  EXPECT_THAT(list.output, HasSubstr(" decisions."));

  CliRun limited = consent("log --school oakfield --limit 5");
  ASSERT_EQ(limited.exit_code, 0) << limited.output;
  EXPECT_THAT(limited.output, HasSubstr("5 of "));
  EXPECT_THAT(limited.output, HasSubstr("--offset 5"));

  CliRun csv = consent("log --school oakfield --csv --decision refused");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_TRUE(csv.output.starts_with("academic_year,pupil,use,decision,")) << csv.output;
  EXPECT_THAT(csv.output, Not(HasSubstr(",granted,")));

  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.view' AND source = 'cli'"),
      views + 2);
  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.export' AND source = 'cli'"),
      exports + 1);
  EXPECT_EQ(run("audit verify --db " + db_url_).exit_code, 0);
}

// REQ CON-1, CON-6
TEST_F(ConsentCliTest, AnImportWithABadRowWritesNothingAndNamesTheLine) {
  // A pupil with no decision yet and a parent who can give one.
  std::string good_row;
  for (const RenewalRow& r : renewals()) {
    if (!r.external_id || r.missing_uses.empty()) continue;
    auto p = db_->read([&](Connection& c) -> Result<std::optional<Person>> {
      return consenting_parent(c, r.pupil_id);
    });
    ASSERT_TRUE(p.ok());
    if (!*p) continue;
    good_row = *r.external_id + "," + r.missing_uses.front() + ",granted," + *(*p)->external_id +
               "," + today() + ",Form 21\n";
    break;
  }
  ASSERT_FALSE(good_row.empty());
  const std::string header =
      "pupil_external_id,use,decision,given_by_external_id,given_on,form_reference\n";
  int64_t before = scalar("SELECT COUNT(*) FROM consent_decisions");

  std::string bad =
      write_file("bad.csv", header + good_row + "P9999,images_school_accounts,granted,C0001," +
                                today() + ",Form 22\n");
  CliRun refused = consent("import " + bad + " --school oakfield");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.output,
              HasSubstr("line 3: pupil_external_id 'P9999' is not a pupil of this school"));
  EXPECT_THAT(refused.output, Not(HasSubstr("line 2:")));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions"), before);

  std::string good = write_file("good.csv", header + good_row);
  CliRun imported = consent("import " + good + " --school oakfield");
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_THAT(imported.output, HasSubstr("1 rows, 1 recorded, 0 unchanged"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM consent_decisions"), before + 1);
  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'consent.import' AND source = 'cli'"),
      1);
}

TEST_F(ConsentCliTest, UnknownSchoolsPupilsAndDatabasesAreClearErrors) {
  CliRun school = consent("renewals --school nowhere");
  EXPECT_EQ(school.exit_code, 1);
  EXPECT_THAT(school.output, HasSubstr("There is no school with the code 'nowhere'"));

  CliRun pupil = consent("log --school oakfield --pupil P9999");
  EXPECT_EQ(pupil.exit_code, 1);
  EXPECT_THAT(pupil.output, HasSubstr("There is no pupil with the external id 'P9999'"));

  CliRun giver = consent(
      "withdraw --school oakfield --pupil P0001 --use images_school_accounts --by C9999 --date " +
      today() + " --form F");
  EXPECT_EQ(giver.exit_code, 1);
  EXPECT_THAT(giver.output, HasSubstr("no parent or carer with the external id 'C9999'"));

  CliRun db = run("consent removals --school oakfield --db nonsense:x");
  EXPECT_EQ(db.exit_code, 2);

  for (const char* sub : {"import", "renewals", "log", "record", "withdraw", "removals"}) {
    CliRun help = run(std::string("consent ") + sub + " --help");
    EXPECT_EQ(help.exit_code, 0) << sub;
    EXPECT_THAT(help.output, HasSubstr("--school")) << sub;
  }
}

}  // namespace
}  // namespace inloco

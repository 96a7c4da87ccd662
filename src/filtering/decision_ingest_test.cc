// REQ NET-5: the helper's decision log is read into the server per person and
// device, incrementally and through rotation, skipping and reporting lines
// that are not records, and kept only for the profile's retention.
// REQ NET-6: attempts to get round the filter become events, and past the
// profile's threshold the person is banned and the DSL and ICT are told.
#include "filtering/decision_ingest.h"

#include <gtest/gtest.h>

#include "filtering/monitoring_test_fixture.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

TEST(FilterDecisionLineTest, ReadsTheHelpersRecords) {
  const int64_t now = 1790000000;
  auto d = parse_decision_line(format_decision_record({1789999000, "Pupil1", "10.0.0.5",
                                                       "https://www.google.co.uk/search?q=volcano",
                                                       "volcano", "allow", "", ""}),
                               now);
  // format_decision_record ends with LF; the ingest hands lines without it.
  EXPECT_FALSE(d.ok());
  d = parse_decision_line(
      "1789999000\tPupil1\t10.0.0.5\thttps://www.google.co.uk/"
      "search?q=volcano\tvolcano\tallow\t-\t-",
      now);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->time, 1789999000);
  EXPECT_EQ(d->user, "Pupil1");
  EXPECT_EQ(d->source_address, "10.0.0.5");
  EXPECT_EQ(d->search_terms, "volcano");
  EXPECT_FALSE(d->blocked);
  EXPECT_EQ(d->category, "");
  EXPECT_EQ(d->rule, "");
  auto b = parse_decision_line(
      "1789999000\t-\t-\tblocked.test:443\t-\tblock\tvpn\tdomain:blocked.test\r", now);
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_TRUE(b->blocked);
  EXPECT_EQ(b->user, "");
  EXPECT_EQ(b->rule, "domain:blocked.test");

  auto message = [&](std::string_view line) {
    auto r = parse_decision_line(line, now);
    return r.ok() ? std::string("ok") : r.error().message;
  };
  EXPECT_NE(message("1789999000\tu\t-\thttp://a.test/\t-\tallow\t-").find("this line has 7"),
            std::string::npos);
  EXPECT_NE(
      message("yesterday\tu\t-\thttp://a.test/\t-\tallow\t-\t-").find("not a number of seconds"),
      std::string::npos);
  EXPECT_NE(
      message("1790990000\tu\t-\thttp://a.test/\t-\tallow\t-\t-").find("more than a day ahead"),
      std::string::npos);
  EXPECT_NE(message("1789999000\tu\t-\thttp://a.test/\t-\tdeny\t-\t-").find("not allow or block"),
            std::string::npos);
  EXPECT_NE(message("1789999000\tu\t-\t-\t-\tallow\t-\t-").find("URL is missing"),
            std::string::npos);
  EXPECT_NE(message("1789999000\tu\xff\t-\thttp://a.test/\t-\tallow\t-\t-").find("UTF-8"),
            std::string::npos);
  EXPECT_NE(message("1789999000\tu\x01\t-\thttp://a.test/\t-\tallow\t-\t-").find("control"),
            std::string::npos);
  EXPECT_NE(message("").find("empty"), std::string::npos);
}

class DecisionIngestTest : public test::MonitoringFixture {
 protected:
  int64_t now() { return clock_.now(); }
  std::string allowed(int64_t ago, std::string_view user = "ppupil") {
    return record(now() - ago, user, "10.20.3.4", "https://www.bbc.co.uk/bitesize");
  }
  int64_t decisions() { return scalar("SELECT COUNT(*) FROM filter_decisions"); }
};

TEST_P(DecisionIngestTest, ReadsOnFromWhereItStoppedAndTwiceAddsNothing) {
  const fs::path log = dir_ / "decisions.log";
  append(log, allowed(300) + allowed(200) + allowed(100));
  auto first = ingest(log);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->from_start);
  EXPECT_EQ(first->lines, 3);
  EXPECT_EQ(first->decisions, 3);
  EXPECT_EQ(first->matched, 3);
  auto again = ingest(log);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->lines, 0);
  EXPECT_EQ(decisions(), 3);

  // A line still being written is left for next time.
  const std::string partial = allowed(50);
  append(log, allowed(90) + allowed(80) + partial.substr(0, 20));
  auto more = ingest(log);
  ASSERT_TRUE(more.ok());
  EXPECT_FALSE(more->from_start);
  EXPECT_EQ(more->from_position, first->to_position);
  EXPECT_EQ(more->decisions, 2);
  append(log, partial.substr(20));
  auto rest = ingest(log);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->decisions, 1);
  EXPECT_EQ(rest->to_position, static_cast<int64_t>(fs::file_size(log)));
  EXPECT_EQ(decisions(), 6);
  EXPECT_EQ(audits("filter.ingest"), 3) << "one entry per batch stored";
}

TEST_P(DecisionIngestTest, LinesThatAreNotRecordsAreReportedByLineAndSkipped) {
  const fs::path log = dir_ / "decisions.log";
  append(log, allowed(500) + "not a record\n" + allowed(400) +
                  "1788220000\tx\t-\thttp://a.test/\t-\tmaybe\t-\t-\n");
  auto r = ingest(log);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->lines, 4);
  EXPECT_EQ(r->decisions, 2);
  ASSERT_EQ(r->problem_count, 2);
  EXPECT_EQ(r->problems[0].line, 2);
  EXPECT_NE(r->problems[0].message.find("8 tab-separated fields"), std::string::npos);
  EXPECT_EQ(r->problems[1].line, 4);
  EXPECT_NE(r->problems[1].message.find("not allow or block"), std::string::npos);
  // Line numbers go on from the last ingest, and a line too long to be a
  // record is skipped without losing the next one.
  append(log, allowed(300) + "bad\n" + std::string(kMaxDecisionLineBytes + 10, 'x') + "\n" +
                  allowed(200));
  auto next = ingest(log);
  ASSERT_TRUE(next.ok()) << next.error().message;
  ASSERT_EQ(next->problem_count, 2);
  EXPECT_EQ(next->problems[0].line, 6);
  EXPECT_EQ(next->problems[1].line, 7);
  EXPECT_NE(next->problems[1].message.find("longer than"), std::string::npos);
  EXPECT_EQ(next->decisions, 2);
  EXPECT_EQ(decisions(), 4);
}

TEST_P(DecisionIngestTest, ARotatedFileIsReadOnAndANewOneFromItsStart) {
  const fs::path log = dir_ / "decisions.log";
  append(log, allowed(900) + allowed(800));
  ASSERT_TRUE(ingest(log).ok());
  // Records written after that ingest, then logrotate renames the file and
  // the helper starts a new one.
  append(log, allowed(700) + allowed(600));
  fs::rename(log, dir_ / "decisions.log.1");
  append(log, allowed(500));
  auto rotated = ingest(dir_ / "decisions.log.1");
  ASSERT_TRUE(rotated.ok()) << rotated.error().message;
  EXPECT_FALSE(rotated->from_start) << "same inode, same first line: the same file";
  EXPECT_EQ(rotated->decisions, 2);
  auto fresh = ingest(log);
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_TRUE(fresh->from_start);
  EXPECT_EQ(fresh->decisions, 1);
  EXPECT_EQ(decisions(), 5);
  // Truncated in place (copytruncate) and written again: read from the start.
  fs::resize_file(log, 0);
  append(log, allowed(100, "qsecond"));
  auto truncated = ingest(log);
  ASSERT_TRUE(truncated.ok()) << truncated.error().message;
  EXPECT_TRUE(truncated->from_start);
  EXPECT_EQ(truncated->decisions, 1);
  EXPECT_EQ(decisions(), 6);
  // An empty or missing file.
  append(dir_ / "empty.log", "");
  auto empty = ingest(dir_ / "empty.log");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->lines, 0);
  auto missing = ingest(dir_ / "missing.log");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("missing.log"), std::string::npos);
}

TEST_P(DecisionIngestTest, RecordsAreMatchedToPeopleAndUnknownNamesKept) {
  const fs::path log = dir_ / "decisions.log";
  append(log,
         allowed(50, "PPupil") + allowed(40, "bbeta") + allowed(30, "stranger") + allowed(20, "-"));
  auto r = ingest(log);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->matched, 1) << "case is ignored; a pupil of another school is not this school's";
  EXPECT_EQ(r->unknown_names, (std::vector<std::string>{"bbeta", "stranger"}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_decisions WHERE person_id = ?", {pupil_}), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_decisions WHERE person_id IS NULL AND username = "
                   "'stranger'"),
            1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_decisions WHERE username = ''"), 1);
}

TEST_P(DecisionIngestTest, AttemptsBecomeEventsAndPastTheThresholdABan) {
  const fs::path log = dir_ / "decisions.log";
  append(log, record(now() - 5000, "ppupil", "10.20.3.4", "https://nordvpn.com/", true, "vpn") +
                  record(now() - 4000, "ppupil", "10.20.3.4", "https://www.bbc.co.uk/", false) +
                  record(now() - 3000, "ppupil", "10.20.3.4", "http://3232235777/") +
                  record(now() - 2500, "qsecond", "10.20.3.5", "https://www.croxyproxy.com/", true,
                         "redirector"));
  auto r = ingest(log);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->events, 3);
  EXPECT_TRUE(r->bans.empty()) << "two attempts of the pupil's, under the threshold of three";
  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM filter_circumvention_events WHERE kind = 'numeric_address'"), 1);
  EXPECT_TRUE(notice_kinds(dsl_).empty());

  append(log, record(now() - 1000, "ppupil", "10.20.5.4", "185.199.110.153:443"));
  auto banned = ingest(log);
  ASSERT_TRUE(banned.ok()) << banned.error().message;
  ASSERT_EQ(banned->bans.size(), 1u);
  EXPECT_EQ(scalar("SELECT person_id FROM filter_bans WHERE lifted_at IS NULL"), pupil_);
  EXPECT_EQ(scalar("SELECT events_count FROM filter_bans"), 3);
  // The profile's monitoring_reports_to (ICT and the DSL) are told; the head is not.
  EXPECT_EQ(notice_kinds(dsl_), std::vector<NoticeKind>{NoticeKind::kNetworkBanned});
  EXPECT_EQ(notice_kinds(ict_), std::vector<NoticeKind>{NoticeKind::kNetworkBanned});
  EXPECT_TRUE(notice_kinds(head_).empty());
  EXPECT_EQ(audits("filter.ban"), 1);
  // Another attempt while banned makes no second ban.
  append(log, record(now() - 500, "ppupil", "10.20.5.4", "https://hola.org/", true, "redirector"));
  auto later = ingest(log);
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(later->bans.empty());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_bans"), 1);
}

TEST_P(DecisionIngestTest, RecordOnlyRecordsAndBansNoOne) {
  profile_.filter.circumvention = CircumventionSanction::kRecordOnly;
  const fs::path log = dir_ / "decisions.log";
  for (int i = 0; i < 5; ++i)
    append(log, record(now() - 100 * (i + 1), "ppupil", "10.20.3.4", "https://nordvpn.com/", true,
                       "vpn"));
  auto r = ingest(log);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events, 5);
  EXPECT_TRUE(r->bans.empty());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_bans"), 0);
}

TEST_P(DecisionIngestTest, RecordsOlderThanTheRetentionAreDeleted) {
  profile_.retention["filter_logs"].months = 1;
  const fs::path log = dir_ / "decisions.log";
  append(log,
         record(now() - 40 * 86400, "ppupil", "10.20.3.4", "https://nordvpn.com/", true, "vpn") +
             allowed(20 * 86400) + allowed(60));
  auto r = ingest(log);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->decisions, 3);
  EXPECT_EQ(r->purged, 2) << "the old record and its event";
  EXPECT_EQ(decisions(), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_circumvention_events"), 0);
  EXPECT_EQ(audits("filter.purge"), 1);
}

TEST_P(DecisionIngestTest, SearchesOfConcernAreFlagged) {
  const fs::path log = dir_ / "decisions.log";
  append(log,
         record(now() - 60, "ppupil", "10.20.3.4",
                "https://www.google.co.uk/search?q=how+much+is+a+zombie+knife", false, "",
                "how much is a zombie knife") +
             record(now() - 50, "ppupil", "10.20.3.4",
                    "https://www.google.co.uk/search?q=volcano+facts", false, "", "volcano facts"));
  ASSERT_TRUE(ingest(log).ok());
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_decisions WHERE search_flag = 'illegal'"), 1);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_decisions WHERE search_flag = ''"), 1);
}

INLOCO_INSTANTIATE_BACKENDS(DecisionIngestTest);

}  // namespace
}  // namespace inloco::filter

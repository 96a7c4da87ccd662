// REQ NET-5, NET-6: `inloco filter ingest` reads the decision log on from
// where it stopped (the same file twice adds nothing; a rotated file is read
// on, a new one from its start), prints lines that are not records as
// FILE:LINE, bans past the threshold; `inloco filter lists` then writes the
// bans for the helper. Run against the demo trust, whose own log was ingested.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <sstream>

#include "filter/decision_log.h"
#include "test_support/cli_runner.h"

namespace inloco {
namespace {

namespace fs = std::filesystem;

class FilterIngestCliTest : public test::DemoCliTest {
 protected:
  FilterIngestCliTest() : DemoCliTest("inloco-filter-ingest") {}
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }
  static void append(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::app);
    out << text;
  }
  static std::string record(int64_t ago, const std::string& user, const std::string& url,
                            const std::string& category) {
    return filter::format_decision_record({static_cast<int64_t>(std::time(nullptr)) - ago, user,
                                           "10.20.3.30", url, "",
                                           category.empty() ? "allow" : "block", category, ""});
  }
  std::string ingest(const fs::path& log, int* code = nullptr) {
    auto run = test::run_inloco("filter ingest --school oakfield --log " + log.string() + " --db " +
                                db_url_);
    if (code) *code = run.exit_code;
    return run.output;
  }
};

TEST_F(FilterIngestCliTest, ReadsOnReportsBadLinesAndTheListsHoldTheBans) {
  EXPECT_TRUE(fs::exists(dir_ / "decisions-demo.log"));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM filter_bans WHERE lifted_at IS NULL"), 1)
      << "the demo's ban";
  auto rows = db_->read([&](Connection& c) {
    // A pupil who has made no attempt of their own in the demo.
    return c.query(
        "SELECT network_username FROM people WHERE school_id = ? AND kind = 'pupil' AND id NOT IN "
        "(SELECT person_id FROM filter_circumvention_events WHERE person_id IS NOT NULL) "
        "ORDER BY id DESC LIMIT 1",
        {oakfield_.id});
  });
  ASSERT_TRUE(rows.ok() && !rows->empty());
  const std::string pupil = (*rows)[0][0].as_text();
  ASSERT_FALSE(pupil.empty());

  const fs::path log = dir_ / "decisions.log";
  append(log, record(600, pupil, "https://nordvpn.com/", "vpn") + "garbage line\n" +
                  record(500, pupil, "https://www.croxyproxy.com/", "redirector") +
                  record(400, pupil, "https://www.bbc.co.uk/bitesize", ""));
  int code = -1;
  std::string out = ingest(log, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find(log.string() + ":2: a decision record has 8 tab-separated fields"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Read 4 lines"), std::string::npos) << out;
  EXPECT_NE(out.find("3 decisions stored (3 of known people), 2 attempts to get round the filter, "
                     "0 people banned, "
                     "1 lines skipped"),
            std::string::npos)
      << out;
  out = ingest(log);
  EXPECT_NE(out.find("Read 0 lines"), std::string::npos) << out;

  // The third attempt comes in, then the file is rotated and a new one begun.
  append(log, record(300, pupil, "203.0.113.9:443", ""));
  fs::rename(log, dir_ / "decisions.log.1");
  append(log, record(200, "visitor02", "https://www.bbc.co.uk/news", ""));
  out = ingest(dir_ / "decisions.log.1");
  EXPECT_NE(out.find("Read 1 lines"), std::string::npos) << out;
  EXPECT_NE(out.find("from byte"), std::string::npos) << out;
  EXPECT_NE(out.find("1 person banned"), std::string::npos) << out;
  EXPECT_NE(out.find("filter lists --school oakfield"), std::string::npos) << out;
  out = ingest(log);
  EXPECT_NE(out.find("from its start"), std::string::npos) << out;
  EXPECT_NE(out.find("visitor02"), std::string::npos) << "an unknown name is named: " << out;

  auto lists = test::run_inloco("filter lists --school oakfield -o " + (dir_ / "lists").string() +
                                " --db " + db_url_);
  ASSERT_EQ(lists.exit_code, 0) << lists.output;
  const std::string bans = slurp(dir_ / "lists" / "bans");
  EXPECT_EQ(std::count(bans.begin(), bans.end(), '\n'), 2) << bans;
  EXPECT_NE(bans.find(pupil + "\t"), std::string::npos) << bans;
  EXPECT_NE(slurp(dir_ / "lists" / "people").find(pupil + "\tpupils\n"), std::string::npos);

  out = ingest(dir_ / "nowhere.log", &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("There is no decision log"), std::string::npos) << out;
  auto bad =
      test::run_inloco("filter ingest --school nowhere --log " + log.string() + " --db " + db_url_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("oakfield"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace inloco

// REQ NET-1, NET-5: the Squid helper's answers, decision records and reload
// (issue 6 section 3), fed through the same functions main uses.
#include "filter/squid_helper.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "filter/filter_test_support.h"
#include "filter/list_compiler.h"
#include "filter/snapshot_writer.h"

namespace inloco::filter {
namespace {

namespace fs = std::filesystem;

// Compiles lists holding `blocked` (domain -> category) into `snapshot`.
void compile(const testing::TempDir& dir, const std::string& name,
             const std::vector<std::pair<std::string, std::string>>& blocked,
             const std::string& snapshot) {
  fs::path lists = dir.path() / name;
  std::map<std::string, std::string> domains;
  for (const auto& [domain, category] : blocked) domains[category] += domain + "\n";
  for (const auto& [category, text] : domains) dir.write(name + "/" + category + "/domains", text);
  dir.write(name + "/adult/urls", "example.org/adult\n");
  auto compiled = compile_lists(std::vector<fs::path>{lists});
  ASSERT_TRUE(compiled.ok()) << compiled.error().message;
  auto written = write_snapshot(*compiled, snapshot);
  ASSERT_TRUE(written.ok()) << written.error().message;
}

template <typename F>
SquidHelperOptions with(F set) {
  SquidHelperOptions o;
  set(o);
  return o;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class SquidHelperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    snapshot_ = (dir_.path() / "filter.snap").string();
    compile(dir_, "v1",
            {{"facebook.com", "social_networks"},
             {"blocked.test", "social_networks"},
             {"facebook.com", "chat"}},
            snapshot_);
  }

  std::unique_ptr<SquidHelper> make(SquidHelperOptions options, bool with_log = false) {
    options.snapshot_path = snapshot_;
    std::optional<DecisionLog> log;
    if (with_log) {
      auto opened = DecisionLog::open(log_path());
      EXPECT_TRUE(opened.ok());
      log.emplace(std::move(opened).value());
    }
    auto helper = SquidHelper::create(std::move(options), std::move(log), clock_);
    EXPECT_TRUE(helper.ok()) << helper.error().message;
    return helper.ok() ? std::move(helper).value() : nullptr;
  }
  fs::path log_path() const { return dir_.path() / "decisions.log"; }

  testing::TempDir dir_;
  std::string snapshot_;
  FakeClock clock_{1763740800};
};

TEST_F(SquidHelperTest, AclModeAnswersOkOrErrWithAReasonAPersonUnderstands) {
  auto helper = make({});
  EXPECT_EQ(helper->answer("0 http://example.com/page"), "0 OK\n");
  EXPECT_EQ(helper->answer("1 https://m.facebook.com/home 10.0.0.5"),
            "1 ERR message=\"This site is blocked on the school network (chat).\" "
            "tag=\"chat\" log=\"domain:facebook.com\"\n");
  EXPECT_EQ(helper->answer("15 blocked.test:443"),
            "15 ERR message=\"This site is blocked on the school network (social networks).\" "
            "tag=\"social_networks\" log=\"domain:blocked.test\"\n");
  EXPECT_EQ(helper->answer("http://example.org/adult/x"),
            "ERR message=\"This site is blocked on the school network (adult).\" "
            "tag=\"adult\" log=\"url:example.org/adult\"\n");
  EXPECT_EQ(helper->answer("http://example.org/other"), "OK\n");
}

TEST_F(SquidHelperTest, TheCategoryOrderNamesTheReason) {
  auto helper = make(with([](auto& o) { o.category_order = {"social_networks", "chat"}; }));
  EXPECT_EQ(helper->answer("2 http://facebook.com/"),
            "2 ERR message=\"This site is blocked on the school network (social networks).\" "
            "tag=\"social_networks\" log=\"domain:facebook.com\"\n");
  SquidHelperOptions unknown;
  unknown.snapshot_path = snapshot_;
  unknown.category_order = {"gambling"};
  auto refused = SquidHelper::create(unknown, std::nullopt, clock_);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("gambling"), std::string::npos);
}

TEST_F(SquidHelperTest, AnUnreadableUrlIsBlockedNotCrashed) {
  auto helper = make({});
  std::string answer = helper->answer("4 http://a..b/");
  EXPECT_EQ(answer.rfind("4 ERR message=\"This address could not be read, so it is blocked", 0), 0u)
      << answer;
  EXPECT_NE(answer.find("log=\"invalid:"), std::string::npos);
  EXPECT_EQ(helper->answer("5 http://[zz]/").substr(0, 6), "5 ERR ");
  EXPECT_EQ(helper->answer(std::string("6 http://x\x01y.test/", 20)).substr(0, 6), "6 ERR ");
  EXPECT_EQ(helper->answer("9").substr(0, 5), "9 BH ");
  EXPECT_EQ(helper->answer("").substr(0, 3), "BH ");
}

TEST_F(SquidHelperTest, RewriteModeRedirectsToTheBlockPage) {
  EXPECT_FALSE(SquidHelper::create(with([&](auto& o) {
                                     o.snapshot_path = snapshot_;
                                     o.mode = HelperMode::kRewrite;
                                   }),
                                   std::nullopt, clock_)
                   .ok());
  auto helper = make(with([](auto& o) {
    o.mode = HelperMode::kRewrite;
    o.block_page = "http://inloco.school.test/blocked";
  }));
  EXPECT_EQ(helper->answer("3 http://example.com/ 10.0.0.5/- - GET"), "3 OK\n");
  EXPECT_EQ(helper->answer("4 http://facebook.com/a?b=c 10.0.0.5/- - GET"),
            "4 OK status=\"302\" url=\"http://inloco.school.test/blocked?url=http%3A%2F%2F"
            "facebook.com%2Fa%3Fb%3Dc&category=chat\"\n");
  auto with_query = make(with([](auto& o) {
    o.mode = HelperMode::kRewrite;
    o.block_page = "https://x.test/b?s=1";
  }));
  EXPECT_EQ(with_query->answer("blocked.test:443"),
            "OK status=\"302\" url=\"https://x.test/b?s=1&url=blocked.test%3A443"
            "&category=social_networks\"\n");
}

TEST_F(SquidHelperTest, WritesOneDecisionRecordPerRequest) {
  auto helper = make(with([](auto& o) {
                       o.user_token = 3;
                       o.src_token = 2;
                     }),
                     /*with_log=*/true);
  helper->answer("0 https://www.google.co.uk/search?q=how+to+buy+vapes 10.0.0.5 pupil%201");
  helper->answer("1 http://facebook.com/ 10.0.0.6/- -");
  helper->answer("2 http://a..b/");
  ASSERT_TRUE(helper->flush_log().ok());
  std::string log = read_file(log_path());
  std::string head =
      "1763740800\tpupil 1\t10.0.0.5\thttps://www.google.co.uk/search?q=how+to+buy+vapes\t"
      "how to buy vapes\tallow\t-\t-\n"
      "1763740800\t-\t10.0.0.6\thttp://facebook.com/\t-\tblock\tchat\t"
      "domain:facebook.com\n";
  EXPECT_EQ(log.substr(0, head.size()), head);
  std::string third = log.substr(std::min(head.size(), log.size()));
  EXPECT_EQ(third.rfind("1763740800\t-\t-\thttp://a..b/\t-\tblock\tinvalid\tinvalid:", 0), 0u)
      << third;
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 3);
}

TEST_F(SquidHelperTest, ReloadSwapsTheSnapshotAndAFailedReloadKeepsTheOld) {
  auto helper = make({});
  EXPECT_EQ(helper->answer("0 http://newly.test/"), "0 OK\n");
  compile(dir_, "v2", {{"newly.test", "games"}}, snapshot_);
  ASSERT_TRUE(helper->reload().ok());
  EXPECT_EQ(helper->reloads(), 1u);
  EXPECT_EQ(helper->answer("0 http://newly.test/").substr(0, 6), "0 ERR ");
  EXPECT_EQ(helper->answer("1 http://facebook.com/"), "1 OK\n");

  // A truncated file is refused; the snapshot in use stays.
  std::string whole = read_file(snapshot_);
  // (Written beside and renamed, as the compiler does: truncating the mapped
  // file in place would pull pages from under the mapping.)
  std::ofstream(snapshot_ + ".tmp", std::ios::binary) << whole.substr(0, whole.size() / 2);
  fs::rename(snapshot_ + ".tmp", snapshot_);
  Status st = helper->reload();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(helper->reloads(), 1u);
  EXPECT_EQ(helper->answer("2 http://newly.test/").substr(0, 6), "2 ERR ");
}

// The loop main runs, over pipes: answers per batch, a reload between two
// batches, a last line without LF, and an over-long line that is answered
// once and does not put answers out of step.
TEST_F(SquidHelperTest, RunAnswersEachBatchAndReloadsBetweenRequests) {
  auto helper = make({}, /*with_log=*/true);
  int in[2], out[2];
  ASSERT_EQ(pipe(in), 0);
  ASSERT_EQ(pipe(out), 0);
  std::atomic<bool> reload{false};
  std::vector<std::string> warnings;
  std::thread loop([&] {
    Status st =
        helper->run(in[0], out[1], &reload, [&](const std::string& w) { warnings.push_back(w); });
    EXPECT_TRUE(st.ok());
    close(out[1]);
  });
  auto send = [&](const std::string& s) {
    ASSERT_EQ(write(in[1], s.data(), s.size()), static_cast<ssize_t>(s.size()));
  };
  std::string received;
  auto receive_lines = [&](size_t lines) {
    while (std::count(received.begin(), received.end(), '\n') < static_cast<long>(lines)) {
      char buf[4096];
      ssize_t n = read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      received.append(buf, static_cast<size_t>(n));
    }
  };
  send("0 http://newly.test/\n1 http://facebook.com/\n");
  receive_lines(2);
  EXPECT_EQ(received.substr(0, 7), "0 OK\n1 ");

  compile(dir_, "v2", {{"newly.test", "games"}}, snapshot_);
  reload = true;
  send("2 http://newly.test/\n" + std::string("3 http://x.test/") + std::string(5 << 20, 'a') +
       "\n4 http://facebook.com/\n5 http://example.com/");
  close(in[1]);
  loop.join();
  receive_lines(6);
  close(out[0]);
  close(in[0]);
  std::vector<std::string> lines;
  std::stringstream ss(received);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  ASSERT_EQ(lines.size(), 6u) << received;
  EXPECT_EQ(lines[2].substr(0, 6), "2 ERR ");
  EXPECT_EQ(lines[3].substr(0, 6), "3 ERR ");
  EXPECT_NE(lines[3].find("longer than 4 MiB"), std::string::npos);
  EXPECT_EQ(lines[4], "4 OK");
  EXPECT_EQ(lines[5], "5 OK");
  EXPECT_EQ(helper->reloads(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("reloaded"), std::string::npos) << warnings[0];
  std::string log = read_file(log_path());
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 6);
}

TEST_F(SquidHelperTest, BlockMessagesAreSentences) {
  EXPECT_EQ(block_message("social_networks"),
            "This site is blocked on the school network (social networks).");
  EXPECT_EQ(block_message(""),
            "This address could not be read, so it is blocked on the school network.");
}

}  // namespace
}  // namespace inloco::filter

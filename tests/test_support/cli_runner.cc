#include "test_support/cli_runner.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "store/drivers/open_database.h"

namespace inloco::test {

namespace fs = std::filesystem;

CliRun run_inloco(const std::string& args, const std::string& input) {
  fs::path in = fs::temp_directory_path() / ("inloco-cli-in-" + std::to_string(getpid()));
  std::ofstream(in) << input;
  std::string cmd = std::string(INLOCO_BINARY_DIR) + "/inloco " + args + " 2>&1 < " + in.string();
  CliRun r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::error_code ec;
  fs::remove(in, ec);
  return r;
}

FakeNowForCommands::FakeNowForCommands(int64_t unix_seconds) {
  if (const char* v = std::getenv("INLOCO_FAKE_NOW")) saved_ = v;
  setenv("INLOCO_FAKE_NOW", std::to_string(unix_seconds).c_str(), 1);
}

FakeNowForCommands::~FakeNowForCommands() {
  if (saved_)
    setenv("INLOCO_FAKE_NOW", saved_->c_str(), 1);
  else
    unsetenv("INLOCO_FAKE_NOW");
}

TestFolder::TestFolder(const std::string& prefix) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  path_ = fs::temp_directory_path() /
          (prefix + "-" + std::to_string(getpid()) + "-" + (info ? info->name() : "suite"));
  fs::remove_all(path_);
  fs::create_directories(path_);
}

TestFolder::~TestFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string make_demo_database(const fs::path& folder, std::string* failure) {
  std::string url = "sqlite:" + (folder / "demo.db").string();
  // The demo's media library goes beside the database, not into the working folder.
  setenv("INLOCO_MEDIA_DIR", (folder / "media").c_str(), 1);
  CliRun demo = run_inloco("demo --db " + url + " --key " + (folder / "secret.key").string());
  if (demo.exit_code != 0) {
    if (failure) *failure = demo.output;
    return "";
  }
  return url;
}

void DemoCliTest::SetUp() {
  folder_ = std::make_unique<TestFolder>(prefix_);
  dir_ = folder_->path();
  std::string failure;
  db_url_ = make_demo_database(dir_, &failure);
  ASSERT_FALSE(db_url_.empty()) << failure;
  auto db = open_database(db_url_);
  ASSERT_TRUE(db.ok());
  db_ = std::move(db).value();
  auto s = db_->read([](Connection& c) { return find_school_by_code(c, "oakfield"); });
  ASSERT_TRUE(s.ok());
  oakfield_ = *s;
}

void DemoCliTest::TearDown() {
  db_.reset();
  folder_.reset();
}

int64_t DemoCliTest::scalar(const std::string& sql) {
  auto r = db_->read([&](Connection& c) { return c.query(sql); });
  EXPECT_TRUE(r.ok());
  return r.ok() && !r->empty() ? (*r)[0][0].as_int() : -1;
}

}  // namespace inloco::test

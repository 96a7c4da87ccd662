// Running the built `inloco` binary from a test, as a person at a terminal
// would (but with no terminal), and a demo trust to run it against.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "people/school_store.h"
#include "store/database.h"

namespace inloco::test {

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// `args` as a shell would read them (quote what needs quoting); `input` is
// its standard input (empty: nothing to read).
CliRun run_inloco(const std::string& args, const std::string& input = "");

// While it lives, every `inloco` this process runs (run_inloco, make_demo_database)
// reads the time as `unix_seconds`, through the command line's test hook
// INLOCO_FAKE_NOW (src/cli/process_clock.h); then the variable is put back as it was.
// A test that also reads the date itself uses the same time, so that its dates and the
// commands' cannot fall either side of midnight.
class FakeNowForCommands {
 public:
  explicit FakeNowForCommands(int64_t unix_seconds);
  ~FakeNowForCommands();
  FakeNowForCommands(const FakeNowForCommands&) = delete;
  FakeNowForCommands& operator=(const FakeNowForCommands&) = delete;

 private:
  std::optional<std::string> saved_;
};

// A folder of its own for the running test, named after it; removed when
// the object goes.
class TestFolder {
 public:
  explicit TestFolder(const std::string& prefix);
  ~TestFolder();
  TestFolder(const TestFolder&) = delete;
  TestFolder& operator=(const TestFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Fills `folder`/demo.db with `inloco demo` (its media library in
// `folder`/media, which INLOCO_MEDIA_DIR then names for later commands) and
// returns the database's URL; empty, with the output in `failure`, if the
// demo failed.
std::string make_demo_database(const std::filesystem::path& folder, std::string* failure);

// For tests of commands run against the demo trust: a fresh demo database in
// a folder of the test's own, opened as db_, with its Oakfield school.
class DemoCliTest : public ::testing::Test {
 protected:
  explicit DemoCliTest(std::string folder_prefix) : prefix_(std::move(folder_prefix)) {}
  void SetUp() override;
  void TearDown() override;
  int64_t scalar(const std::string& sql);  // the first column of the first row, or -1

  std::unique_ptr<TestFolder> folder_;
  std::filesystem::path dir_;
  std::string db_url_;
  std::unique_ptr<Database> db_;
  School oakfield_;

 private:
  std::string prefix_;
};

}  // namespace inloco::test

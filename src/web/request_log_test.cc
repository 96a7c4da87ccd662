// No requirement ID: issue 12 §3. The error log and the access log: one logfmt line each, the
// request id in both, the driver's words only in the error log, and in the access log only the
// method, route pattern, status, duration and request id.
#include "web/request_log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <sstream>

namespace inloco::web {
namespace {

std::shared_ptr<spdlog::logger> logger_into(std::ostringstream& out, const char* name) {
  auto l = std::make_shared<spdlog::logger>(
      name, std::make_shared<spdlog::sinks::ostream_sink_mt>(out, true));
  l->set_pattern("%v");
  return l;
}

TEST(RequestLogTest, LogfmtValuesCannotForgeLinesOrKeys) {
  EXPECT_EQ(logfmt_value("plain"), "plain");
  EXPECT_EQ(logfmt_value(""), "\"\"");
  EXPECT_EQ(logfmt_value("two words"), "\"two words\"");
  EXPECT_EQ(logfmt_value("a=b"), "\"a=b\"");
  EXPECT_EQ(logfmt_value("line\nstatus=200"), "\"line\\nstatus=200\"");
  EXPECT_EQ(logfmt_value("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
  EXPECT_EQ(logfmt_value(std::string("bell\x07", 5)), "\"bell\\x07\"");
}

TEST(RequestLogTest, AFailureIsOneLineWithTheIdAndWhatWentWrongUnderneath) {
  std::ostringstream errors;
  RequestLog log(logger_into(errors, "errors-1"));
  Error e = Error::unavailable("The database cannot be reached at the moment.")
                .with_internal_detail("postgresql: could not connect\nFATAL: no");
  log.failure("AbC123xyz_-0", "GET", "/schools/{school}/posts", 503, e);
  std::string line = errors.str();
  EXPECT_EQ(line,
            "event=request_failed request_id=AbC123xyz_-0 method=GET route=/schools/{school}/posts "
            "status=503 code=unavailable message=\"The database cannot be reached at the moment.\" "
            "detail=\"postgresql: could not connect\\nFATAL: no\"\n");
}

TEST(RequestLogTest, TheAccessLogHoldsTheRouteNotThePathAndNothingWithoutIt) {
  std::ostringstream errors, access;
  RequestLog quiet(logger_into(errors, "errors-2"));
  quiet.access("id1", "GET", "/dashboard", 200, 0.0123);  // no access log asked for: nothing
  RequestLog log(logger_into(errors, "errors-3"), logger_into(access, "access-3"));
  log.access("id2", "POST", "/schools/{school}/people/{person}", 303, 0.0123);
  EXPECT_EQ(access.str(),
            "event=request request_id=id2 method=POST route=/schools/{school}/people/{person} "
            "status=303 duration_ms=12.300\n");
  EXPECT_TRUE(errors.str().empty());
}

TEST(RequestLogTest, AnAccessLogThatCannotBeOpenedIsAPlainError) {
  // A folder where the file should be: spdlog creates missing folders, but cannot open this.
  auto opened = RequestLog::access_log_file(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace inloco::web

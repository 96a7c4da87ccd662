// The one clock of an `inloco` process, made once in main.cc and handed to
// every command that reads the time, so that one command never sees two
// different "todays".
//
// Test hook: when the environment variable INLOCO_FAKE_NOW is set, the
// process runs on a FakeClock stopped at that time instead of the system
// clock. Tests set it (tests/test_support/cli_runner.h, FakeNowForCommands)
// so that the dates they write and the dates the commands read cannot fall
// either side of midnight. It is read once, at start, and only when set; an
// unset variable leaves the system clock in charge.
#pragma once

#include <memory>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"

namespace inloco::cli {

inline constexpr const char* kFakeNowVariable = "INLOCO_FAKE_NOW";

// The system clock, or a FakeClock at $INLOCO_FAKE_NOW when it is set.
// kInvalid when it is set to something parse_fake_now does not read.
Result<std::unique_ptr<Clock>> process_clock();

// Unix seconds ("1767225600") or a UTC date and time in ISO form
// ("2026-01-01T09:30:00Z"; the seconds and the Z may be left out).
Result<int64_t> parse_fake_now(std::string_view text);

}  // namespace inloco::cli

// Precompiled for the test programs (CMakeLists.txt: INLOCO_FAST_TESTS): GoogleTest, GoogleMock,
// nlohmann/json and the standard headers most tests include. Only third-party headers belong
// here; a test still includes what it uses.
#pragma once

// g++ 12 needs <utility> before Asio, which some tests include; clang-format would sort it after.
// clang-format off
#include <utility>
// clang-format on

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

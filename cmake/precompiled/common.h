// Precompiled once for every library (CMakeLists.txt: target_precompile_headers): the standard
// headers and nlohmann/json that most files include, so two cores do not parse them hundreds of
// times. Only third-party headers belong here; a file still includes what it uses.
#pragma once

#include <utility>  // first: g++ 12 needs it before Asio (see web.h)

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

// Reading the fields of a JSON request body the same way in every API file:
// a field of the wrong type reads as absent, so each handler says in its own
// words which field is missing or wrong.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "web/request.h"

namespace inloco::web {

// The body parsed; is_discarded() when it is not JSON.
inline nlohmann::json json_body(const Request& req) {
  return nlohmann::json::parse(req.raw.body(), nullptr, false);
}
inline bool is_json_object(const nlohmann::json& b) { return !b.is_discarded() && b.is_object(); }

inline std::string text_field(const nlohmann::json& b, const char* key) {
  return b.contains(key) && b[key].is_string() ? b[key].get<std::string>() : std::string();
}
inline std::optional<int64_t> int_field(const nlohmann::json& b, const char* key) {
  if (b.contains(key) && b[key].is_number_integer()) return b[key].get<int64_t>();
  return std::nullopt;
}
inline bool flag_field(const nlohmann::json& b, const char* key) {
  return b.contains(key) && b[key].is_boolean() && b[key].get<bool>();
}

// null when absent, for optional values in responses.
template <typename T>
nlohmann::json or_null(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace inloco::web

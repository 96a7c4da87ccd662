#include "web/request.h"

#include <charconv>

namespace inloco::web {

const Fields& Request::form() {
  if (!form_) {
    std::string type(raw[http::field::content_type]);
    if (type.starts_with("application/x-www-form-urlencoded"))
      form_ = parse_urlencoded(raw.body());
    else if (type.starts_with("multipart/form-data")) {
      auto mp = parse_multipart(type, raw.body());
      form_ = mp.ok() ? mp->fields : Fields{};
    } else {
      form_ = Fields{};
    }
  }
  return *form_;
}

Actor Request::actor() const {
  if (!user) return Actor{std::nullopt, "signed-out visitor", remote};
  return Actor{user->person_id, user->display_name + " (" + user->username + ")", remote};
}

bool Request::can(Capability c) const {
  if (school) return grants.can(c, school->id, school->trust_id);
  return grants.can_somewhere(c);
}

std::optional<int64_t> Request::int_param(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return std::nullopt;
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || v <= 0)
    return std::nullopt;
  return v;
}

}  // namespace inloco::web

// The HTTP types shared by the server, the router and the handlers.
#pragma once

// g++ 12 needs <utility> before Asio (see DESIGN.md); clang-format would sort it after.
// clang-format off
#include <utility>
#include <boost/beast/http.hpp>
// clang-format on

namespace inloco::web {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

}  // namespace inloco::web

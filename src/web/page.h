// Helpers shared by the HTML pages: the layout (header, navigation, school
// line), error pages, and the error-summary list of form problems.
#pragma once

#include <mstch/mstch.hpp>
#include <string>

#include "core/result.h"
#include "web/app.h"
#include "web/request.h"

namespace inloco::web {

HttpResponse render_page(AppContext& ctx, Request& req, const std::string& title,
                         const std::string& template_name, mstch::map context,
                         unsigned status = 200);

// An error as a page (or as JSON for /api/ requests).
HttpResponse error_response(AppContext& ctx, Request& req, const Error& error);

// {{> error_summary}} data: one entry per problem; `field` links to the input.
mstch::array error_list(const Error& error, const std::string& field = "");

// The school the navigation points at: the one in the path, or the first the
// person holds a role at.
std::optional<int64_t> nav_school_id(const Request& req);

std::string csrf_token(const Request& req);

}  // namespace inloco::web

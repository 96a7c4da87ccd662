// Each file under web/pages and web/api adds its routes here; app.cc calls them all.
#pragma once

#include "web/app.h"
#include "web/router.h"

namespace inloco::web {

void add_system_routes(Router& router, AppContext& ctx);    // /healthz, /metrics, /static
void add_sign_in_routes(Router& router, AppContext& ctx);   // /sign-in, /sign-out
void add_dashboard_routes(Router& router, AppContext& ctx); // /, /dashboard
void add_account_routes(Router& router, AppContext& ctx);   // /account
void add_people_routes(Router& router, AppContext& ctx);    // /schools/{school}/people
void add_import_routes(Router& router, AppContext& ctx);    // /schools/{school}/import
void add_audit_routes(Router& router, AppContext& ctx);     // /schools/{school}/audit
void add_api_routes(Router& router, AppContext& ctx);       // /api/v1/...

}  // namespace inloco::web

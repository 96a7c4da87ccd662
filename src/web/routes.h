// Each file under web/pages and web/api adds its routes here; app.cc calls them all.
#pragma once

#include "web/app.h"
#include "web/router.h"

namespace inloco::web {

void add_system_routes(Router& router, AppContext& ctx);     // /healthz, /metrics, /static
void add_sign_in_routes(Router& router, AppContext& ctx);    // /sign-in, /sign-out
void add_dashboard_routes(Router& router, AppContext& ctx);  // /, /dashboard
void add_my_account_routes(Router& router,
                           AppContext& ctx);              // /account: own password, second factor
void add_people_routes(Router& router, AppContext& ctx);  // /schools/{school}/people
void add_import_routes(Router& router, AppContext& ctx);  // /schools/{school}/import
void add_audit_routes(Router& router, AppContext& ctx);   // /schools/{school}/audit
void add_policy_routes(Router& router, AppContext& ctx);  // /schools/{school}/policy
void add_account_register_routes(Router& router, AppContext& ctx);  // /schools/{school}/accounts
void add_post_routes(Router& router, AppContext& ctx);     // /schools/{school}/posts, incidents
void add_consent_routes(Router& router, AppContext& ctx);  // /schools/{school}/consent
void add_consent_import_routes(Router& router,
                               AppContext& ctx);           // /schools/{school}/consent/import
void add_media_routes(Router& router, AppContext& ctx);    // /schools/{school}/media
void add_device_routes(Router& router, AppContext& ctx);   // /schools/{school}/devices
void add_concern_routes(Router& router, AppContext& ctx);  // /schools/{school}/concerns
void add_notice_routes(Router& router, AppContext& ctx);   // /notices: one's own notices
void add_filter_routes(Router& router,
                       AppContext& ctx);  // /schools/{school}/filtering: unblock requests
void add_site_report_routes(Router& router,
                            AppContext& ctx);  // /schools/{school}/filtering/reports/{report}
void add_filter_monitoring_routes(
    Router& router,
    AppContext& ctx);  // /schools/{school}/filtering/monitoring, people, circumvention
void add_filter_ban_routes(Router& router,
                           AppContext& ctx);  // /schools/{school}/filtering/bans/{ban}
void add_staff_conduct_routes(Router& router, AppContext& ctx);  // /schools/{school}/staff-conduct
void add_api_routes(Router& router, AppContext& ctx);            // /api/v1/...
void add_posts_api_routes(Router& router, AppContext& ctx);      // /api/v1/schools/{school}/posts
void add_consent_api_routes(Router& router, AppContext& ctx);    // /api/v1/schools/{school}/consent
void add_concerns_api_routes(Router& router, AppContext& ctx);  // /api/v1/schools/{school}/concerns
void add_staff_conduct_api_routes(Router& router,
                                  AppContext& ctx);  // /api/v1/schools/{school}/staff-conduct
void add_notices_api_routes(Router& router, AppContext& ctx);  // /api/v1/notices
void add_filter_api_routes(Router& router, AppContext& ctx);   // /api/v1/schools/{school}/filtering
void add_filter_monitoring_api_routes(
    Router& router, AppContext& ctx);  // /api/v1/schools/{school}/filtering: monitoring, bans
void add_media_api_routes(Router& router, AppContext& ctx);     // /api/v1/schools/{school}/media
void add_accounts_api_routes(Router& router, AppContext& ctx);  // /api/v1/schools/{school}/accounts

}  // namespace inloco::web

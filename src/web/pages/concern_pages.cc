// The safeguarding concern log's pages (INC-1..8, LAW-1..5): reporting
// (concern_report_pages.cc) and the cases (concern_case_pages.cc).
#include "web/pages/concern_view.h"
#include "web/routes.h"

namespace inloco::web {

void add_concern_routes(Router& router, AppContext& app) {
  add_concern_report_routes(router, app);  // the literal paths first: /report, /reports
  add_concern_case_routes(router, app);
}

}  // namespace inloco::web

// The safeguarding concern log's pages (INC-1..8, LAW-1..5): to be written.
#include "web/routes.h"

namespace inloco::web {

void add_concern_routes(Router&, AppContext&) {}

}  // namespace inloco::web

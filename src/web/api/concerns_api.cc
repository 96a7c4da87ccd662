// JSON API for the concern log: to be written.
#include "web/routes.h"

namespace inloco::web {

void add_concerns_api_routes(Router&, AppContext&) {}

}  // namespace inloco::web

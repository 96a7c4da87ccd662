// Staff conduct records' pages (STF-1..4): to be written.
#include "web/routes.h"

namespace inloco::web {

void add_staff_conduct_routes(Router&, AppContext&) {}

}  // namespace inloco::web

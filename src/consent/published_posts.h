// The interface the posts capability implements so that a withdrawal of
// consent (CON-5) can list every published post that shows the pupil.
//
// Posts are not part of the consent register: the register asks through a
// PublishedPostsFinder handed to it by the caller (the web layer or the
// command line), so this folder does not depend on src/posts/.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.h"
#include "core/result.h"
#include "store/database.h"

namespace inloco {

struct PublishedPostRef {
  int64_t post_id = 0;
  int64_t account_id = 0;     // official_accounts.id the post is published on
  std::string live_url;       // where it can be seen now
  CalendarDate published_on;  // the UTC day it was published
};

// Every post still published that shows `pupil_id` in a way covered by
// `use` (photographs for images_school_accounts, ...). Called inside the
// withdrawal's transaction with its connection; must not write.
using PublishedPostsFinder = std::function<Result<std::vector<PublishedPostRef>>(
    Connection&, int64_t pupil_id, std::string_view use)>;

}  // namespace inloco

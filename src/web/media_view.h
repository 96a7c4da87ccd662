// How an image of the media library is shown, on its own pages and beside
// the posts that carry it: its picture, its source and owner (PST-6), the
// device that took it (PST-10) and what was removed from it (PST-11).
#pragma once

#include <mstch/mstch.hpp>

#include "media/media_store.h"
#include "web/request.h"

namespace inloco::web {

mstch::map media_card(const Request& req, const MediaItem& item);

}  // namespace inloco::web

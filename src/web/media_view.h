// How an image of the media library is shown, on its own pages and beside
// the posts that carry it: its picture, its source and owner (PST-6), the
// device that took it (PST-10) and what was removed from it (PST-11). Which
// images may be shown at all is media/media_access.h's rule; the card links
// to the image at its own school's address.
#pragma once

#include <mstch/mstch.hpp>

#include "media/media_store.h"

namespace inloco::web {

mstch::map media_card(const MediaItem& item);

}  // namespace inloco::web

#include "profile/platform_registry.h"

#include <array>

namespace inloco {
namespace {

constexpr std::array<Platform, 16> kPlatforms = {{
    {"facebook", "Facebook"},
    {"instagram", "Instagram"},
    {"x", "X (Twitter)"},
    {"youtube", "YouTube"},
    {"tiktok", "TikTok"},
    {"linkedin", "LinkedIn"},
    {"threads", "Threads"},
    {"bluesky", "Bluesky"},
    {"whatsapp", "WhatsApp"},
    {"flickr", "Flickr"},
    {"vimeo", "Vimeo"},
    {"pinterest", "Pinterest"},
    {"snapchat", "Snapchat"},
    {"mastodon", "Mastodon"},
    {"school_blog", "School blog", "the school blog"},
    {"podcast", "Podcast", "the school podcast"},
}};

}  // namespace

std::span<const Platform> known_platforms() { return kPlatforms; }

const Platform* find_platform(std::string_view key) {
  for (const Platform& p : kPlatforms)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace inloco

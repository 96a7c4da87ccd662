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

using D = std::string_view;
constexpr D kFacebook[] = {"facebook.com", "facebook.net", "fb.com",       "fb.me",
                           "fbcdn.net",    "fbsbx.com",    "messenger.com"};
constexpr D kInstagram[] = {"instagram.com", "cdninstagram.com", "instagr.am", "ig.me"};
constexpr D kX[] = {"x.com", "twitter.com", "twimg.com", "t.co"};
constexpr D kYoutube[] = {"youtube.com",          "youtu.be",        "ytimg.com",
                          "youtube-nocookie.com", "googlevideo.com", "youtubei.googleapis.com"};
constexpr D kTiktok[] = {"tiktok.com", "tiktokcdn.com", "tiktokcdn-us.com", "tiktokv.com",
                         "musical.ly"};
constexpr D kLinkedin[] = {"linkedin.com", "licdn.com", "lnkd.in"};
constexpr D kThreads[] = {"threads.net", "threads.com"};
constexpr D kBluesky[] = {"bsky.app", "bsky.social"};
constexpr D kWhatsapp[] = {"whatsapp.com", "whatsapp.net", "wa.me"};
constexpr D kFlickr[] = {"flickr.com", "staticflickr.com", "flic.kr"};
constexpr D kVimeo[] = {"vimeo.com", "vimeocdn.com"};
constexpr D kPinterest[] = {"pinterest.com", "pinterest.co.uk", "pinimg.com", "pin.it"};
constexpr D kSnapchat[] = {"snapchat.com", "snap.com", "sc-cdn.net"};
// Federated: only the largest servers; a school adds others to its own lists.
constexpr D kMastodon[] = {"mastodon.social", "mastodon.online", "joinmastodon.org"};
constexpr D kReddit[] = {"reddit.com", "redd.it", "redditmedia.com", "redditstatic.com"};
constexpr D kTumblr[] = {"tumblr.com"};
constexpr D kWordpress[] = {"wordpress.com"};
constexpr D kAskFm[] = {"ask.fm"};
constexpr D kDiscord[] = {"discord.com", "discord.gg", "discordapp.com", "discordapp.net",
                          "discord.media"};
constexpr D kTwitch[] = {"twitch.tv", "twitchcdn.net", "ttvnw.net", "jtvnw.net"};
constexpr D kTelegram[] = {"telegram.org", "telegram.me", "t.me"};
constexpr D kBereal[] = {"bereal.com", "bere.al"};
constexpr D kKick[] = {"kick.com"};

// Ages from each site's terms of use for UK users (2026).
constexpr SiteFacts kSites[] = {
    {"facebook", kFacebook, 13}, {"instagram", kInstagram, 13}, {"x", kX, 13},
    {"youtube", kYoutube, 13},   {"tiktok", kTiktok, 13},       {"linkedin", kLinkedin, 16},
    {"threads", kThreads, 13},   {"bluesky", kBluesky, 13},     {"whatsapp", kWhatsapp, 13},
    {"flickr", kFlickr, 13},     {"vimeo", kVimeo, 13},         {"pinterest", kPinterest, 13},
    {"snapchat", kSnapchat, 13}, {"mastodon", kMastodon, 0},    {"reddit", kReddit, 13},
    {"tumblr", kTumblr, 13},     {"wordpress", kWordpress, 13}, {"ask_fm", kAskFm, 13},
    {"discord", kDiscord, 13},   {"twitch", kTwitch, 13},       {"telegram", kTelegram, 16},
    {"bereal", kBereal, 13},     {"kick", kKick, 18},
};

const SiteFacts* find_site(std::string_view key) {
  for (const SiteFacts& s : kSites)
    if (s.key == key) return &s;
  return nullptr;
}

}  // namespace

std::span<const SiteFacts> filter_sites() { return kSites; }

std::span<const std::string_view> site_domains(std::string_view key) {
  const SiteFacts* s = find_site(key);
  return s ? s->domains : std::span<const std::string_view>{};
}

int site_minimum_age(std::string_view key) {
  const SiteFacts* s = find_site(key);
  return s ? s->minimum_age : 0;
}

std::span<const Platform> known_platforms() { return kPlatforms; }

const Platform* find_platform(std::string_view key) {
  for (const Platform& p : kPlatforms)
    if (p.key == key) return &p;
  return nullptr;
}

}  // namespace inloco

// The social media platforms inloco knows: the one list that the account
// register offers (accounts/platform.h parses what people type) and that a
// policy profile's site lists start from (vocabulary.h). It lives here, below
// accounts, so that the profile can name platforms without depending on the
// account register.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace inloco {

struct Platform {
  std::string_view key;    // stored: "facebook", "x", "school_blog"
  std::string_view label;  // shown: "Facebook", "X (Twitter)", "School blog"
  // Inside a sentence of the policy document, when the label reads badly
  // there ("accounts on the school blog"); empty means the label.
  std::string_view in_sentence = {};

  std::string_view sentence_label() const { return in_sentence.empty() ? label : in_sentence; }
};

// In the order they are offered on forms.
std::span<const Platform> known_platforms();

// The platform stored as `key`; nullptr when this version does not know it.
const Platform* find_platform(std::string_view key);

// What the web filter needs to know of a site of the profile's site
// vocabulary (a platform above, or a further site such as "discord"): the
// registered domains it serves its pages, apps and media from (each blocks
// itself and every subdomain), and the minimum age its terms of use set.
// The school's own sites ("school_blog", "podcast") and "all" have none.
// Why here: the one list of platforms, so a platform added to the register
// is added to the filter by giving it domains in the same file.
struct SiteFacts {
  std::string_view key;
  std::span<const std::string_view> domains;
  int minimum_age = 0;  // 0: the terms state none (the profile's minimum_age applies)
};

// Every site the filter can recognise (with domains), in vocabulary order.
std::span<const SiteFacts> filter_sites();
// The domains of `key`; empty when the filter cannot recognise it.
std::span<const std::string_view> site_domains(std::string_view key);
// The minimum age in `key`'s terms of use; 0 when none or unknown.
int site_minimum_age(std::string_view key);

}  // namespace inloco

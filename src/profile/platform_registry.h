// The social media platforms inloco knows: the one list that the account
// register offers (accounts/platform.h parses what people type) and that a
// policy profile's site lists start from (vocabulary.h). It lives here, below
// accounts, so that the profile can name platforms without depending on the
// account register.
#pragma once

#include <span>
#include <string_view>

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

}  // namespace inloco

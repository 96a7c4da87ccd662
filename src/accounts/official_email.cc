#include "accounts/official_email.h"

#include <array>

#include "people/person_fields.h"

namespace inloco {
namespace {

constexpr std::array<std::string_view, 22> kPersonalDomains = {
    "gmail.com",       "googlemail.com",   "outlook.com",    "msn.com",         "icloud.com",
    "me.com",          "mac.com",          "ymail.com",      "rocketmail.com",  "proton.me",
    "pm.me",           "mail.com",         "btinternet.com", "btopenworld.com", "sky.com",
    "virginmedia.com", "blueyonder.co.uk", "talktalk.net",   "tiscali.co.uk",   "ntlworld.com",
    "zoho.com",        "yandex.com"};

// Services with a domain per country: yahoo.co.uk, hotmail.fr, live.co.uk, ...
constexpr std::array<std::string_view, 7> kPersonalPrefixes = {
    "yahoo.", "hotmail.", "live.", "aol.", "gmx.", "protonmail.", "outlook."};

}  // namespace

bool is_personal_webmail_domain(std::string_view domain) {
  std::string d = ascii_lower(trim(domain));
  for (std::string_view p : kPersonalDomains)
    if (d == p) return true;
  for (std::string_view p : kPersonalPrefixes)
    if (d.starts_with(p)) return true;
  return false;
}

Result<std::string> normalise_official_email(std::string_view email) {
  std::string e(trim(email));
  if (e.size() > kMaxEmailLength || !looks_like_email(e))
    return Error::invalid("'" + e.substr(0, 80) +
                          "' does not look like an email address; give the school address "
                          "the account is registered to, such as office@yourschool.sch.uk.");
  size_t at = e.rfind('@');
  std::string domain = ascii_lower(e.substr(at + 1));
  if (is_personal_webmail_domain(domain))
    return Error::invalid(e + " is a personal email address (" + domain +
                          "). Register the account to an official school address instead, so "
                          "the school keeps access when people leave.");
  return e.substr(0, at + 1) + domain;
}

}  // namespace inloco

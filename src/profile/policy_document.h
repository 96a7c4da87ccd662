// The school's social media policy in plain English, written from its policy
// profile (RPT-3), so that what is published and what inloco enforces are the
// same rules: change a setting and the sentence that states it changes.
//
// The document is structured (title, version line, sections of paragraphs
// and bullets) so the web page renders it with its own markup and the
// command line prints it as text. It is written for parents and staff, uses
// the school's own titles for roles ("Principal"), and gives the policy's
// version, adoption and review dates.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/calendar_date.h"
#include "profile/policy_profile.h"

namespace inloco {

struct PolicySection {
  std::string heading;
  std::vector<std::string> paragraphs;  // shown first
  std::vector<std::string> bullets;     // then these, as a list
};

struct PolicyDocument {
  std::string title;  // the policy's name
  std::string
      version_line;  // "Version 2.1. Adopted 4 May 2021. ... Next review due by 1 March 2022."
  std::vector<PolicySection> sections;
};

PolicyDocument policy_document(const PolicyProfile& profile, const std::string& school_name);

// For a terminal: headings underlined, paragraphs wrapped at `width`
// columns (0: one line each), bullets indented.
std::string policy_document_text(const PolicyDocument& document, size_t width = 78);

// "2021-05-04" -> "4 May 2021"; anything else is returned unchanged.
std::string long_date(const std::string& iso_date);
// The day as a page shows it: "4 May 2021".
std::string long_date(const CalendarDate& day);

}  // namespace inloco

#include "demo/demo_profiles.h"

#include "profile/profile_store.h"
#include "profile/shipped_profiles.h"

namespace inloco {

namespace {

// Replaces `key = old` with `key = value` in the profile text (the first one).
std::string set_value(std::string text, const std::string& line, const std::string& replacement) {
  auto pos = text.find(line);
  if (pos != std::string::npos) text.replace(pos, line.size(), replacement);
  return text;
}

std::string adopted(std::string_view base, const std::string& version, const std::string& date,
                    const std::string& next) {
  std::string t(base);
  t = set_value(t, "version = \"1.0\"", "version = \"" + version + "\"");
  t = set_value(t, "adopted = \"\"", "adopted = \"2025-09-01\"");
  t = set_value(t, "committee = \"\"", "committee = \"Full governing board\"");
  t = set_value(t, "minute = \"\"", "minute = \"FGB 2025-07 item 6\"");
  t = set_value(t, "last_review = \"\"", "last_review = \"" + date + "\"");
  t = set_value(t, "next_review = \"\"", "next_review = \"" + next + "\"");
  return t;
}

}  // namespace

Status assign_demo_profiles(Database& db, const Clock& clock, const DemoTrust& demo) {
  ShippedProfile base = TRY(find_shipped_profile(kDefaultProfileKey));
  Actor actor{std::nullopt, "demo", "cli"};
  return db.transaction([&](Connection& c) -> Status {
    for (const School& s : demo.schools) {
      TRY(assign_profile(SchoolScope{c, clock, actor, s.id},
                         adopted(base.text, "1.0", "2025-09-01", "2026-09-01"),
                         kDefaultProfileKey));
      if (s.code == "oakfield") {
        // The 2026 review: access to accounts is now reviewed every four months.
        std::string reviewed = adopted(base.text, "1.1", "2026-09-14", "2027-09-01");
        reviewed = set_value(reviewed, "access_review_months = 6", "access_review_months = 4");
        // ... and staff may contact families through personal accounts with the head's prior
        // approval (STF-2).
        reviewed = set_value(reviewed, "personal_contact = \"never\"",
                             "personal_contact = \"with_approval\"");
        // ... and a pupil who keeps trying to get round the filter uses the network only under
        // supervision (NET-6).
        reviewed = set_value(reviewed, "circumvention = \"record_only\"",
                             "circumvention = \"supervised_use_only\"");
        TRY(assign_profile(SchoolScope{c, clock, actor, s.id}, reviewed, kDefaultProfileKey));
      }
    }
    return {};
  });
}

}  // namespace inloco

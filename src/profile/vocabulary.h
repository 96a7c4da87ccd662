// The words a policy profile may use: every list of keys the loader accepts
// (sites, post objectives, checks, consent uses, concern types, ...), each
// key with the label people read in the policy document.
//
// Why one place: the loader refuses a key that is not here (naming the ones
// that are), the document writer labels keys from here, and the capabilities
// that enforce a rule compare against the same keys. Adding a word is adding
// one line here and one line in docs/profiles.md.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace inloco {

struct Term {
  std::string_view key;    // "event_reminder"
  std::string_view label;  // "reminders about coming events"
};

struct Vocabulary {
  std::string_view what;  // "post objective": names the kind of key in messages
  std::span<const Term> terms;

  bool contains(std::string_view key) const;
  std::optional<std::string_view> label(std::string_view key) const;
  std::vector<std::string> keys() const;
};

// Social media sites the filter and the account register know: every
// platform of platform_registry.h, then further sites pupils use. "all" in a
// filter list means every one of these.
const Vocabulary& site_vocabulary();
const Vocabulary& objective_vocabulary();         // PST-1, plus the seeds' additions
const Vocabulary& check_vocabulary();             // PST-2/3/4 categories
const Vocabulary& consent_use_vocabulary();       // built-in uses (profiles may add more)
const Vocabulary& consenter_vocabulary();         // who may give consent (CON-2)
const Vocabulary& risk_area_vocabulary();         // INC-2: content, contact, conduct, commerce
const Vocabulary& risk_kind_vocabulary();         // INC-2: commercial, aggressive, sexual, values
const Vocabulary& concern_type_vocabulary();      // INC-2 types and the secondary's criminal types
const Vocabulary& report_step_vocabulary();       // MOD-6: steps when reporting to a platform
const Vocabulary& member_vocabulary();            // filter group members: person kinds and guests
const Vocabulary& agreement_vocabulary();         // TRN-2
const Vocabulary& retention_record_vocabulary();  // LAW-6 record types
const Vocabulary& role_vocabulary();              // people/role.h keys and labels

// The edit distance nearest key to `word` among `candidates`, when it is
// close enough to be a likely typing slip; otherwise empty.
std::optional<std::string> nearest_key(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace inloco

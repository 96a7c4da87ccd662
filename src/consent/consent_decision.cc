#include "consent/consent_decision.h"

#include <algorithm>

#include "people/person_fields.h"
#include "profile/vocabulary.h"

namespace inloco {

std::string_view consent_state_key(ConsentState state) {
  switch (state) {
    case ConsentState::kNone:
      return "none";
    case ConsentState::kGranted:
      return "granted";
    case ConsentState::kRefused:
      return "refused";
  }
  return "none";
}

std::string_view consent_state_label(ConsentState state) {
  switch (state) {
    case ConsentState::kNone:
      return "No decision";
    case ConsentState::kGranted:
      return "Granted";
    case ConsentState::kRefused:
      return "Refused";
  }
  return "No decision";
}

std::optional<ConsentState> parse_consent_state(std::string_view text, bool allow_none) {
  std::string t = ascii_lower(trim(text));
  if (t == "granted" || t == "grant" || t == "given" || t == "consent" || t == "yes" || t == "y")
    return ConsentState::kGranted;
  if (t == "refused" || t == "refuse" || t == "withheld" || t == "no" || t == "n")
    return ConsentState::kRefused;
  if (allow_none && (t == "none" || t == "no decision")) return ConsentState::kNone;
  return std::nullopt;
}

std::string_view decision_kind_key(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kInitial:
      return "initial";
    case DecisionKind::kAmendment:
      return "amendment";
    case DecisionKind::kWithdrawal:
      return "withdrawal";
  }
  return "initial";
}

std::optional<DecisionKind> parse_decision_kind(std::string_view key) {
  for (DecisionKind k :
       {DecisionKind::kInitial, DecisionKind::kAmendment, DecisionKind::kWithdrawal})
    if (decision_kind_key(k) == key) return k;
  return std::nullopt;
}

std::vector<std::string> consent_uses(const ConsentRules& rules) {
  std::vector<std::string> out = {std::string(kImagesUse), std::string(kVideosUse)};
  auto add = [&](const std::string& key) {
    if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
  };
  for (const std::string& u : rules.uses) add(u);
  for (const auto& [key, label] : rules.custom_uses) add(key);
  return out;
}

bool is_consent_use(const ConsentRules& rules, std::string_view use) {
  auto uses = consent_uses(rules);
  return std::find(uses.begin(), uses.end(), use) != uses.end();
}

std::string consent_use_label(const ConsentRules& rules, std::string_view use) {
  if (auto it = rules.custom_uses.find(std::string(use)); it != rules.custom_uses.end())
    return it->second;
  if (auto label = consent_use_vocabulary().label(use)) return std::string(*label);
  return std::string(use);
}

}  // namespace inloco

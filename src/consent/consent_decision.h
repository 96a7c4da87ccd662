// The consent register's values (CON-1..4): the uses a school asks consent
// for, a decision as it is recorded on a paper form, and a stored decision.
//
// A decision is about one pupil, one academic year and one use: granted or
// refused, by whom (a parent or carer with parental responsibility, or the
// pupil when the school has judged them competent: CON-2), on what date, from
// which form. Partial consent (images but not videos, CON-3) is simply two
// decisions. Values only; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/academic_year.h"
#include "core/calendar_date.h"
#include "profile/policy_profile.h"

namespace inloco {

inline constexpr std::string_view kImagesUse = "images_school_accounts";
inline constexpr std::string_view kVideosUse = "videos_school_accounts";
inline constexpr size_t kMaxFormReferenceLength = 100;
inline constexpr size_t kMaxConsentNoteLength = 1000;

// kNone: nothing recorded for that year, which counts as no consent.
enum class ConsentState { kNone, kGranted, kRefused };
std::string_view consent_state_key(ConsentState state);    // "none", "granted", "refused"
std::string_view consent_state_label(ConsentState state);  // "No decision", "Granted", "Refused"
// "granted"/"refused" (also yes/no, given, consent, y/n) in any case; "none" only if allow_none.
std::optional<ConsentState> parse_consent_state(std::string_view text, bool allow_none = false);

// initial: the first decision of the year for that pupil and use; amendment:
// a later one; withdrawal: a refusal that ends consent which was granted.
enum class DecisionKind { kInitial, kAmendment, kWithdrawal };
std::string_view decision_kind_key(DecisionKind kind);
std::optional<DecisionKind> parse_decision_kind(std::string_view key);

// Every use the school records consent for: images and videos on the
// school's accounts always, then the profile's other uses and custom uses,
// without repeats.
std::vector<std::string> consent_uses(const ConsentRules& rules);
bool is_consent_use(const ConsentRules& rules, std::string_view use);
// "photographs on the school's social media accounts", a custom use's label, or the key.
std::string consent_use_label(const ConsentRules& rules, std::string_view use);

// What a form says, as the office enters it.
struct ConsentEntry {
  int64_t pupil_id = 0;
  std::string use;
  ConsentState decision = ConsentState::kGranted;  // kGranted or kRefused
  int64_t given_by_person_id = 0;                  // a parent/carer, or pupil_id itself
  CalendarDate given_on;                           // the date on the form
  // Defaults: the year given_on falls in, effective from given_on (or the
  // first day of the year when the form is for a year not yet begun).
  std::optional<AcademicYear> year;
  std::optional<CalendarDate> effective_from;
  std::string form_reference;
  std::string note;
};

// A stored decision: one row of consent_decisions, with names for showing.
struct ConsentDecision {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t pupil_id = 0;
  std::string pupil_name;
  AcademicYear year;
  std::string use;
  ConsentState decision = ConsentState::kGranted;
  DecisionKind kind = DecisionKind::kInitial;
  int64_t given_by_person_id = 0;
  std::string given_by_name;
  std::string given_as;  // "parental_responsibility" or "competent_pupil"
  CalendarDate given_on;
  CalendarDate effective_from;
  std::string form_reference;
  std::string note;
  std::optional<int64_t> recorded_by;
  std::string recorded_by_name;
  int64_t recorded_at = 0;
};

// What counts for a pupil, a use and a day (consent_for).
struct ConsentStatus {
  ConsentState state = ConsentState::kNone;
  std::optional<int64_t> decision_id;          // the decision that counts, if any
  AcademicYear year;                           // the day's academic year
  std::optional<CalendarDate> effective_from;  // of that decision

  bool granted() const { return state == ConsentState::kGranted; }
};

}  // namespace inloco

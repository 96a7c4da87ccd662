// Reporting a concern (INC-1, INC-2, INC-8): anyone on staff reports what
// happened, when, who it is about and who else is involved; the concern is
// checked against the school's profile, stored, routed (concern_routing.h)
// and audited in one go. The reporter then sees their own report as they
// submitted it (submitted_report), never the case as it develops.
//
// Functions take a Connection so callers compose them in one transaction;
// call them inside Database::transaction (they audit there). The school's
// ConcernRules come from its profile (the caller loads it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "concerns/concern.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxInvolvedPeople = 30;

struct InvolvedPerson {
  std::optional<int64_t> person_id;  // a person of the school
  std::string description;           // or someone outside it: "an adult calling himself Jay"
  Involvement involvement = Involvement::kAffected;
};

struct ConcernReport {
  std::optional<int64_t> happened_at;  // required; not in the future
  std::string what_happened;           // required
  SubjectKind subject_kind = SubjectKind::kPupil;
  std::optional<int64_t> subject_person_id;  // required for nobody; a description will do
  std::string subject_description;
  std::vector<InvolvedPerson> involved;
  std::string platform;                  // "Instagram", "a WhatsApp group", ...
  std::string risk_area;                 // a key of ConcernRules::risk_areas; required
  std::string risk_kind;                 // a key of ConcernRules::kinds; optional
  std::string type;                      // a key of ConcernRules::types; required
  bool involves_personal_data = false;   // images included; always true for "data_breach"
  bool about_official_accounts = false;  // a complaint about the school's accounts or posts
};

struct ReportedConcern {
  int64_t concern_id = 0;
  int64_t reported_at = 0;
  // For in-application notices to the people routed to; never shown to the
  // reporter, who may not learn where a concern about a colleague went.
  std::vector<int64_t> routed_to;
  bool fell_back = false;
};

// Stores and routes a concern reported by at.actor.person_id. kInvalid (every
// problem: the first in the message, the rest in details) for a missing date
// or description, a date in the future, a type, risk area or kind the
// profile does not list, a person who is not of the school or not of the
// kind chosen, text that is not valid UTF-8 or too long; kForbidden when the
// actor is not a person; kConflict when no one at the school or its trust can
// safely receive it (nothing is stored: the message says what to do).
// Audited "concern.report".
Result<ReportedConcern> report_concern(const SchoolScope& at, const ConcernRules& rules,
                                       const ConcernReport& report);

// INC-8's quick report: a message, or a friend or follow request, received on
// the reporter's own personal account from a pupil, a parent or someone
// outside the school. Stored as a concern of type "personal_account_contact"
// (whether or not the profile lists it: INC-8 is always recorded), risk area
// "contact" when the profile has it, routed by routing.personal_account_contact.
enum class ContactKind { kMessage, kFriendRequest, kFollowRequest };
std::string_view contact_kind_key(
    ContactKind kind);  // "message", "friend_request", "follow_request"
std::optional<ContactKind> parse_contact_kind(std::string_view key);

struct PersonalAccountContact {
  std::optional<int64_t> happened_at;
  ContactKind contact = ContactKind::kFriendRequest;
  SubjectKind from_kind = SubjectKind::kPupil;  // kPupil, kParent or kOutside
  std::optional<int64_t> from_person_id;
  std::string from_description;
  std::string platform;  // required
  std::string note;      // optional: what the message said, what the reporter did
};
Result<ReportedConcern> report_personal_account_contact(const SchoolScope& at,
                                                        const ConcernRules& rules,
                                                        const PersonalAccountContact& contact);

// What the reporter submitted, and the evidence they added themselves:
// nothing of the developing case (no actions, routing or others' evidence).
struct SubmittedReport {
  int64_t concern_id = 0;
  int64_t reported_at = 0;
  int64_t happened_at = 0;
  std::string what_happened;
  SubjectKind subject_kind = SubjectKind::kPupil;
  std::string subject_name;
  std::vector<ConcernParty> involved;
  std::string platform;
  std::string risk_area;
  std::string risk_kind;
  std::string type;
  bool involves_personal_data = false;
  bool about_official_accounts = false;
  std::vector<EvidenceItem> own_evidence;
};

// kForbidden unless at.actor.person_id reported it; kNotFound for a concern of
// another school. Audited "concern.view_report".
Result<SubmittedReport> submitted_report(const SchoolScope& at, int64_t concern_id);

// The concerns this person reported at the school, newest first: id, when and
// type only, for a "your reports" list. Not audited: one's own submissions.
struct OwnReport {
  int64_t concern_id = 0;
  int64_t reported_at = 0;
  std::string type;
  SubjectKind subject_kind = SubjectKind::kPupil;
};
Result<std::vector<OwnReport>> reports_by(Connection& conn, int64_t school_id, int64_t person_id);

}  // namespace inloco

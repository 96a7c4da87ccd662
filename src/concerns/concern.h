// A safeguarding concern (INC-1..8, LAW-1..5): what was reported, who it is
// about, who may open the case, its evidence and its chronology of actions.
// The model only; reporting is concern_reports.h, routing concern_routing.h,
// access case_access.h, evidence concern_evidence.h, actions and closure
// concern_actions.h, a pupil's chronology pupil_chronology.h.
//
// Values only; thread-safe to copy and read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace inloco {

// Who a concern is about (INC-3). kHeadteacher is a kind of its own because
// it changes where the concern goes (to the chair of governors, LAW-3).
enum class SubjectKind { kPupil, kStaff, kHeadteacher, kParent, kOutside };
std::string_view subject_kind_key(SubjectKind kind);    // "pupil", ..., "outside" (stored)
std::string_view subject_kind_label(SubjectKind kind);  // "a pupil", "the headteacher", ...
std::optional<SubjectKind> parse_subject_kind(std::string_view key);

// How someone else is involved.
enum class Involvement { kAffected, kResponsible, kWitness, kOther };
std::string_view involvement_key(Involvement involvement);  // "affected", "responsible", ...
std::optional<Involvement> parse_involvement(std::string_view key);

enum class ConcernStatus { kOpen, kClosed };
std::string_view concern_status_key(ConcernStatus status);  // "open", "closed"

// INC-4.
enum class EvidenceKind { kMessage, kEmail, kVoicemailNote, kWebAddress, kScreenshot, kFile };
std::string_view evidence_kind_key(EvidenceKind kind);  // "message", ..., "voicemail_note", ...
std::string_view evidence_kind_label(EvidenceKind kind);
std::optional<EvidenceKind> parse_evidence_kind(std::string_view key);

// INC-6, LAW-1, LAW-3, LAW-4, LAW-5. kIcoDecision, kClosed and kReopened are
// written by record_ico_decision, close_concern and reopen_concern only.
enum class ActionKind {
  kNote,               // a discussion or decision not covered below
  kPlatformContacted,  // counterpart: the platform or host; detail: the outcome
  kCeop,               // decision: report made or not; reason required
  kPolice,             // decision: police involved or not; reason required
  kParentsInformed,    // counterpart: who was told; detail: how and what
  kSanction,           // detail: the sanction
  kSupportOffered,     // counterpart: to whom; detail: what support
  kInformationShared,  // LAW-5: detail what, counterpart with whom, reason why
  kLadoReferral,       // LAW-3: decision referred or not; reason required
  kLowLevelConcern,    // LAW-3: kept as a low-level concern; reason required
  kIcoDecision,
  kClosed,
  kReopened,
};
std::string_view action_kind_key(ActionKind kind);  // "platform_contacted", ... (stored)
std::string_view action_kind_label(ActionKind kind);
std::optional<ActionKind> parse_action_kind(std::string_view key);

struct ConcernParty {
  std::optional<int64_t> person_id;
  std::string name;         // the person's name, or the description of someone outside
  std::string description;  // as entered: "an older boy from another school"
  Involvement involvement = Involvement::kAffected;
};

// Someone who may open the case (IAM-2).
struct CaseViewer {
  int64_t person_id = 0;
  std::string name;
  bool added = false;                   // false: routed when it was reported
  std::vector<std::string> routed_for;  // route keys: "pupil", "personal_data", "fallback", ...
  std::string role;                     // role key it was routed by; empty when added
  std::string reason;                   // why they were added
  std::optional<int64_t> added_by;
  std::string added_by_name;
  int64_t added_at = 0;
};

struct EvidenceItem {
  int64_t id = 0;
  int64_t concern_id = 0;
  EvidenceKind kind = EvidenceKind::kMessage;
  int64_t refers_to = 0;  // the time of the message, call, page seen, ...
  std::string description;
  // The address as this viewer may see it: live, or inert (defanged) for
  // those who should not be led to open it (INC-5).
  std::string address;
  bool address_is_live = false;
  std::optional<std::string> file_sha256;  // hex; shown so anyone can check the file
  std::optional<int64_t> file_size;
  std::string file_type;  // "jpeg", "png", "webp", "pdf", "text", "email"
  std::string file_name;
  int64_t added_by = 0;
  std::string added_by_name;
  int64_t added_at = 0;
};

struct ConcernAction {
  int64_t id = 0;
  int64_t concern_id = 0;
  ActionKind kind = ActionKind::kNote;
  int64_t taken_at = 0;
  std::optional<bool> decision;  // made / involved / referred / reported, for the decision kinds
  std::string counterpart;
  std::string detail;
  std::string reason;
  int64_t recorded_by = 0;
  std::string recorded_by_name;
  int64_t recorded_at = 0;
};

struct Concern {
  int64_t id = 0;
  int64_t school_id = 0;
  int64_t reported_by = 0;
  std::string reported_by_name;
  int64_t reported_at = 0;
  int64_t happened_at = 0;
  std::string what_happened;
  SubjectKind subject_kind = SubjectKind::kPupil;
  std::optional<int64_t> subject_person_id;
  std::string subject_name;  // the person's name, else the description
  std::string subject_description;
  std::string platform;
  std::string risk_area;
  std::string risk_kind;
  std::string type;
  bool involves_personal_data = false;
  bool about_official_accounts = false;
  bool fell_back = false;
  std::vector<std::string> routing_notes;
  bool lado_decision_needed = false;
  ConcernStatus status = ConcernStatus::kOpen;
  std::optional<int64_t> closed_by;
  std::string closed_by_name;
  std::optional<int64_t> closed_at;
  std::string lessons_learnt;
  std::string policy_change;
  std::optional<int64_t> ico_decision_due;
  std::optional<bool> ico_reported;  // empty until the DPO decides
  std::string ico_reason;
  std::optional<int64_t> ico_decided_by;
  std::string ico_decided_by_name;
  std::optional<int64_t> ico_decided_at;

  // LAW-4: personal data involved, no decision yet, and the clock has run out.
  bool ico_decision_overdue(int64_t now) const {
    return ico_decision_due && !ico_reported && now > *ico_decision_due;
  }
};

// LAW-3 (KCSIE part 4): an allegation about staff reaches the LADO within one
// working day, so the decision (referred, or kept as a low-level concern) is
// due at the same time on the next weekday after it was reported. Bank
// holidays are not known here; the clock errs early, never late.
int64_t lado_decision_due(int64_t reported_at);

// Everything a person who may open the case sees.
struct ConcernCase {
  Concern concern;
  std::vector<ConcernParty> involved;
  std::vector<CaseViewer> viewers;
  std::vector<EvidenceItem> evidence;  // by the time they refer to
  std::vector<ConcernAction> actions;  // the chronology, in the order they were taken

  // LAW-3: a referral to the LADO, or the decision to keep it as a
  // low-level concern, is in the chronology.
  bool lado_decision_recorded() const;
  // The LADO decision is needed, not recorded, and one working day has passed.
  bool lado_decision_overdue(int64_t now) const {
    return concern.lado_decision_needed && !lado_decision_recorded() &&
           now > lado_decision_due(concern.reported_at);
  }
};

}  // namespace inloco

#include "concerns/concern.h"

#include <algorithm>
#include <array>
#include <utility>

namespace inloco {
namespace {

template <typename E, size_t N>
std::optional<E> parse_key(std::string_view key, const std::array<E, N>& all,
                           std::string_view (*key_of)(E)) {
  for (E e : all)
    if (key_of(e) == key) return e;
  return std::nullopt;
}

constexpr std::array kSubjectKinds = {SubjectKind::kPupil, SubjectKind::kStaff,
                                      SubjectKind::kHeadteacher, SubjectKind::kParent,
                                      SubjectKind::kOutside};
constexpr std::array kInvolvements = {Involvement::kAffected, Involvement::kResponsible,
                                      Involvement::kWitness, Involvement::kOther};
constexpr std::array kEvidenceKinds = {EvidenceKind::kMessage,       EvidenceKind::kEmail,
                                       EvidenceKind::kVoicemailNote, EvidenceKind::kWebAddress,
                                       EvidenceKind::kScreenshot,    EvidenceKind::kFile};
constexpr std::array kActionKinds = {ActionKind::kNote,
                                     ActionKind::kPlatformContacted,
                                     ActionKind::kCeop,
                                     ActionKind::kPolice,
                                     ActionKind::kParentsInformed,
                                     ActionKind::kSanction,
                                     ActionKind::kSupportOffered,
                                     ActionKind::kInformationShared,
                                     ActionKind::kLadoReferral,
                                     ActionKind::kLowLevelConcern,
                                     ActionKind::kIcoDecision,
                                     ActionKind::kClosed,
                                     ActionKind::kReopened};

}  // namespace

std::string_view subject_kind_key(SubjectKind kind) {
  switch (kind) {
    case SubjectKind::kPupil:
      return "pupil";
    case SubjectKind::kStaff:
      return "staff";
    case SubjectKind::kHeadteacher:
      return "headteacher";
    case SubjectKind::kParent:
      return "parent";
    case SubjectKind::kOutside:
      return "outside";
  }
  return "pupil";
}

std::string_view subject_kind_label(SubjectKind kind) {
  switch (kind) {
    case SubjectKind::kPupil:
      return "a pupil";
    case SubjectKind::kStaff:
      return "a member of staff";
    case SubjectKind::kHeadteacher:
      return "the headteacher";
    case SubjectKind::kParent:
      return "a parent or carer";
    case SubjectKind::kOutside:
      return "someone outside the school";
  }
  return "a pupil";
}

std::optional<SubjectKind> parse_subject_kind(std::string_view key) {
  return parse_key(key, kSubjectKinds, subject_kind_key);
}

std::string_view involvement_key(Involvement involvement) {
  switch (involvement) {
    case Involvement::kAffected:
      return "affected";
    case Involvement::kResponsible:
      return "responsible";
    case Involvement::kWitness:
      return "witness";
    case Involvement::kOther:
      return "other";
  }
  return "other";
}

std::optional<Involvement> parse_involvement(std::string_view key) {
  return parse_key(key, kInvolvements, involvement_key);
}

std::string_view concern_status_key(ConcernStatus status) {
  return status == ConcernStatus::kOpen ? "open" : "closed";
}

std::string_view evidence_kind_key(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::kMessage:
      return "message";
    case EvidenceKind::kEmail:
      return "email";
    case EvidenceKind::kVoicemailNote:
      return "voicemail_note";
    case EvidenceKind::kWebAddress:
      return "web_address";
    case EvidenceKind::kScreenshot:
      return "screenshot";
    case EvidenceKind::kFile:
      return "file";
  }
  return "message";
}

std::string_view evidence_kind_label(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::kMessage:
      return "Message";
    case EvidenceKind::kEmail:
      return "Email";
    case EvidenceKind::kVoicemailNote:
      return "Voicemail (note of what was said)";
    case EvidenceKind::kWebAddress:
      return "Web address";
    case EvidenceKind::kScreenshot:
      return "Screenshot";
    case EvidenceKind::kFile:
      return "File";
  }
  return "Message";
}

std::optional<EvidenceKind> parse_evidence_kind(std::string_view key) {
  return parse_key(key, kEvidenceKinds, evidence_kind_key);
}

std::string_view action_kind_key(ActionKind kind) {
  switch (kind) {
    case ActionKind::kNote:
      return "note";
    case ActionKind::kPlatformContacted:
      return "platform_contacted";
    case ActionKind::kCeop:
      return "ceop";
    case ActionKind::kPolice:
      return "police";
    case ActionKind::kParentsInformed:
      return "parents_informed";
    case ActionKind::kSanction:
      return "sanction";
    case ActionKind::kSupportOffered:
      return "support_offered";
    case ActionKind::kInformationShared:
      return "information_shared";
    case ActionKind::kLadoReferral:
      return "lado_referral";
    case ActionKind::kLowLevelConcern:
      return "low_level_concern";
    case ActionKind::kIcoDecision:
      return "ico_decision";
    case ActionKind::kClosed:
      return "closed";
    case ActionKind::kReopened:
      return "reopened";
  }
  return "note";
}

std::string_view action_kind_label(ActionKind kind) {
  switch (kind) {
    case ActionKind::kNote:
      return "Discussion or decision";
    case ActionKind::kPlatformContacted:
      return "Platform or host contacted";
    case ActionKind::kCeop:
      return "CEOP report considered";
    case ActionKind::kPolice:
      return "Police involvement considered";
    case ActionKind::kParentsInformed:
      return "Parents or carers informed";
    case ActionKind::kSanction:
      return "Sanction";
    case ActionKind::kSupportOffered:
      return "Support offered";
    case ActionKind::kInformationShared:
      return "Information shared with another agency";
    case ActionKind::kLadoReferral:
      return "LADO referral considered";
    case ActionKind::kLowLevelConcern:
      return "Kept as a low-level concern";
    case ActionKind::kIcoDecision:
      return "Decision on reporting to the ICO";
    case ActionKind::kClosed:
      return "Closed with a debrief";
    case ActionKind::kReopened:
      return "Reopened";
  }
  return "Discussion or decision";
}

std::optional<ActionKind> parse_action_kind(std::string_view key) {
  return parse_key(key, kActionKinds, action_kind_key);
}

int64_t lado_decision_due(int64_t reported_at) {
  constexpr int64_t kDay = 86400;
  // 1 January 1970 was a Thursday: weekday 0 is Sunday.
  auto weekday = [](int64_t t) { return ((t >= 0 ? t / kDay : (t - kDay + 1) / kDay) + 4) % 7; };
  int64_t due = reported_at + kDay;
  while (weekday(due) == 0 || weekday(due) == 6) due += kDay;
  return due;
}

bool ConcernCase::lado_decision_recorded() const {
  return std::any_of(actions.begin(), actions.end(), [](const ConcernAction& a) {
    return a.kind == ActionKind::kLadoReferral || a.kind == ActionKind::kLowLevelConcern;
  });
}

}  // namespace inloco

// OfficialAccount: one row of the school's account log (ACC-1), with the risk
// and purpose assessment that opened it (ACC-3), and AccountAuthorisation: one
// person's right to post to or administer it (ACC-5).
//
// An account is proposed with its assessment and counts as open only once
// an approver of the school's profile has approved it (proposed -> open or
// rejected); an open account can be closed at any time (ACC-10) and stays in
// the log with its closing date. An affiliated channel (ACC-9, e.g. a PTA
// page) is run by others: the school holds no logins for it and authorises
// nobody on it. It is risk assessed and approved like an account, but by the
// profile's affiliated_approvers (SJP 5: "approved by the Chair of the PTA
// prior to use"), and leaders check its content periodically
// (access_reviews.h).
//
// Plain values: no storage here (account_register.h reads and writes them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.h"
#include "people/role.h"

namespace inloco {

enum class AccountStatus { kProposed, kOpen, kRejected, kClosed };
std::string_view account_status_key(AccountStatus s);    // "proposed", ... (stored)
std::string_view account_status_label(AccountStatus s);  // "Waiting for approval", ...
std::optional<AccountStatus> parse_account_status(std::string_view key);

// ACC-3: the level of interaction the account invites.
enum class InteractionLevel {
  kBroadcast,          // announcements only; comments and messages off
  kModeratedComments,  // comments allowed and moderated
  kConversation,       // comments and messages answered: two-way conversation
};
std::string_view interaction_key(InteractionLevel i);    // "broadcast", ... (stored)
std::string_view interaction_label(InteractionLevel i);  // "Announcements only", ...
std::optional<InteractionLevel> parse_interaction(std::string_view key);

enum class AuthorisationKind { kPost, kAdmin };
std::string_view authorisation_kind_key(AuthorisationKind k);    // "post", "admin" (stored)
std::string_view authorisation_kind_label(AuthorisationKind k);  // "post", "administer"
std::optional<AuthorisationKind> parse_authorisation_kind(std::string_view key);

// ACC-3: the risk and purpose assessment, recorded when the account is
// proposed and decided by an approver who is not the person who asked.
// Affiliated channels answer it too (their staff time may be 0).
// The account's purpose (OfficialAccount::purpose) is the assessment's first
// question; it is kept on the account because the log shows it.
struct AccountAssessment {
  std::string investment_achieves;  // whether the staff time invested achieves the purpose, and why
  InteractionLevel interaction = InteractionLevel::kBroadcast;
  // Who may contribute content.
  bool pupils_contribute = false;
  bool staff_contribute = true;
  bool parents_contribute = false;
  bool public_contribute = false;
  int staff_minutes_per_week = 0;       // time staff will commit
  std::string success_measures;         // how success will be judged
  std::optional<int64_t> requested_by;  // empty when asked for from the command line
  int64_t requested_at = 0;
  std::optional<int64_t> decided_by;
  std::optional<int64_t> decided_at;
  std::optional<bool> approved;  // empty until decided
  std::string decision_note;     // required when rejected
};

struct OfficialAccount {
  int64_t id = 0;
  int64_t school_id = 0;
  std::string platform;      // platform key (profile/platform_registry.h)
  std::string account_name;  // "Oakfield Primary School", "@oakfieldprimary"
  std::optional<std::string> url;
  std::string purpose;
  std::optional<Role>
      master_admin_role;  // who holds the master login; empty for affiliated channels
  std::optional<std::string>
      official_email;  // ACC-4: the school address the account is registered to
  AccountStatus status = AccountStatus::kProposed;
  // While proposed: the date an existing account was opened on the platform,
  // if the school gave one; approval keeps it or sets today.
  std::optional<CalendarDate> date_opened;
  std::optional<CalendarDate> date_closed;
  bool affiliated = false;                      // ACC-9
  std::optional<std::string> run_by;            // affiliated: "Friends of Oakfield (PTA)"
  bool school_holds_master_access = false;      // ACC-2
  bool school_has_editorial_oversight = false;  // ACC-2
  bool listed_in_privacy_notice = false;        // ACC-7
  bool linked_from_website = false;             // AccountRules::website_link_required
  AccountAssessment assessment;
  std::optional<int64_t> closed_by;
  std::optional<int64_t> closed_at;
  std::string close_reason;
  int64_t updated_at = 0;

  // "Facebook: Oakfield Primary School", for messages.
  std::string describe() const;
};

struct AccountAuthorisation {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t person_id = 0;
  std::string person_name;  // display name, for lists
  AuthorisationKind kind = AuthorisationKind::kPost;
  std::optional<int64_t> granted_by;
  int64_t granted_at = 0;
  std::optional<int64_t> revoked_by;
  std::optional<int64_t> revoked_at;
  std::string revoke_reason;
  std::optional<int64_t> review_id;  // the access review that removed it (ACC-8)

  bool live() const { return !revoked_at.has_value(); }
};

}  // namespace inloco

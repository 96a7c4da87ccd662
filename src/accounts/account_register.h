// The official account register (ACC-1..5, ACC-7, ACC-9, ACC-10): proposing
// an account with its risk and purpose assessment, the approver's decision,
// authorisations to post and to administer, closing, and the register itself.
//
// Style: every function takes the Connection of the caller's transaction, as
// people_store does, so a page composes them; functions that change data take
// it in a SchoolScope (store/school_scope.h: the transaction, the clock, the
// actor and the account's school), must be called inside
// Database::transaction, append their audit entry there, and check everything
// before writing anything, so a refusal changes nothing (and
// Database::transaction rolls back any error). The credential vault's reveal
// is the one exception: see credential_vault.h.
//
// Who may call which function is the permission table's business (the web
// layer checks the capability first). What the school's policy decides is
// checked here, because only the profile knows it: the actor must hold one of
// AccountRules::account_approvers (affiliated_approvers for an affiliated
// channel) to decide an assessment, one of AccountRules::authorisers to grant
// or revoke authorisations, and one of either to close an account, at the
// account's school (or across its trust). `grants` are the
// actor's role grants (load_grants); `rules` the school's AccountRules —
// callers load the profile, these functions never do.
//
// Isolation (ORG-1): every function takes the school; an account or
// authorisation of another school answers kNotFound, like one that does not exist.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/official_account.h"
#include "accounts/official_criteria.h"
#include "auth/permissions.h"
#include "core/clock.h"
#include "core/result.h"
#include "profile/policy_profile.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/school_scope.h"

namespace inloco {

inline constexpr size_t kMaxAccountNameLength = 100;
inline constexpr size_t kMaxAccountTextLength = 2000;  // purpose, assessment answers, notes
inline constexpr int kMaxStaffMinutesPerWeek = 40 * 60;

// What a person fills in to ask for an account, or to register an affiliated channel.
struct AccountProposal {
  std::string platform;      // key, label or common name ("Twitter"): parse_platform
  std::string account_name;  // the name or handle on the platform
  std::optional<std::string> url;
  std::string purpose;                        // ACC-1 and the assessment's first question
  std::optional<Role> master_admin_role;      // required for an official account
  std::optional<std::string> official_email;  // ACC-4: required when the profile says so
  // An account that already exists on the platform: the day it was opened
  // ('YYYY-MM-DD', not in the future). Otherwise approval dates it.
  std::optional<std::string> date_opened;
  bool affiliated = false;            // ACC-9
  std::optional<std::string> run_by;  // affiliated: who runs it (required)
  bool school_holds_master_access = false;
  bool school_has_editorial_oversight = false;
  bool listed_in_privacy_notice = false;
  bool linked_from_website = false;
  // ACC-3; requested_*, decided_*, approved and the note are ignored.
  // Required: investment_achieves, success_measures, at least one kind of
  // contributor, 1..kMaxStaffMinutesPerWeek minutes of staff time (0 allowed
  // for an affiliated channel, which others run).
  AccountAssessment assessment;
};

// Records a proposed account or affiliated channel with its assessment
// (status proposed, requested by the actor). Returns the account's id.
// An affiliated channel whose profile names no affiliated_approvers is
// recorded open at once (dated date_opened or today): the policy asks for no
// approval of channels the school does not run.
// Refused (nothing stored):
//  - kInvalid: official accounts (or affiliated channels) not allowed by the
//    profile; an unknown or disallowed platform; missing or bad fields, every
//    problem listed in `details`; a personal or malformed official email;
//    an affiliated channel for which the school says it holds the logins.
//  - kConflict: the platform and name (A-Z case, a leading '@' and repeated
//    spaces ignored) already proposed or open anywhere on this server; the
//    message names the school when it is of the same trust.
Result<int64_t> propose_account(const SchoolScope& at, const AccountRules& rules,
                                const AccountProposal& proposal);

// ACC-3: an approver approves (status open, date opened kept or set to today)
// or rejects (a note saying why is required) a proposed account.
// kForbidden for the person who asked for it ("someone else must approve
// it") and for anyone not holding one of rules.account_approvers (for an
// affiliated channel rules.affiliated_approvers) at the school; kConflict
// when it is already decided.
Status decide_assessment(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                         int64_t account_id, bool approve, const std::string& note);

// ACC-5: authorises a person to post to, or to administer, an open official
// account. Post and admin are separate: an ICT technician may administer
// without posting. Returns the authorisation's id.
// Refused: kForbidden unless the actor holds one of rules.authorisers at the
// school; kInvalid for a person who is not active staff of this school (or
// of its trust's central team) — governors, volunteers, contractors, pupils
// and parents by name — for an affiliated channel and for an account that is
// not open; kConflict for a live authorisation of the same kind and for a
// new admin beyond rules.max_admins; kNotFound for a person or account of
// another school.
Result<int64_t> grant_authorisation(const SchoolScope& at, const Grants& grants,
                                    const AccountRules& rules, int64_t account_id,
                                    int64_t person_id, AuthorisationKind kind);

// ACC-5: ends a live authorisation, dated, with the reason (required).
// kForbidden unless the actor holds one of rules.authorisers; kConflict when
// already revoked.
Status revoke_authorisation(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                            int64_t authorisation_id, const std::string& reason);

// ACC-10: closes an open account (official or affiliated): it stays in the
// log with its closing date, every live authorisation is revoked (reason
// "account closed"), and its stored password is deleted (nobody holds access
// any more, and a secret no one may reveal should not be kept). The reason is
// optional. kForbidden unless the actor holds one of rules.authorisers or
// rules.account_approvers; kConflict when it is not open.
Status close_account(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                     int64_t account_id, const std::string& reason);

// Facts about an account that change after it is proposed: the ACC-2 and
// ACC-7 flags, the website link, the official email (ACC-4) and the address. Absent fields are
// left as they are; an empty url removes it; the email cannot be removed.
struct AccountChanges {
  std::optional<bool> school_holds_master_access;
  std::optional<bool> school_has_editorial_oversight;
  std::optional<bool> listed_in_privacy_notice;
  std::optional<bool> linked_from_website;
  std::optional<std::string> official_email;
  std::optional<std::string> url;
};

// Stores the changes of a proposed or open account; the audit entry names
// the fields that changed. Nothing is written when nothing changed.
// kInvalid for a bad email or address, or for saying the school holds the
// logins of an affiliated channel; kConflict for a closed or rejected account.
Status update_account(const SchoolScope& at, int64_t account_id, const AccountChanges& changes);

// One account as the register shows it. Never holds a secret.
struct RegisterEntry {
  OfficialAccount account;
  // list_register: live authorisations; get_account: every one, revoked too (the history).
  std::vector<AccountAuthorisation> authorisations;
  int live_admins = 0;
  bool has_credential = false;
  std::vector<CriterionProblem> problems;  // official_criteria(account, live_admins, rules)
};

// The school's register: open and waiting accounts first, then not approved,
// then closed; within each by platform label and name. With person_id, only
// the open accounts that person may post to or administer (what a teacher
// sees).
Result<std::vector<RegisterEntry>> list_register(Connection& conn, int64_t school_id,
                                                 const AccountRules& rules,
                                                 std::optional<int64_t> person_id = std::nullopt);

Result<RegisterEntry> get_account(Connection& conn, int64_t school_id, int64_t account_id,
                                  const AccountRules& rules);

}  // namespace inloco

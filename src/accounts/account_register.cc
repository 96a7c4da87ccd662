#include "accounts/account_register.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "accounts/account_rows.h"
#include "accounts/official_email.h"
#include "accounts/platform.h"
#include "core/calendar_date.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "people/school_store.h"
#include "store/row_reader.h"
#include "store/stored_dates.h"

namespace inloco {
namespace {

constexpr size_t kMaxUrlLength = 500;
constexpr size_t kMaxRunByLength = 100;

// The name that finds duplicates: "@OakfieldPrimary" and "oakfieldprimary"
// are one handle; "Oakfield  Primary School" and "oakfield primary school"
// one page name. A-Z only are folded, the same on both databases.
std::string name_key(std::string_view name) {
  std::string_view t = trim(name);
  while (!t.empty() && t.front() == '@') t.remove_prefix(1);
  std::string out;
  bool space = false;
  for (char c : t) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return ascii_lower(out);
}

// One problem per sentence, for Error::details.
class Problems {
 public:
  void add(std::string p) { list_.push_back(std::move(p)); }

  // A required or optional text field: present, one line if asked, within
  // its length, valid UTF-8.
  void text(std::string_view label, std::string_view value, size_t max, bool required,
            bool one_line) {
    std::string_view v = trim(value);
    if (v.empty()) {
      if (required) add("Enter the " + std::string(label) + ".");
      return;
    }
    if (!is_valid_utf8(v))
      add("The " + std::string(label) +
          " contains characters that are "
          "not valid text; type it again.");
    if (one_line && has_control_characters(v))
      add("The " + std::string(label) + " contains a line break or tab; put it on one line.");
    if (v.size() > max)
      add("The " + std::string(label) + " is longer than " + std::to_string(max) +
          " characters; shorten it.");
  }

  bool empty() const { return list_.empty(); }

  // One problem: it is the message. Several: a summary and every one in details.
  Error error(std::string_view what) && {
    Error e =
        Error::invalid(list_.size() == 1 ? list_[0]
                                         : std::string(what) + ": please correct the " +
                                               std::to_string(list_.size()) + " problems listed.");
    e.details = std::move(list_);
    return e;
  }

 private:
  std::vector<std::string> list_;
};

std::optional<std::string> clean(const std::optional<std::string>& v) {
  if (!v) return std::nullopt;
  std::string t(trim(*v));
  if (t.empty()) return std::nullopt;
  return t;
}

// An address to show on the register: http(s) only, so a page never links
// to javascript: or a local file.
std::optional<std::string> url_problem(std::string_view url) {
  if (!(url.starts_with("https://") || url.starts_with("http://")) || url.size() <= 8)
    return "The address must start with https:// (copy it from the browser's address bar).";
  if (url.size() > kMaxUrlLength)
    return "The address is longer than " + std::to_string(kMaxUrlLength) +
           " characters; use the account's main page.";
  for (char c : url)
    if (c == ' ' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '"' || c == '<' ||
        c == '>')
      return "The address contains spaces or characters an address cannot have.";
  return std::nullopt;
}

// Roles that cannot hold an official account's master login: the school must
// hold it (ACC-2), so it belongs with a member of staff.
bool staff_role(Role r) {
  return r != Role::kGovernor && r != Role::kChairOfGovernors && r != Role::kPtaChair &&
         r != Role::kVolunteer && r != Role::kTrustBoardMember;
}

Status check_duplicate(Connection& conn, const School& school, const Platform& platform,
                       const std::string& key, const std::string& shown_name) {
  Rows rows = TRY(conn.query(
      "SELECT a.school_id, s.name, s.trust_id, a.status FROM official_accounts a JOIN schools s "
      "ON s.id = a.school_id WHERE a.platform = ? AND a.name_key = ? AND a.status IN "
      "('proposed', 'open')",
      {std::string(platform.key), key}));
  if (rows.empty()) return {};
  RowReader in(rows[0]);
  const int64_t holder_id = in.integer();
  const std::string holder_name = in.text();
  const int64_t holder_trust_id = in.integer();
  const std::string status = in.text();
  std::string what = std::string(platform.label) + " account '" + shown_name + "'";
  std::string state = status == "open" ? "open" : "waiting for approval";
  if (holder_id == school.id)
    return Error::conflict(what + " is already in this school's register (" + state +
                           "). Each account is registered once: use the existing entry.");
  if (holder_trust_id == school.trust_id)
    return Error::conflict(what + " is already registered by " + holder_name + " (" + state +
                           "). An account belongs to one school: ask them about it, or check "
                           "the name.");
  // Another trust's school is not named (ORG-1).
  return Error::conflict(what +
                         " is already registered by another school on this server. "
                         "Check the name; if the account is yours, ask your inloco "
                         "administrator to find out who registered it.");
}

std::string person_kind_phrase(PersonKind kind) {
  switch (kind) {
    case PersonKind::kStaff:
      return "a member of staff";
    case PersonKind::kGovernor:
      return "a governor";
    case PersonKind::kTrustee:
      return "a trustee";
    case PersonKind::kVolunteer:
      return "a volunteer";
    case PersonKind::kContractor:
      return "a contractor";
    case PersonKind::kPupil:
      return "a pupil";
    case PersonKind::kParent:
      return "a parent or carer";
  }
  return "not a member of staff";
}

Status audit(const SchoolScope& at, std::string action, const OfficialAccount& a,
             nlohmann::json detail) {
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{std::move(action), "official_account", std::to_string(a.id),
                              a.school_id, detail.dump()}));
  return {};
}

int status_rank(AccountStatus s) {
  switch (s) {
    case AccountStatus::kOpen:
      return 0;
    case AccountStatus::kProposed:
      return 1;
    case AccountStatus::kRejected:
      return 2;
    case AccountStatus::kClosed:
      return 3;
  }
  return 4;
}

std::string when_and_who(Connection& conn, std::optional<int64_t> at, std::optional<int64_t> by) {
  std::string out;
  if (at) out += " on " + iso_date_of(*at);
  if (by) {
    auto name = person_name(conn, by);
    if (name.ok()) out += " by " + *name;
  }
  return out;
}

}  // namespace

Result<int64_t> propose_account(const SchoolScope& at, const AccountRules& rules,
                                const AccountProposal& in) {
  School school = TRY(get_school(at.conn, at.school_id));
  if (in.affiliated && !rules.affiliated_channels_allowed)
    return Error::invalid(
        "Your school's social media policy does not allow affiliated channels (such as a PTA "
        "page) to be registered. Ask for the policy to be changed first.");
  if (!in.affiliated && !rules.official_accounts_allowed)
    return Error::invalid(
        "Your school's social media policy says the school runs no official social media "
        "accounts, so none can be proposed. Ask for the policy to be changed first.");

  Problems problems;
  std::optional<Platform> platform;
  if (auto p = parse_platform(in.platform); !p.ok()) {
    problems.add(p.error().message);
  } else if (auto allowed = check_platform_allowed(*p, rules); !allowed.ok()) {
    problems.add(allowed.error().message);
  } else {
    platform = *p;
  }
  problems.text("account name", in.account_name, kMaxAccountNameLength, true, true);
  std::string key = name_key(in.account_name);
  if (!trim(in.account_name).empty() && key.empty())
    problems.add("The account name needs more than '@'; enter the name or handle.");
  problems.text("purpose", in.purpose, kMaxAccountTextLength, true, false);
  std::optional<std::string> url = clean(in.url);
  if (url)
    if (auto p = url_problem(*url)) problems.add(*p);

  const int64_t now = at.clock.now();
  const CalendarDate today = date_of(now);
  std::optional<CalendarDate> date_opened;
  if (std::optional<std::string> typed = clean(in.date_opened)) {
    auto d = parse_date(*typed);
    if (!d.ok()) {
      problems.add("The date opened: " + d.error().message);
    } else if (*d > today) {
      problems.add("The date opened (" + d->iso() +
                   ") is in the future; give the day the "
                   "account was opened, or leave it empty for a new account.");
    } else {
      date_opened = *d;
    }
  }

  std::optional<std::string> email = clean(in.official_email);
  std::optional<std::string> run_by = clean(in.run_by);
  const AccountAssessment& s = in.assessment;
  if (in.affiliated) {
    problems.text("name of who runs it", in.run_by.value_or(""), kMaxRunByLength, true, true);
    if (in.school_holds_master_access)
      problems.add(
          "The school holds no logins for an affiliated channel. If the school holds "
          "this account's logins, register it as an official account instead.");
    if (in.master_admin_role)
      problems.add(
          "An affiliated channel has no master administration role at the school; "
          "leave it empty.");
    if (email)
      problems.add(
          "An affiliated channel is not linked to a school email address; leave the "
          "official email empty.");
  } else {
    if (run_by)
      problems.add(
          "Only an affiliated channel is run by someone else; leave 'run by' empty "
          "for an official account.");
    if (!in.master_admin_role)
      problems.add(
          "Choose the master administration role: the role whose holder keeps the "
          "account's main login.");
    else if (!staff_role(*in.master_admin_role))
      problems.add("The master login must be held by the school's staff, not the " +
                   std::string(role_label(*in.master_admin_role)) +
                   "; choose a staff role such as the Headteacher.");
    if (email) {
      if (auto e = normalise_official_email(*email); !e.ok())
        problems.add(e.error().message);
      else
        email = *e;
    } else if (rules.official_email_required) {
      problems.add(
          "Enter the official school email address the account is registered to; "
          "your policy requires one (ACC-4).");
    }
  }
  // ACC-3 (SJP 5: affiliated channels are "formally risk assessed" too).
  problems.text("answer to whether the investment of time achieves the purpose",
                s.investment_achieves, kMaxAccountTextLength, true, false);
  problems.text("description of how success will be judged", s.success_measures,
                kMaxAccountTextLength, true, false);
  if (!s.pupils_contribute && !s.staff_contribute && !s.parents_contribute && !s.public_contribute)
    problems.add("Say who may contribute: pupils, staff, parents or the public.");
  const int least_minutes = in.affiliated ? 0 : 1;
  if (s.staff_minutes_per_week < least_minutes ||
      s.staff_minutes_per_week > kMaxStaffMinutesPerWeek)
    problems.add("Give the staff time it will take each week, between " +
                 std::string(in.affiliated ? "0 minutes" : "1 minute") + " and " +
                 std::to_string(kMaxStaffMinutesPerWeek / 60) + " hours.");
  if (!problems.empty()) return std::move(problems).error("The account was not recorded");

  std::string name(trim(in.account_name));
  TRY(check_duplicate(at.conn, school, *platform, key, name));

  const bool affiliated = in.affiliated;
  std::optional<std::string> role_text;
  if (in.master_admin_role) role_text = std::string(role_key(*in.master_admin_role));
  // A policy that names nobody to approve affiliated channels asks for no approval.
  const bool open_at_once = affiliated && rules.affiliated_approvers.empty();
  AccountStatus status = open_at_once ? AccountStatus::kOpen : AccountStatus::kProposed;
  if (open_at_once && !date_opened) date_opened = today;
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO official_accounts (school_id, platform, account_name, name_key, url, purpose, "
      "master_admin_role, official_email, status, date_opened, affiliated, run_by, "
      "school_holds_master_access, school_has_editorial_oversight, listed_in_privacy_notice, "
      "linked_from_website, investment_achieves, interaction, pupils_contribute, staff_contribute, "
      "parents_contribute, public_contribute, staff_minutes_per_week, success_measures, "
      "requested_by, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id,
       std::string(platform->key),
       name,
       key,
       url,
       std::string(trim(in.purpose)),
       role_text,
       affiliated ? std::nullopt : email,
       std::string(account_status_key(status)),
       optional_iso(date_opened),
       affiliated,
       affiliated ? run_by : std::nullopt,
       !affiliated && in.school_holds_master_access,
       !affiliated && in.school_has_editorial_oversight,
       in.listed_in_privacy_notice,
       in.linked_from_website,
       std::string(trim(s.investment_achieves)),
       std::string(interaction_key(s.interaction)),
       s.pupils_contribute,
       s.staff_contribute,
       s.parents_contribute,
       s.public_contribute,
       s.staff_minutes_per_week,
       std::string(trim(s.success_measures)),
       at.actor.person_id,
       now,
       now}));
  OfficialAccount a;
  a.id = id;
  a.school_id = at.school_id;
  TRY(audit(at, "account.propose", a,
            {{"platform", platform->key},
             {"account_name", name},
             {"affiliated", affiliated},
             {"status", account_status_key(status)}}));
  return id;
}

Status decide_assessment(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                         int64_t account_id, bool approve, const std::string& note) {
  School school = TRY(get_school(at.conn, at.school_id));
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  const std::vector<Role>& approvers =
      a.affiliated ? rules.affiliated_approvers : rules.account_approvers;
  if (a.status != AccountStatus::kProposed) {
    std::string decided = a.assessment.approved.value_or(false) ? "approved" : "not approved";
    return Error::conflict("The assessment of " + a.describe() + " was already " + decided +
                           when_and_who(at.conn, a.assessment.decided_at, a.assessment.decided_by) +
                           "; it cannot be decided again.");
  }
  if (at.actor.person_id && a.assessment.requested_by == at.actor.person_id)
    return Error::forbidden("You asked for this account, so someone else must approve it: ask " +
                            roles_phrase(approvers) + ".");
  if (approvers.empty())
    return Error::invalid("Your school's social media policy names nobody who approves " +
                          std::string(a.affiliated ? "affiliated channels" : "new accounts") +
                          "; ask for the policy to name an approver first.");
  if (!holds_any_role(grants, approvers, school))
    return Error::forbidden("Only " + roles_phrase(approvers) + " can approve or reject " +
                            std::string(a.affiliated ? "an affiliated channel" : "a new account") +
                            " under your school's social media policy; ask them to decide it.");
  std::string why(trim(note));
  if (!approve && why.empty())
    return Error::invalid(
        "Say why the account is not approved, so the person who asked knows "
        "what to change.");
  if (why.size() > kMaxAccountTextLength)
    return Error::invalid("The note is longer than " + std::to_string(kMaxAccountTextLength) +
                          " characters; shorten it.");

  const int64_t now = at.clock.now();
  std::optional<CalendarDate> opened = a.date_opened;
  if (approve && !opened) opened = date_of(now);
  int64_t changed = TRY(at.conn.execute(
      "UPDATE official_accounts SET status = ?, decision = ?, decided_by = ?, decided_at = ?, "
      "decision_note = ?, date_opened = ?, updated_at = ? WHERE id = ? AND status = 'proposed'",
      {std::string(approve ? "open" : "rejected"), std::string(approve ? "approved" : "rejected"),
       at.actor.person_id, now, why, approve ? optional_iso(opened) : std::nullopt, now,
       account_id}));
  if (changed != 1)
    return Error::conflict("Someone decided " + a.describe() +
                           " at the same moment; reload the "
                           "page to see their decision.");
  return audit(at, approve ? "account.approve" : "account.reject", a, {{"note", why}});
}

Result<int64_t> grant_authorisation(const SchoolScope& at, const Grants& grants,
                                    const AccountRules& rules, int64_t account_id,
                                    int64_t person_id, AuthorisationKind kind) {
  School school = TRY(get_school(at.conn, at.school_id));
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  if (!holds_any_role(grants, rules.authorisers, school))
    return Error::forbidden("Only " + roles_phrase(rules.authorisers) +
                            " can authorise people to post to or administer the school's "
                            "accounts under your school's social media policy; ask them.");
  if (a.affiliated)
    return Error::invalid(a.describe() + " is run by " + a.run_by.value_or("others") +
                          ", not the school: the school holds no logins for it, so nobody is "
                          "authorised on it here.");
  if (a.status != AccountStatus::kOpen)
    return Error::invalid(
        a.describe() + " is not open (" + std::string(account_status_label(a.status)) +
        "); people can be authorised only on an open account" +
        (a.status == AccountStatus::kProposed ? ": it must be approved first." : "."));

  auto person = get_person_by_id(at.conn, person_id);
  bool of_school = person.ok() && (person->school_id ? *person->school_id == at.school_id
                                                     : person->trust_id == school.trust_id);
  if (!of_school)
    return Error::not_found("There is no person with id " + std::to_string(person_id) + " at " +
                            school.name + "; choose a member of its staff.");
  std::string who = person->display_name();
  if (person->kind != PersonKind::kStaff)
    return Error::invalid(who + " is " + person_kind_phrase(person->kind) +
                          ", not a member of staff. Only staff can post to or administer the "
                          "school's accounts; governors, volunteers, contractors, pupils and "
                          "parents cannot be authorised.");
  if (!person->active)
    return Error::invalid(who +
                          "'s record is marked as no longer active (they may have left), "
                          "so they cannot be authorised.");

  // Lock the account's row (a write that changes nothing) so that two grants
  // at once cannot both pass the checks below: PostgreSQL holds the row lock
  // to the end of the transaction; SQLite writers are serialised already.
  TRY(at.conn.execute("UPDATE official_accounts SET updated_at = updated_at WHERE id = ?",
                      {account_id}));
  std::string verb = kind == AuthorisationKind::kPost ? "post to" : "administer";
  Rows live = TRY(at.conn.query(
      "SELECT granted_at FROM account_authorisations WHERE account_id = ? AND person_id = ? AND "
      "kind = ? AND revoked_at IS NULL",
      {account_id, person_id, std::string(authorisation_kind_key(kind))}));
  if (!live.empty())
    return Error::conflict(who + " is already authorised to " + verb + " " + a.describe() +
                           " (since " + iso_date_of(live[0][0].as_int()) + ").");
  if (kind == AuthorisationKind::kAdmin) {
    Rows admins = TRY(at.conn.query(
        "SELECT COUNT(*) FROM account_authorisations WHERE account_id = ? AND kind = 'admin' AND "
        "revoked_at IS NULL",
        {account_id}));
    int64_t n = admins[0][0].as_int();
    if (n >= rules.max_admins)
      return Error::conflict(a.describe() + " already has " + std::to_string(n) +
                             (n == 1 ? " administrator" : " administrators") +
                             ", the most your school's policy allows (ACC-2: admins limited to "
                             "those needed). Revoke an admin who no longer needs it first.");
  }

  const int64_t now = at.clock.now();
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO account_authorisations (account_id, person_id, kind, granted_by, granted_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {account_id, person_id, std::string(authorisation_kind_key(kind)), at.actor.person_id, now}));
  TRY(at.conn.execute("UPDATE official_accounts SET updated_at = ? WHERE id = ?",
                      {now, account_id}));
  TRY(audit(at, "account.authorise", a,
            {{"authorisation_id", id},
             {"person_id", person_id},
             {"kind", authorisation_kind_key(kind)}}));
  return id;
}

Status revoke_authorisation(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                            int64_t authorisation_id, const std::string& reason) {
  School school = TRY(get_school(at.conn, at.school_id));
  Rows rows = TRY(at.conn.query(
      "SELECT " + authorisation_columns() +
          " FROM account_authorisations u JOIN people p ON p.id = u.person_id JOIN "
          "official_accounts a ON a.id = u.account_id WHERE u.id = ? AND a.school_id = ?",
      {authorisation_id, at.school_id}));
  if (rows.empty())
    return Error::not_found("There is no authorisation with id " +
                            std::to_string(authorisation_id) +
                            " on this school's accounts; reload the page.");
  AccountAuthorisation u = authorisation_from_row(rows[0]);
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, u.account_id));
  if (!holds_any_role(grants, rules.authorisers, school))
    return Error::forbidden("Only " + roles_phrase(rules.authorisers) +
                            " can revoke authorisations on the school's accounts under your "
                            "school's social media policy; ask them.");
  if (!u.live())
    return Error::conflict(u.person_name + "'s authorisation to " +
                           std::string(authorisation_kind_label(u.kind)) + " " + a.describe() +
                           " was already revoked" +
                           when_and_who(at.conn, u.revoked_at, u.revoked_by) + ".");
  std::string why(trim(reason));
  if (why.empty())
    return Error::invalid("Say why the authorisation is revoked; the reason is kept with it.");
  if (why.size() > kMaxAccountTextLength)
    return Error::invalid("The reason is longer than " + std::to_string(kMaxAccountTextLength) +
                          " characters; shorten it.");
  const int64_t now = at.clock.now();
  int64_t revoked = TRY(at.conn.execute(
      "UPDATE account_authorisations SET revoked_by = ?, revoked_at = ?, revoke_reason = ? "
      "WHERE id = ? AND revoked_at IS NULL",
      {at.actor.person_id, now, why, authorisation_id}));
  if (revoked != 1)
    return Error::conflict(
        "Someone revoked this authorisation at the same moment; reload the "
        "page.");
  TRY(at.conn.execute("UPDATE official_accounts SET updated_at = ? WHERE id = ?", {now, a.id}));
  return audit(at, "account.revoke", a,
               {{"authorisation_id", authorisation_id},
                {"person_id", u.person_id},
                {"kind", authorisation_kind_key(u.kind)},
                {"reason", why}});
}

Status close_account(const SchoolScope& at, const Grants& grants, const AccountRules& rules,
                     int64_t account_id, const std::string& reason) {
  School school = TRY(get_school(at.conn, at.school_id));
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  if (!holds_any_role(grants, rules.authorisers, school) &&
      !holds_any_role(grants, rules.account_approvers, school)) {
    std::vector<Role> who = rules.authorisers;
    for (Role r : rules.account_approvers)
      if (std::find(who.begin(), who.end(), r) == who.end()) who.push_back(r);
    return Error::forbidden("Only " + roles_phrase(who) +
                            " can close the school's accounts under your school's social media "
                            "policy; ask them.");
  }
  if (a.status == AccountStatus::kProposed)
    return Error::conflict(a.describe() +
                           " was never opened; reject the request instead of "
                           "closing it.");
  if (a.status != AccountStatus::kOpen)
    return Error::conflict(a.describe() + " is not open (" +
                           std::string(account_status_label(a.status)) +
                           (a.date_closed ? " on " + a.date_closed->iso() : std::string()) +
                           "), so it cannot be closed.");
  std::string why(trim(reason));
  if (why.size() > kMaxAccountTextLength)
    return Error::invalid("The reason is longer than " + std::to_string(kMaxAccountTextLength) +
                          " characters; shorten it.");
  const int64_t now = at.clock.now();
  int64_t revoked = TRY(at.conn.execute(
      "UPDATE account_authorisations SET revoked_by = ?, revoked_at = ?, revoke_reason = ? "
      "WHERE account_id = ? AND revoked_at IS NULL",
      {at.actor.person_id, now, std::string("Account closed"), account_id}));
  int64_t secrets =
      TRY(at.conn.execute("DELETE FROM account_credentials WHERE account_id = ?", {account_id}));
  TRY(at.conn.execute(
      "UPDATE official_accounts SET status = 'closed', date_closed = ?, closed_by = ?, "
      "closed_at = ?, close_reason = ?, updated_at = ? WHERE id = ?",
      {iso_date_of(now), at.actor.person_id, now, why, now, account_id}));
  return audit(
      at, "account.close", a,
      {{"reason", why}, {"authorisations_revoked", revoked}, {"credential_deleted", secrets > 0}});
}

Status update_account(const SchoolScope& at, int64_t account_id, const AccountChanges& changes) {
  OfficialAccount a = TRY(load_account(at.conn, at.school_id, account_id));
  if (a.status == AccountStatus::kClosed || a.status == AccountStatus::kRejected)
    return Error::conflict(a.describe() + " is " + ascii_lower(account_status_label(a.status)) +
                           "; its record is kept as it was and cannot be changed.");
  Problems problems;
  OfficialAccount next = a;
  if (changes.school_holds_master_access) {
    if (a.affiliated && *changes.school_holds_master_access)
      problems.add(
          "The school holds no logins for an affiliated channel. If it does, close "
          "this entry and register the account as an official account.");
    else
      next.school_holds_master_access = *changes.school_holds_master_access;
  }
  if (changes.school_has_editorial_oversight)
    next.school_has_editorial_oversight = *changes.school_has_editorial_oversight;
  if (changes.listed_in_privacy_notice)
    next.listed_in_privacy_notice = *changes.listed_in_privacy_notice;
  if (changes.linked_from_website) next.linked_from_website = *changes.linked_from_website;
  if (changes.official_email) {
    if (a.affiliated) {
      problems.add("An affiliated channel is not linked to a school email address.");
    } else if (trim(*changes.official_email).empty()) {
      problems.add(
          "An account's official email cannot be removed; enter the school address it "
          "is registered to now.");
    } else if (auto e = normalise_official_email(*changes.official_email); !e.ok()) {
      problems.add(e.error().message);
    } else {
      next.official_email = *e;
    }
  }
  if (changes.url) {
    next.url = clean(changes.url);
    if (next.url)
      if (auto p = url_problem(*next.url)) problems.add(*p);
  }
  if (!problems.empty()) return std::move(problems).error("The account was not changed");

  std::vector<std::string> changed;
  if (next.school_holds_master_access != a.school_holds_master_access)
    changed.push_back("school_holds_master_access");
  if (next.school_has_editorial_oversight != a.school_has_editorial_oversight)
    changed.push_back("school_has_editorial_oversight");
  if (next.listed_in_privacy_notice != a.listed_in_privacy_notice)
    changed.push_back("listed_in_privacy_notice");
  if (next.linked_from_website != a.linked_from_website) changed.push_back("linked_from_website");
  if (next.official_email != a.official_email) changed.push_back("official_email");
  if (next.url != a.url) changed.push_back("url");
  if (changed.empty()) return {};

  const int64_t now = at.clock.now();
  TRY(at.conn.execute(
      "UPDATE official_accounts SET school_holds_master_access = ?, "
      "school_has_editorial_oversight = ?, listed_in_privacy_notice = ?, linked_from_website = ?, "
      "official_email = ?, url = ?, updated_at = ? WHERE id = ?",
      {next.school_holds_master_access, next.school_has_editorial_oversight,
       next.listed_in_privacy_notice, next.linked_from_website, next.official_email, next.url, now,
       account_id}));
  // Flags are not secret: their new values help whoever reads the audit log.
  nlohmann::json detail{{"changed", changed},
                        {"school_holds_master_access", next.school_holds_master_access},
                        {"school_has_editorial_oversight", next.school_has_editorial_oversight},
                        {"listed_in_privacy_notice", next.listed_in_privacy_notice},
                        {"linked_from_website", next.linked_from_website}};
  return audit(at, "account.update", a, detail);
}

Result<std::vector<RegisterEntry>> list_register(Connection& conn, int64_t school_id,
                                                 const AccountRules& rules,
                                                 std::optional<int64_t> person_id) {
  std::string where = " WHERE a.school_id = ?";
  SqlParams params = {school_id};
  if (person_id) {
    where +=
        " AND a.status = 'open' AND EXISTS (SELECT 1 FROM account_authorisations x WHERE "
        "x.account_id = a.id AND x.person_id = ? AND x.revoked_at IS NULL)";
    params.emplace_back(*person_id);
  }
  Rows rows =
      TRY(conn.query("SELECT " + account_columns() + " FROM official_accounts a" + where, params));
  Rows grants = TRY(conn.query(
      "SELECT " + authorisation_columns() +
          " FROM account_authorisations u JOIN people p ON p.id = u.person_id JOIN "
          "official_accounts a ON a.id = u.account_id WHERE a.school_id = ? AND u.revoked_at IS "
          "NULL ORDER BY u.granted_at, u.id",
      {school_id}));
  Rows secrets = TRY(conn.query(
      "SELECT c.account_id FROM account_credentials c JOIN official_accounts a ON a.id = "
      "c.account_id WHERE a.school_id = ?",
      {school_id}));
  std::map<int64_t, std::vector<AccountAuthorisation>> by_account;
  for (const Row& r : grants) {
    AccountAuthorisation u = authorisation_from_row(r);
    by_account[u.account_id].push_back(std::move(u));
  }
  std::set<int64_t> with_secret;
  for (const Row& r : secrets) with_secret.insert(r[0].as_int());

  std::vector<RegisterEntry> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    RegisterEntry e;
    e.account = TRY(account_from_row(r));
    e.authorisations = std::move(by_account[e.account.id]);
    e.live_admins = static_cast<int>(std::count_if(
        e.authorisations.begin(), e.authorisations.end(),
        [](const AccountAuthorisation& u) { return u.kind == AuthorisationKind::kAdmin; }));
    e.has_credential = with_secret.count(e.account.id) > 0;
    e.problems = official_criteria(e.account, e.live_admins, rules);
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const RegisterEntry& x, const RegisterEntry& y) {
    auto key = [](const RegisterEntry& e) {
      return std::make_tuple(status_rank(e.account.status), platform_label(e.account.platform),
                             ascii_lower(e.account.account_name), e.account.id);
    };
    return key(x) < key(y);
  });
  return out;
}

Result<RegisterEntry> get_account(Connection& conn, int64_t school_id, int64_t account_id,
                                  const AccountRules& rules) {
  RegisterEntry e;
  e.account = TRY(load_account(conn, school_id, account_id));
  e.authorisations = TRY(authorisations_of(conn, account_id, false));
  e.live_admins = static_cast<int>(std::count_if(
      e.authorisations.begin(), e.authorisations.end(), [](const AccountAuthorisation& u) {
        return u.live() && u.kind == AuthorisationKind::kAdmin;
      }));
  Rows secret =
      TRY(conn.query("SELECT 1 FROM account_credentials WHERE account_id = ?", {account_id}));
  e.has_credential = !secret.empty();
  e.problems = official_criteria(e.account, e.live_admins, rules);
  return e;
}

}  // namespace inloco

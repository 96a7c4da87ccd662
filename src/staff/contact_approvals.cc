#include "staff/contact_approvals.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "accounts/platform.h"
#include "core/text.h"
#include "people/people_store.h"
#include "people/person_fields.h"
#include "staff/staff_members.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

// Personal channels that are not social media platforms, with what people call them.
struct Channel {
  std::string_view key;
  std::string_view label;
  std::array<std::string_view, 4> names;
};
constexpr std::array<Channel, 2> kChannels = {{
    {"email", "Personal email", {"email", "e-mail", "personal email", "personal e-mail"}},
    {"phone", "Personal phone", {"phone", "text message", "text", "sms"}},
}};

// The grant's columns last, in dated_grant_from_row's order.
const char* kApprovalSelect =
    "SELECT a.id, a.school_id, a.staff_id, COALESCE(s.preferred_name, s.given_name) || ' ' || "
    "s.family_name, a.decision, a.platform, a.group_description, a.reason, a.decided_by, "
    "a.decided_by_name, a.decided_at, a.starts_on, a.ends_on, a.revoked_by, a.revoked_by_name, "
    "a.revoked_at, a.revoked_on, a.revoke_reason FROM staff_contact_approvals a "
    "JOIN people s ON s.id = a.staff_id ";

Result<ContactApproval> approval_from_row(const Row& r) {
  RowReader in(r);
  ContactApproval a;
  a.id = in.integer();
  a.school_id = in.integer();
  a.staff_id = in.integer();
  a.staff_name = in.text();
  a.decision = in.text() == "refused" ? ContactDecision::kRefused : ContactDecision::kApproved;
  a.platform = in.text();
  a.group_description = in.text();
  a.reason = in.text();
  a.decided_by = in.optional_integer();
  a.decided_by_name = in.text();
  a.decided_at = in.integer();
  a.grant = TRY(dated_grant_from_row(r, in.position()));
  return a;
}

Result<std::vector<ContactApproval>> load(Connection& conn, const std::string& where,
                                          const SqlParams& params) {
  Rows rows = TRY(conn.query(
      std::string(kApprovalSelect) + "WHERE " + where + " ORDER BY a.decided_at DESC, a.id DESC",
      params));
  std::vector<ContactApproval> out;
  std::map<int64_t, size_t> index;
  for (const Row& r : rows) {
    out.push_back(TRY(approval_from_row(r)));
    index[out.back().id] = out.size() - 1;
  }
  if (out.empty()) return out;
  Rows people = TRY(conn.query(
      "SELECT x.approval_id, x.person_id, COALESCE(p.preferred_name, p.given_name) || ' ' || "
      "p.family_name, p.kind FROM staff_contact_approval_people x JOIN staff_contact_approvals a "
      "ON a.id = x.approval_id JOIN people s ON s.id = a.staff_id JOIN people p ON p.id = "
      "x.person_id WHERE " +
          where + " ORDER BY p.sort_name, p.id",
      params));
  for (const Row& r : people) {
    RowReader in(r);
    auto it = index.find(in.integer());
    if (it == index.end()) continue;
    ContactPerson person;
    person.person_id = in.integer();
    person.name = in.text();
    person.kind = in.text();
    out[it->second].people.push_back(std::move(person));
  }
  return out;
}

Result<ContactApproval> load_one(Connection& conn, int64_t school_id, int64_t id) {
  auto found = TRY(load(conn, "a.id = ? AND a.school_id = ?", {id, school_id}));
  if (found.empty())
    return Error::not_found("There is no decision on personal contact " + std::to_string(id) +
                            " at this school.");
  return std::move(found[0]);
}

}  // namespace

std::string_view contact_decision_key(ContactDecision d) {
  return d == ContactDecision::kRefused ? "refused" : "approved";
}

Result<std::string> parse_contact_channel(std::string_view text) {
  std::string wanted = ascii_lower(trim(text));
  if (wanted.empty())
    return Error::invalid(
        "Choose how the contact happens, for example WhatsApp, Facebook or "
        "personal email.");
  for (const Channel& c : kChannels)
    for (std::string_view name : c.names)
      if (wanted == name || wanted == ascii_lower(c.label)) return std::string(c.key);
  auto p = parse_platform(text);
  if (p.ok()) return std::string(p->key);
  std::vector<std::string> labels;
  for (const Platform& known : known_platforms()) labels.emplace_back(known.label);
  for (const Channel& c : kChannels) labels.emplace_back(c.label);
  return Error::invalid("'" + std::string(trim(text)) +
                        "' is not a platform inloco knows. Choose one of: " + join(labels, ", ") +
                        ".");
}

std::string contact_channel_label(std::string_view key) {
  for (const Channel& c : kChannels)
    if (c.key == key) return std::string(c.label);
  return platform_label(key);
}

// A refusal never counts and has nothing to revoke; an approval follows its grant.
bool ContactApproval::in_force_on(const CalendarDate& day) const {
  return decision == ContactDecision::kApproved && grant.in_force_on(day);
}

bool ContactApproval::revocable_on(const CalendarDate& day) const {
  return decision == ContactDecision::kApproved && grant.revocable_on(day);
}

Result<int64_t> decide_contact(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                               const ContactDecisionInput& in) {
  School school = TRY(get_school(at.conn, at.school_id));
  TRY(require_one_of(grants, rules.personal_contact_approvers, school,
                     "decide on contact with pupils or parents through personal accounts"));
  Person staff = TRY(load_staff_member(at.conn, at.school_id, in.staff_id));
  if (!at.actor.person_id || *at.actor.person_id == staff.id)
    return Error::forbidden(
        "You cannot decide on your own contact with pupils or parents; "
        "someone else who is " +
        roles_phrase(rules.personal_contact_approvers) + " must decide.");
  const bool approving = in.decision == ContactDecision::kApproved;
  if (approving && rules.personal_contact == PersonalContact::kNever)
    return Error::forbidden(
        "Your school's policy does not allow staff to contact pupils or parents through "
        "personal accounts at all, so this cannot be approved. You can record a refusal, or "
        "change the policy first.");
  std::string platform = TRY(parse_contact_channel(in.platform));
  std::string group = TRY(
      optional_text(in.group_description, "description of the group", kMaxStaffShortText, false));
  std::string reason = TRY(required_text(
      in.reason, "reason",
      approving ? "Say why this contact is approved, for example \"she coaches the pupil's "
                  "swimming club and messages the team about fixtures\"."
                : "Say why this contact is refused.",
      kMaxStaffLongText, true));
  std::set<int64_t> ids(in.people.begin(), in.people.end());
  if (ids.empty() && group.empty())
    return Error::invalid(
        "Name the pupils or parents the contact is with, or describe the "
        "group (for example \"parents of the Year 6 football team\").");
  std::vector<Person> people;
  for (int64_t id : ids) {
    if (id == staff.id)
      return Error::invalid("Name the pupils or parents " + staff.display_name() +
                            " would contact, not " + staff.display_name() + " themselves.");
    people.push_back(TRY(load_pupil_or_parent(at.conn, at.school_id, id)));
  }
  const CalendarDate today = staff_today(at.clock);
  const CalendarDate starts = in.starts_on.value_or(today);
  if (starts < today)
    return Error::invalid("Approval is given in advance: the start date " + starts.iso() +
                          " is before today (" + today.iso() + "). Start today or later.");
  std::optional<CalendarDate> ends = approving ? in.ends_on : std::nullopt;
  TRY(check_end_date(starts, ends, "approval"));

  const std::optional<std::string> ends_iso = optional_iso(ends);
  const int64_t now = at.now();
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO staff_contact_approvals (school_id, staff_id, decision, platform, "
      "group_description, reason, starts_on, ends_on, decided_by, decided_by_name, decided_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, staff.id, contact_decision_key(in.decision), platform, group, reason,
       starts.iso(), ends_iso, at.actor.person_id, at.actor.name, now}));
  std::vector<int64_t> named;
  for (const Person& p : people) {
    TRY(at.conn.execute(
        "INSERT INTO staff_contact_approval_people (approval_id, person_id) VALUES (?, ?)",
        {id, p.id}));
    named.push_back(p.id);
  }
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"staff.contact.decide", "staff_contact_approval", std::to_string(id), at.school_id,
                 nlohmann::json{{"staff", staff.id},
                                {"decision", contact_decision_key(in.decision)},
                                {"platform", platform},
                                {"people", named},
                                {"group", !group.empty()},
                                {"starts_on", starts.iso()},
                                {"ends_on", ends_iso.value_or("")}}
                     .dump()}));
  return id;
}

Status revoke_contact_approval(const SchoolScope& at, const Grants& grants, const StaffRules& rules,
                               int64_t approval_id, std::string_view reason) {
  School school = TRY(get_school(at.conn, at.school_id));
  ContactApproval a = TRY(load_one(at.conn, at.school_id, approval_id));
  TRY(require_one_of(grants, rules.personal_contact_approvers, school,
                     "revoke approval of contact through personal accounts"));
  if (!at.actor.person_id || *at.actor.person_id == a.staff_id)
    return Error::forbidden("You cannot revoke an approval about yourself; someone else who is " +
                            roles_phrase(rules.personal_contact_approvers) + " must.");
  if (a.decision == ContactDecision::kRefused)
    return Error::conflict("This contact was refused, so there is no approval to revoke.");
  return revoke_dated_grant(at, GrantKind::kContactApproval, approval_id, a.staff_id, a.grant,
                            reason);
}

Result<ContactApproval> get_contact_approval(const SchoolScope& at, int64_t approval_id) {
  ContactApproval a = TRY(load_one(at.conn, at.school_id, approval_id));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"staff.contact.view", "staff_contact_approval",
                              std::to_string(approval_id), at.school_id, "{}"}));
  return a;
}

Result<std::vector<ContactApproval>> list_contact_approvals(const SchoolScope& at,
                                                            std::optional<int64_t> staff_id) {
  std::vector<ContactApproval> out;
  if (staff_id) {
    auto p = get_person(at.conn, at.school_id, *staff_id);
    if (!p.ok())
      return Error::not_found("There is no member of staff " + std::to_string(*staff_id) +
                              " at this school.");
    out = TRY(load(at.conn, "a.school_id = ? AND a.staff_id = ?", {at.school_id, *staff_id}));
  } else {
    out = TRY(load(at.conn, "a.school_id = ?", {at.school_id}));
  }
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"staff.contact.view", staff_id ? "person" : "school",
                 std::to_string(staff_id.value_or(at.school_id)), at.school_id,
                 nlohmann::json{{"what", "contact approvals"}, {"shown", out.size()}}.dump()}));
  return out;
}

Result<ContactCheck> contact_approved_on(Connection& conn, const StaffRules& rules,
                                         int64_t school_id, int64_t staff_id, int64_t person_id,
                                         std::string_view platform, const CalendarDate& on) {
  auto staff = get_person(conn, school_id, staff_id);
  if (!staff.ok())
    return Error::not_found("There is no member of staff " + std::to_string(staff_id) +
                            " at this school.");
  Person other = TRY(load_pupil_or_parent(conn, school_id, person_id));
  std::string key = TRY(parse_contact_channel(platform));
  const std::string where_on = contact_channel_label(key) + " on " + on.iso();
  ContactCheck check;
  if (rules.personal_contact == PersonalContact::kNever) {
    check.explanation =
        "Your school's policy does not allow staff to contact pupils or parents "
        "through personal accounts.";
    return check;
  }
  // Candidates by SQL; whether each is in force on the day is decided in one place (in_force_on).
  std::vector<ContactApproval> all = TRY(
      load(conn,
           "a.school_id = ? AND a.staff_id = ? AND a.platform = ? AND a.decision = 'approved' AND "
           "a.starts_on <= ?",
           {school_id, staff_id, key, on.iso()}));
  std::sort(all.begin(), all.end(),
            [](const ContactApproval& a, const ContactApproval& b) { return a.id < b.id; });
  for (const ContactApproval& a : all) {
    if (!a.in_force_on(on)) continue;
    bool named = std::any_of(a.people.begin(), a.people.end(),
                             [&](const ContactPerson& p) { return p.person_id == person_id; });
    if (named && !check.approved) {
      check.approved = true;
      check.approval_id = a.id;
      check.explanation = staff->display_name() + " may contact " + other.display_name() +
                          " through " + where_on + ": approved by " + a.decided_by_name +
                          (a.grant.ends_on ? " until " + a.grant.ends_on->iso() : std::string()) +
                          ".";
    } else if (!named && !a.group_description.empty()) {
      check.group_approval_ids.push_back(a.id);
    }
  }
  if (!check.approved) {
    check.explanation = "No approval is in force for " + staff->display_name() + " to contact " +
                        other.display_name() + " through " + where_on + ".";
    if (!check.group_approval_ids.empty())
      check.explanation += " An approval for a described group is in force; check whether " +
                           other.display_name() + " is in that group.";
  }
  return check;
}

}  // namespace inloco

#include "staff/staff_relationships.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "auth/grants_store.h"
#include "core/text.h"
#include "people/people_store.h"
#include "staff/staff_members.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

const char* kRelationshipSelect =
    "SELECT r.id, r.school_id, r.staff_id, COALESCE(s.preferred_name, s.given_name) || ' ' || "
    "s.family_name, r.other_person_id, COALESCE(o.preferred_name, o.given_name) || ' ' || "
    "o.family_name, r.other_description, r.relationship, r.details, r.declared_by, "
    "r.declared_by_name, r.declared_at FROM staff_relationships r "
    "JOIN people s ON s.id = r.staff_id LEFT JOIN people o ON o.id = r.other_person_id ";

StaffRelationship relationship_from_row(const Row& r) {
  RowReader in(r);
  StaffRelationship v;
  v.id = in.integer();
  v.school_id = in.integer();
  v.staff_id = in.integer();
  v.staff_name = in.text();
  v.other_person_id = in.optional_integer();
  std::string other_person_name = in.text();  // empty when no person is linked
  v.other_description = in.text();
  v.other_name = v.other_person_id ? other_person_name : v.other_description;
  v.relationship = in.text();
  v.details = in.text();
  v.declared_by = in.optional_integer();
  v.declared_by_name = in.text();
  v.declared_at = in.integer();
  return v;
}

RelationshipOutcome outcome_of(std::string_view key) {
  return key == "closed" ? RelationshipOutcome::kClosed : RelationshipOutcome::kAgreed;
}

// Fills in decisions, status and review date for the relationships `where` selects.
Result<std::vector<StaffRelationship>> load(Connection& conn, const std::string& where,
                                            const SqlParams& params) {
  Rows rows = TRY(conn.query(
      std::string(kRelationshipSelect) + "WHERE " + where + " ORDER BY s.sort_name, r.id", params));
  std::vector<StaffRelationship> out;
  std::map<int64_t, size_t> index;
  for (const Row& r : rows) {
    out.push_back(relationship_from_row(r));
    index[out.back().id] = out.size() - 1;
  }
  if (out.empty()) return out;
  Rows decisions = TRY(conn.query(
      "SELECT d.relationship_id, d.id, d.outcome, d.agreed, d.review_on, d.decided_by, "
      "d.decided_by_name, d.decided_at FROM staff_relationship_decisions d JOIN "
      "staff_relationships r ON r.id = d.relationship_id JOIN people s ON s.id = r.staff_id "
      "WHERE " +
          where + " ORDER BY d.id",
      params));
  std::map<int64_t, std::pair<size_t, size_t>> decision_index;  // decision -> (rel, position)
  for (const Row& r : decisions) {
    RowReader in(r);
    auto it = index.find(in.integer());
    if (it == index.end()) continue;
    RelationshipDecision d;
    d.id = in.integer();
    d.outcome = outcome_of(in.text());
    d.agreed = in.text();
    d.review_on = TRY(stored_optional_day(in.value(), "review_on"));
    d.decided_by = in.optional_integer();
    d.decided_by_name = in.text();
    d.decided_at = in.integer();
    auto& list = out[it->second].decisions;
    decision_index[d.id] = {it->second, list.size()};
    list.push_back(std::move(d));
  }
  Rows participants = TRY(conn.query(
      "SELECT x.decision_id, COALESCE(p.preferred_name, p.given_name) || ' ' || p.family_name "
      "FROM staff_relationship_participants x JOIN staff_relationship_decisions d ON d.id = "
      "x.decision_id JOIN staff_relationships r ON r.id = d.relationship_id JOIN people s ON "
      "s.id = r.staff_id JOIN people p ON p.id = x.person_id WHERE " +
          where + " ORDER BY x.decision_id, p.sort_name, p.id",
      params));
  for (const Row& r : participants) {
    RowReader in(r);
    if (auto it = decision_index.find(in.integer()); it != decision_index.end())
      out[it->second.first].decisions[it->second.second].participants.push_back(in.text());
  }
  for (StaffRelationship& v : out) {
    if (v.decisions.empty()) continue;
    const RelationshipDecision& last = v.decisions.back();
    v.status = last.outcome == RelationshipOutcome::kClosed ? RelationshipStatus::kClosed
                                                            : RelationshipStatus::kAgreed;
    v.review_on = last.review_on;
  }
  return out;
}

Result<StaffRelationship> load_one(Connection& conn, int64_t school_id, int64_t id) {
  auto found = TRY(load(conn, "r.id = ? AND r.school_id = ?", {id, school_id}));
  if (found.empty())
    return Error::not_found("There is no declared relationship " + std::to_string(id) +
                            " at this school.");
  return std::move(found[0]);
}

// A person of the school, or of its trust with no school (an executive head).
Result<Person> load_participant(Connection& conn, const School& school, int64_t person_id) {
  if (auto p = get_person(conn, school.id, person_id); p.ok()) return std::move(p).value();
  auto p = get_person_by_id(conn, person_id);
  if (p.ok() && !p->school_id && p->trust_id == school.trust_id) return std::move(p).value();
  return Error::not_found("There is no person " + std::to_string(person_id) +
                          " at this school to record as taking part.");
}

std::string roles_and_phrase(const std::vector<Role>& roles) {
  std::string out;
  for (size_t i = 0; i < roles.size(); ++i) {
    if (i > 0) out += i + 1 == roles.size() ? " and " : ", ";
    out += "the " + std::string(role_label(roles[i]));
  }
  return out;
}

}  // namespace

std::string_view relationship_outcome_key(RelationshipOutcome o) {
  return o == RelationshipOutcome::kClosed ? "closed" : "agreed";
}

std::string_view relationship_status_key(RelationshipStatus s) {
  switch (s) {
    case RelationshipStatus::kAwaitingDecision:
      return "awaiting_decision";
    case RelationshipStatus::kAgreed:
      return "agreed";
    case RelationshipStatus::kClosed:
      return "closed";
  }
  return "awaiting_decision";
}

std::string_view relationship_status_label(RelationshipStatus s) {
  switch (s) {
    case RelationshipStatus::kAwaitingDecision:
      return "Awaiting a decision";
    case RelationshipStatus::kAgreed:
      return "Arrangement agreed";
    case RelationshipStatus::kClosed:
      return "Closed";
  }
  return "Awaiting a decision";
}

Result<int64_t> declare_relationship(const SchoolScope& at, const Grants& grants,
                                     const StaffRules& rules, const RelationshipDeclaration& d) {
  School school = TRY(get_school(at.conn, at.school_id));
  Person staff = TRY(load_staff_member(at.conn, at.school_id, d.staff_id));
  const bool self = at.actor.person_id && *at.actor.person_id == staff.id;
  if (!self && !grants.holds_any(rules.relationship_reviewers, school.id, school.trust_id))
    return Error::forbidden("Only " + staff.display_name() + " themselves, or " +
                            roles_phrase(rules.relationship_reviewers) +
                            ", can declare a relationship for them.");
  std::string relationship =
      TRY(required_text(d.relationship, "relationship",
                        "Say what the relationship is, for example \"niece\" or \"family friend\".",
                        kMaxStaffShortText, false));
  std::string details = TRY(required_text(
      d.details, "explanation",
      "Say how the relationship affects following the policy, for example \"we are friends on "
      "Facebook and our families meet at weekends\".",
      kMaxStaffLongText, true));
  std::string description = TRY(optional_text(
      d.other_description, "description of the other person", kMaxStaffShortText, false));
  std::optional<Person> other;
  if (d.other_person_id) {
    if (*d.other_person_id == staff.id)
      return Error::invalid("Name the other person in the relationship, not " +
                            staff.display_name() + " themselves.");
    auto p = get_person(at.conn, at.school_id, *d.other_person_id);
    if (!p.ok())
      return Error::not_found("There is no person " + std::to_string(*d.other_person_id) +
                              " at this school; choose them from the register or describe them.");
    other = std::move(p).value();
  } else if (description.empty()) {
    return Error::invalid(
        "Choose the other person from the register, or describe them (for example \"my "
        "nephew, who starts in Reception in September\").");
  }
  if (other) {
    Rows open = TRY(at.conn.query(
        "SELECT r.id FROM staff_relationships r WHERE r.school_id = ? AND r.staff_id = ? AND "
        "r.other_person_id = ? AND COALESCE((SELECT d.outcome FROM staff_relationship_decisions d "
        "WHERE d.relationship_id = r.id ORDER BY d.id DESC LIMIT 1), 'agreed') <> 'closed'",
        {at.school_id, staff.id, other->id}));
    if (!open.empty())
      return Error::conflict(staff.display_name() + "'s relationship with " +
                             other->display_name() + " is already declared (relationship " +
                             std::to_string(open[0][0].as_int()) +
                             "); record a new decision on it instead.");
  }
  const int64_t now = at.now();
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO staff_relationships (school_id, staff_id, other_person_id, other_description, "
      "relationship, details, declared_by, declared_by_name, declared_at) VALUES (?, ?, ?, ?, ?, "
      "?, ?, ?, ?) RETURNING id",
      {at.school_id, staff.id, d.other_person_id, description, relationship, details,
       at.actor.person_id, at.actor.name, now}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{
          "staff.relationship.declare", "staff_relationship", std::to_string(id), at.school_id,
          nlohmann::json{
              {"staff", staff.id}, {"other_person", other ? other->id : 0}, {"on_behalf", !self}}
              .dump()}));
  return id;
}

Result<int64_t> decide_relationship(const SchoolScope& at, const Grants& grants,
                                    const StaffRules& rules, int64_t relationship_id,
                                    const RelationshipDecisionInput& in) {
  School school = TRY(get_school(at.conn, at.school_id));
  StaffRelationship rel = TRY(load_one(at.conn, at.school_id, relationship_id));
  TRY(require_one_of(grants, rules.relationship_reviewers, school,
                     "record decisions on pre-existing relationships"));
  if (!at.actor.person_id || *at.actor.person_id == rel.staff_id)
    return Error::forbidden(
        "This relationship is yours, so someone else must record the "
        "decision on it.");
  if (rel.status == RelationshipStatus::kClosed)
    return Error::conflict("This relationship was closed on " +
                           date_of(rel.decisions.back().decided_at).iso() +
                           "; if it matters again, declare it again.");
  const bool closing = in.outcome == RelationshipOutcome::kClosed;
  std::string agreed = TRY(required_text(
      in.agreed, closing ? "reason for closing" : "agreement",
      closing ? "Say why no arrangement is needed any more, for example \"the pupil left in July\"."
              : "Write down what was agreed, for example \"no contact on social media; "
                "parents' evening appointments with the phase leader\".",
      kMaxStaffLongText, true));
  const CalendarDate today = staff_today(at.clock);
  if (in.review_on && closing)
    return Error::invalid("A closed relationship has no review date; leave it empty.");
  if (in.review_on && *in.review_on < today)
    return Error::invalid("The review date " + in.review_on->iso() +
                          " is in the past; choose today or a later day.");

  std::set<int64_t> others(in.discussed_with.begin(), in.discussed_with.end());
  others.erase(*at.actor.person_id);
  std::vector<int64_t> participants = {*at.actor.person_id};
  std::vector<std::string> names;
  for (int64_t id : others) {
    if (id == rel.staff_id)
      return Error::invalid(rel.staff_name +
                            " is the member of staff concerned; record only the others who took "
                            "part in the decision.");
    Person p = TRY(load_participant(at.conn, school, id));
    participants.push_back(id);
    names.push_back(p.display_name());
  }
  if (!closing) {
    // STF-1: discussed with every role the profile names, except one the member of staff
    // holds (they cannot discuss it with themselves).
    Grants staff_grants = TRY(load_grants(at.conn, rel.staff_id));
    std::vector<Role> missing;
    for (Role role : rules.relationship_reviewers) {
      if (staff_grants.holds_any({role}, school.id, school.trust_id)) continue;
      bool present = grants.holds_any({role}, school.id, school.trust_id);
      for (size_t i = 1; i < participants.size() && !present; ++i) {
        Grants g = TRY(load_grants(at.conn, participants[i]));
        present = g.holds_any({role}, school.id, school.trust_id);
      }
      if (!present) missing.push_back(role);
    }
    if (!missing.empty())
      return Error::invalid(
          "Your school's policy says pre-existing relationships are discussed "
          "with " +
          roles_and_phrase(rules.relationship_reviewers) + "; nobody recorded as taking part is " +
          roles_phrase(missing) + ". Add them to who took part, then record the decision.");
  }

  const int64_t now = at.now();
  const std::optional<std::string> review = optional_iso(in.review_on);
  int64_t id = TRY(at.conn.insert(
      "INSERT INTO staff_relationship_decisions (relationship_id, outcome, agreed, "
      "discussed_with, review_on, decided_by, decided_by_name, decided_at) VALUES (?, ?, ?, ?, "
      "?, ?, ?, ?) RETURNING id",
      {relationship_id, relationship_outcome_key(in.outcome), agreed, join(names, ", "), review,
       at.actor.person_id, at.actor.name, now}));
  for (size_t i = 1; i < participants.size(); ++i)
    TRY(at.conn.execute(
        "INSERT INTO staff_relationship_participants (decision_id, person_id) VALUES (?, ?)",
        {id, participants[i]}));
  TRY(append_audit(at.conn, at.clock, at.actor,
                   AuditEvent{"staff.relationship.decide", "staff_relationship",
                              std::to_string(relationship_id), at.school_id,
                              nlohmann::json{{"decision", id},
                                             {"outcome", relationship_outcome_key(in.outcome)},
                                             {"participants", participants},
                                             {"review_on", review.value_or("")}}
                                  .dump()}));
  return id;
}

Result<StaffRelationship> get_relationship(const SchoolScope& at, int64_t relationship_id) {
  StaffRelationship rel = TRY(load_one(at.conn, at.school_id, relationship_id));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"staff.relationship.view", "staff_relationship", std::to_string(relationship_id),
                 at.school_id, nlohmann::json{{"decisions", rel.decisions.size()}}.dump()}));
  return rel;
}

Result<std::vector<StaffRelationship>> list_relationships(const SchoolScope& at,
                                                          std::optional<int64_t> staff_id) {
  std::vector<StaffRelationship> out;
  if (staff_id) {
    auto p = get_person(at.conn, at.school_id, *staff_id);
    if (!p.ok())
      return Error::not_found("There is no member of staff " + std::to_string(*staff_id) +
                              " at this school.");
    out = TRY(load(at.conn, "r.school_id = ? AND r.staff_id = ?", {at.school_id, *staff_id}));
  } else {
    out = TRY(load(at.conn, "r.school_id = ?", {at.school_id}));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const StaffRelationship& a, const StaffRelationship& b) {
                     return static_cast<int>(a.status) < static_cast<int>(b.status);
                   });
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"staff.relationship.view", staff_id ? "person" : "school",
                 std::to_string(staff_id.value_or(at.school_id)), at.school_id,
                 nlohmann::json{{"what", "relationships"}, {"shown", out.size()}}.dump()}));
  return out;
}

Result<std::vector<RoleHolder>> possible_participants(Connection& conn, const StaffRules& rules,
                                                      int64_t school_id,
                                                      const StaffRelationship& rel,
                                                      int64_t decider_id) {
  std::vector<RoleHolder> holders = TRY(role_holders_at(conn, school_id));
  std::vector<RoleHolder> out;
  std::set<int64_t> seen;
  for (auto& h : holders) {
    const bool reviewer =
        std::find(rules.relationship_reviewers.begin(), rules.relationship_reviewers.end(),
                  h.role) != rules.relationship_reviewers.end();
    if (!reviewer || h.person.id == rel.staff_id || h.person.id == decider_id ||
        !seen.insert(h.person.id).second)
      continue;
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<RelationshipAttention>> relationships_needing_attention(Connection& conn,
                                                                           int64_t school_id,
                                                                           const CalendarDate& by) {
  std::vector<StaffRelationship> all = TRY(load(conn, "r.school_id = ?", {school_id}));
  std::vector<RelationshipAttention> out;
  for (const StaffRelationship& r : all) {
    bool due = r.status == RelationshipStatus::kAwaitingDecision ||
               (r.status == RelationshipStatus::kAgreed && r.review_on && *r.review_on <= by);
    if (due) out.push_back({r.id, r.staff_id, r.staff_name, r.status, r.review_on});
  }
  // Awaiting a decision first, then by review day (none before any day).
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::make_tuple(a.status != RelationshipStatus::kAwaitingDecision, a.review_on) <
           std::make_tuple(b.status != RelationshipStatus::kAwaitingDecision, b.review_on);
  });
  return out;
}

}  // namespace inloco

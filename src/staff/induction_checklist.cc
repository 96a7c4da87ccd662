#include "staff/induction_checklist.h"

#include <map>
#include <nlohmann/json.hpp>

#include "people/people_store.h"
#include "people/person_rows.h"
#include "staff/staff_members.h"
#include "store/row_reader.h"

namespace inloco {
namespace {

// Keyed by staff id: item key -> (done_on, ticked_at).
using Ticks = std::map<int64_t, std::map<std::string, std::pair<CalendarDate, int64_t>>>;

Result<Ticks> ticks_of(Connection& conn, const std::string& where, const SqlParams& params) {
  Rows rows = TRY(conn.query(
      "SELECT t.staff_id, t.item_key, t.done_on, t.ticked_at FROM staff_induction_ticks t WHERE " +
          where,
      params));
  Ticks out;
  for (const Row& r : rows) {
    RowReader in(r);
    const int64_t staff_id = in.integer();
    const std::string item_key = in.text();
    const CalendarDate done_on = TRY(stored_day(in.value(), "done_on"));
    const int64_t ticked_at = in.integer();
    out[staff_id][item_key] = {done_on, ticked_at};
  }
  return out;
}

InductionProgress progress(const Person& p, const std::vector<InductionItem>& items,
                           const Ticks& ticks) {
  InductionProgress out;
  out.staff_id = p.id;
  out.name = p.display_name();
  out.job_title = p.job_title;
  auto mine = ticks.find(p.id);
  for (const InductionItem& item : items) {
    InductionItemState s{item, std::nullopt, std::nullopt};
    if (mine != ticks.end())
      if (auto it = mine->second.find(item.key); it != mine->second.end()) {
        s.done_on = it->second.first;
        s.ticked_at = it->second.second;
        ++out.done;
      }
    out.items.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::vector<InductionItem> induction_items(const StaffRules& rules) {
  if (!rules.induction_checklist) return {};
  return {
      {"read_policy", "I have read the school's social media policy"},
      {"reviewed_past_posts",
       "I have reviewed my own past posts and removed anything that would breach it"},
      {"privacy_settings", "I have set the privacy settings of my personal accounts"},
  };
}

Status tick_induction_item(const SchoolScope& at, const StaffRules& rules, int64_t staff_id,
                           std::string_view item_key, std::optional<CalendarDate> done_on) {
  Person staff = TRY(load_staff_member(at.conn, at.school_id, staff_id));
  if (!at.actor.person_id || *at.actor.person_id != staff.id)
    return Error::forbidden("Only " + staff.display_name() +
                            " can tick their own induction checklist: each tick is their own "
                            "statement of what they have done.");
  std::vector<InductionItem> items = induction_items(rules);
  if (items.empty())
    return Error::invalid(
        "Your school's policy has no induction checklist, so there is nothing "
        "to tick.");
  const InductionItem* item = nullptr;
  for (const InductionItem& i : items)
    if (i.key == item_key) item = &i;
  if (!item)
    return Error::invalid("'" + std::string(item_key) +
                          "' is not an item of the induction checklist; choose one of the items "
                          "shown.");
  const CalendarDate today = staff_today(at.clock);
  const CalendarDate done = done_on.value_or(today);
  if (done > today)
    return Error::invalid("The date " + done.iso() +
                          " is in the future; tick an item on or after the day you did it.");
  Rows existing = TRY(
      at.conn.query("SELECT done_on FROM staff_induction_ticks WHERE staff_id = ? AND item_key = ?",
                    {staff.id, item->key}));
  if (!existing.empty())
    return Error::conflict("You ticked \"" + item->label + "\" already, as done on " +
                           TRY(stored_day(existing[0][0], "done_on")).iso() + ".");
  const int64_t now = at.now();
  TRY(at.conn.insert(
      "INSERT INTO staff_induction_ticks (school_id, staff_id, item_key, done_on, ticked_at) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id",
      {at.school_id, staff.id, item->key, done.iso(), now}));
  TRY(append_audit(
      at.conn, at.clock, at.actor,
      AuditEvent{"staff.induction.tick", "person", std::to_string(staff.id), at.school_id,
                 nlohmann::json{{"item", item->key}, {"done_on", done.iso()}}.dump()}));
  return {};
}

Result<InductionProgress> induction_of(Connection& conn, const StaffRules& rules, int64_t school_id,
                                       int64_t staff_id) {
  auto p = get_person(conn, school_id, staff_id);
  if (!p.ok() || p->kind != PersonKind::kStaff)
    return Error::not_found("There is no member of staff " + std::to_string(staff_id) +
                            " at this school.");
  Ticks ticks = TRY(ticks_of(conn, "t.staff_id = ? AND t.school_id = ?", {staff_id, school_id}));
  return progress(*p, induction_items(rules), ticks);
}

Result<std::vector<InductionProgress>> incomplete_inductions(Connection& conn,
                                                             const StaffRules& rules,
                                                             int64_t school_id) {
  std::vector<InductionItem> items = induction_items(rules);
  std::vector<InductionProgress> out;
  if (items.empty()) return out;
  Rows rows = TRY(conn.query("SELECT " + person_columns() +
                                 " FROM people p WHERE p.school_id = ? AND p.kind = 'staff' AND "
                                 "p.active = 1 ORDER BY p.sort_name, p.id",
                             {school_id}));
  Ticks ticks = TRY(ticks_of(conn, "t.school_id = ?", {school_id}));
  for (const Row& r : rows) {
    InductionProgress pr = progress(person_from_row(r), items, ticks);
    if (!pr.complete()) out.push_back(std::move(pr));
  }
  return out;
}

}  // namespace inloco

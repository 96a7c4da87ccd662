// JSON API for staff conduct records (STF-1..4), the same as the pages of
// staff_conduct_pages: one's own overview (induction checklist, declared
// relationships with their decisions, the contact approvals and blogging
// authorisations in force), ticking an induction item and declaring a
// relationship; the school's relationships and the decisions on them, contact
// through personal accounts approved or refused in advance and revoked,
// blogging authorised and revoked, and who has not finished their induction.
// Times are Unix seconds, days are YYYY-MM-DD. The input is checked first
// (staff/staff_input.h, as the pages do), so an incomplete request is 422
// whoever sends it; the profile's narrower rules (who decides) are the
// library's, and answered 403.
#include "profile/profile_schema.h"
#include "profile/profile_store.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/staff_input.h"
#include "staff/staff_members.h"
#include "staff/staff_relationships.h"
#include "web/api/json_fields.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

using nlohmann::json;

// A list of person ids; kInvalid naming `key` when it is something else.
Result<std::vector<int64_t>> ids(const json& b, const char* key) {
  std::vector<int64_t> out;
  if (!b.contains(key) || b[key].is_null()) return out;
  if (!b[key].is_array())
    return Error::invalid("\"" + std::string(key) + "\" is a list of person ids, for example [12, 15].");
  for (const auto& v : b[key]) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return Error::invalid("\"" + std::string(key) + "\" is a list of person ids, for example [12, 15].");
    out.push_back(v.get<int64_t>());
  }
  return out;
}


// A problem found by staff_input.h, naming the JSON key of the field.
Error named(const std::string& field, const Error& e) {
  const std::string key = field == "staff" ? "staff_id" : field == "people" ? "person_ids" : field;
  return Error::invalid("\"" + key + "\": " + e.message);
}

Result<PolicyProfile> profile_of(AppContext& app, const Request& req) {
  return app.db.read([&](Connection& c) { return profile_for_school(c, req.school->id); });
}

json roles_json(const std::vector<Role>& roles) {
  json out = json::array();
  for (Role r : roles) out.push_back(role_key(r));
  return out;
}

json induction_json(const InductionProgress& p) {
  json items = json::array();
  for (const auto& s : p.items)
    items.push_back({{"key", s.item.key}, {"label", s.item.label}, {"done", s.done_on.has_value()},
                     {"done_on", or_null(s.done_on)}, {"ticked_at", or_null(s.ticked_at)}});
  return {{"staff_id", p.staff_id}, {"name", p.name}, {"job_title", or_null(p.job_title)}, {"items", items},
          {"done", p.done}, {"total", p.items.size()}, {"complete", p.complete()}};
}

json relationship_json(const StaffRelationship& r, const CalendarDate& today) {
  json decisions = json::array();
  for (const auto& d : r.decisions)
    decisions.push_back({{"id", d.id}, {"outcome", relationship_outcome_key(d.outcome)}, {"agreed", d.agreed},
                         {"discussed_with", d.participants}, {"review_on", or_null(d.review_on)},
                         {"decided_by", d.decided_by_name}, {"decided_by_id", or_null(d.decided_by)},
                         {"decided_at", d.decided_at}});
  const bool review_due = r.status == RelationshipStatus::kAgreed && r.review_on && *r.review_on <= today.iso();
  return {{"id", r.id}, {"staff_id", r.staff_id}, {"staff_name", r.staff_name},
          {"other_person_id", or_null(r.other_person_id)}, {"other", r.other_name},
          {"relationship", r.relationship}, {"details", r.details}, {"declared_by", r.declared_by_name},
          {"declared_at", r.declared_at}, {"status", relationship_status_key(r.status)},
          {"review_on", or_null(r.review_on)}, {"review_due", review_due}, {"decisions", decisions}};
}

json contact_json(const ContactApproval& a, const CalendarDate& today) {
  json people = json::array();
  for (const auto& p : a.people) people.push_back({{"person_id", p.person_id}, {"name", p.name}, {"kind", p.kind}});
  return {{"id", a.id}, {"staff_id", a.staff_id}, {"staff_name", a.staff_name},
          {"decision", contact_decision_key(a.decision)}, {"platform", a.platform},
          {"platform_label", contact_channel_label(a.platform)}, {"people", people}, {"group", a.group_description},
          {"reason", a.reason}, {"starts_on", a.starts_on}, {"ends_on", or_null(a.ends_on)},
          {"decided_by", a.decided_by_name}, {"decided_at", a.decided_at}, {"in_force", a.in_force_on(today)},
          {"revocable", a.revocable_on(today)}, {"revoked_on", or_null(a.revoked_on)},
          {"revoked_at", or_null(a.revoked_at)}, {"revoked_by", a.revoked_by_name}, {"revoke_reason", a.revoke_reason}};
}

json blog_json(const BlogAuthorisation& b, const CalendarDate& today) {
  return {{"id", b.id}, {"staff_id", b.staff_id}, {"staff_name", b.staff_name},
          {"channel", blog_channel_key(b.channel)}, {"channel_label", blog_channel_label(b.channel)},
          {"address", b.address}, {"scope", b.scope}, {"starts_on", b.starts_on}, {"ends_on", or_null(b.ends_on)},
          {"authorised_by", b.authorised_by_name}, {"authorised_at", b.authorised_at},
          {"in_force", b.in_force_on(today)}, {"revocable", b.revocable_on(today)},
          {"revoked_on", or_null(b.revoked_on)}, {"revoked_at", or_null(b.revoked_at)},
          {"revoked_by", b.revoked_by_name}, {"revoke_reason", b.revoke_reason}};
}

bool can(const Request& req, Capability c) { return req.grants.can(c, req.school->id, req.school->trust_id); }

// STF-1, STF-4: what the overview page shows, as JSON.
HttpResponse overview(AppContext& app, Request& req) {
  auto profile = profile_of(app, req);
  if (!profile.ok()) return error_response(app, req, profile.error());
  const StaffRules& rules = profile->staff;
  const int64_t me = req.user->person_id;
  const int64_t school = req.school->id;
  Actor actor = req.actor();
  const CalendarDate today = staff_today(app.clock);

  json out{{"person_id", me}, {"is_staff", false}, {"induction", nullptr}};
  // The checklist and the declarations are only for current staff of the school.
  auto member = app.db.read([&](Connection& conn) { return load_staff_member(conn, school, me); });
  if (!member.ok() && member.error().code != ErrorCode::kNotFound && member.error().code != ErrorCode::kInvalid)
    return error_response(app, req, member.error());
  if (member.ok()) {
    out["is_staff"] = true;
    if (rules.induction_checklist) {
      auto progress = app.db.read([&](Connection& conn) { return induction_of(conn, rules, school, me); });
      if (!progress.ok()) return error_response(app, req, progress.error());
      out["induction"] = induction_json(*progress);
    }
    auto mine = app.db.transaction([&](Connection& conn) { return list_relationships(conn, app.clock, actor, school, me); });
    if (!mine.ok()) return error_response(app, req, mine.error());
    json rels = json::array();
    for (const auto& r : *mine) rels.push_back(relationship_json(r, today));
    out["relationships"] = rels;
    auto contact = app.db.transaction([&](Connection& conn) { return list_contact_approvals(conn, app.clock, actor, school, me); });
    if (!contact.ok()) return error_response(app, req, contact.error());
    json approvals = json::array();
    for (const auto& a : *contact)
      if (a.in_force_on(today)) approvals.push_back(contact_json(a, today));
    out["contact_approvals"] = approvals;
    auto blogs = app.db.read([&](Connection& conn) { return list_blog_authorisations(conn, school, me, today); });
    if (!blogs.ok()) return error_response(app, req, blogs.error());
    json auths = json::array();
    for (const auto& b : *blogs) auths.push_back(blog_json(b, today));
    out["blog_authorisations"] = auths;
  }
  // The school's records, for those who may see them: how many need attention.
  if (can(req, Capability::kStaffConductView)) {
    auto attention = app.db.read([&](Connection& conn) { return relationships_needing_attention(conn, school, today); });
    if (!attention.ok()) return error_response(app, req, attention.error());
    out["relationships_needing_attention"] = attention->size();
  }
  if (can(req, Capability::kStaffInductionView) && rules.induction_checklist) {
    auto open = app.db.read([&](Connection& conn) { return incomplete_inductions(conn, rules, school); });
    if (!open.ok()) return error_response(app, req, open.error());
    out["unfinished_inductions"] = open->size();
  }
  return json_response(200, out);
}

}  // namespace

void add_staff_conduct_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string base = "/api/v1/schools/{school}/staff-conduct";

  // STF-1, STF-4: one's own records.
  router.add({V::get, base, Access::kSchool, C::kStaffOwnConduct}, [&app](Request& req) { return overview(app, req); });
  // {"item": "read_policy"}: the member of staff ticks an item of their own checklist.
  router.add({V::post, base + "/induction", Access::kSchool, C::kStaffOwnConduct}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"item\": the key of the checklist item} as JSON."));
    const std::string item = text_field(b, "item");
    if (auto chosen = induction_item_chosen(item); !chosen.ok())
      return error_response(app, req, named("item", chosen.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    const int64_t me = req.user->person_id;
    auto s = app.db.transaction([&](Connection& c) {
      return tick_induction_item(c, app.clock, req.actor(), profile->staff, req.school->id, me, item);
    });
    if (!s.ok()) return error_response(app, req, s.error());
    auto progress = app.db.read([&](Connection& c) { return induction_of(c, profile->staff, req.school->id, me); });
    if (!progress.ok()) return error_response(app, req, progress.error());
    return json_response(201, induction_json(*progress));
  });
  // {"other": who, or "other_person_id", "relationship", "details"}: one's own declaration.
  router.add({V::post, base + "/relationships", Access::kSchool, C::kStaffOwnConduct}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b))
      return error_response(app, req, Error::invalid("Send {\"other\", \"relationship\", \"details\"} as a JSON object."));
    if (b.contains("other_person_id") && !b["other_person_id"].is_null() && !int_field(b, "other_person_id"))
      return error_response(app, req, Error::invalid("\"other_person_id\" is the id of a pupil or parent, a number."));
    RelationshipDeclaration d;
    d.staff_id = req.user->person_id;
    d.other_person_id = int_field(b, "other_person_id");
    d.other_description = text_field(b, "other");
    d.relationship = text_field(b, "relationship");
    d.details = text_field(b, "details");
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto id = app.db.transaction([&](Connection& c) {
      return declare_relationship(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, d);
    });
    if (!id.ok()) return error_response(app, req, id.error());
    return json_response(201, {{"id", *id}, {"status", relationship_status_key(RelationshipStatus::kAwaitingDecision)}});
  });

  // STF-1: the school's relationships and the decisions on them.
  router.add({V::get, base + "/relationships", Access::kSchool, C::kStaffConductView}, [&app](Request& req) {
    Actor actor = req.actor();
    auto all = app.db.transaction([&](Connection& c) { return list_relationships(c, app.clock, actor, req.school->id); });
    if (!all.ok()) return error_response(app, req, all.error());
    const CalendarDate today = staff_today(app.clock);
    json out = json::array();
    for (const auto& r : *all) out.push_back(relationship_json(r, today));
    return json_response(200, {{"relationships", out}});
  });
  // One relationship; for those who may decide, also who may take part in the decision.
  router.add({V::get, base + "/relationships/{relationship}", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) {
    auto id = req.int_param("relationship");
    if (!id) return error_response(app, req, Error::not_found("There is no such relationship."));
    Actor actor = req.actor();
    auto r = app.db.transaction([&](Connection& c) { return get_relationship(c, app.clock, actor, req.school->id, *id); });
    if (!r.ok()) return error_response(app, req, r.error());
    json out = relationship_json(*r, staff_today(app.clock));
    if (can(req, Capability::kStaffConductDecide) && r->status != RelationshipStatus::kClosed) {
      auto profile = profile_of(app, req);
      if (!profile.ok()) return error_response(app, req, profile.error());
      auto holders = app.db.read([&](Connection& c) {
        return possible_participants(c, profile->staff, req.school->id, *r, req.user->person_id);
      });
      if (!holders.ok()) return error_response(app, req, holders.error());
      json people = json::array();
      for (const auto& h : *holders)
        people.push_back({{"person_id", h.person.id}, {"name", h.person.display_name()}, {"role", role_key(h.role)}});
      out["reviewers"] = roles_json(profile->staff.relationship_reviewers);
      out["may_take_part"] = people;
    }
    return json_response(200, out);
  });
  // {"outcome": "agreed" | "closed", "agreed": what was agreed or why it is closed,
  //  "discussed_with": [person ids], "review_on": "YYYY-MM-DD"}.
  router.add({V::post, base + "/relationships/{relationship}/decide", Access::kSchool, C::kStaffConductDecide},
             [&app](Request& req) {
    auto id = req.int_param("relationship");
    if (!id) return error_response(app, req, Error::not_found("There is no such relationship."));
    json b = json_body(req);
    if (!is_json_object(b))
      return error_response(app, req, Error::invalid("Send {\"outcome\", \"agreed\", \"discussed_with\", \"review_on\"} as a JSON object."));
    auto with = ids(b, "discussed_with");
    if (!with.ok()) return error_response(app, req, with.error());
    std::string bad;
    auto in = relationship_decision_input({text_field(b, "outcome"), text_field(b, "agreed"), text_field(b, "review_on"), *with}, bad);
    if (!in.ok()) return error_response(app, req, named(bad, in.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto decision = app.db.transaction([&](Connection& c) {
      return decide_relationship(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, *id, *in);
    });
    if (!decision.ok()) return error_response(app, req, decision.error());
    return json_response(201, {{"id", *decision}, {"relationship_id", *id},
                               {"outcome", relationship_outcome_key(in->outcome)}});
  });

  // STF-2: contact through personal accounts.
  router.add({V::get, base + "/contact", Access::kSchool, C::kStaffConductView}, [&app](Request& req) {
    Actor actor = req.actor();
    auto all = app.db.transaction([&](Connection& c) { return list_contact_approvals(c, app.clock, actor, req.school->id); });
    if (!all.ok()) return error_response(app, req, all.error());
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    const CalendarDate today = staff_today(app.clock);
    json out = json::array();
    for (const auto& a : *all) out.push_back(contact_json(a, today));
    return json_response(200, {{"personal_contact", enum_key(kPersonalContactNames, profile->staff.personal_contact)},
                               {"approvers", roles_json(profile->staff.personal_contact_approvers)},
                               {"approvals", out}});
  });
  // {"staff_id", "decision": "approved" | "refused", "platform", "person_ids": [pupils and
  //  parents], "group", "reason", "starts_on", "ends_on"}.
  router.add({V::post, base + "/contact", Access::kSchool, C::kStaffConductDecide}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b))
      return error_response(app, req, Error::invalid("Send {\"staff_id\", \"decision\", \"platform\", \"person_ids\", \"group\", \"reason\", \"starts_on\", \"ends_on\"} as a JSON object."));
    auto people = ids(b, "person_ids");
    if (!people.ok()) return error_response(app, req, people.error());
    std::string bad;
    auto in = contact_decision_input({int_field(b, "staff_id").value_or(0), text_field(b, "decision"), text_field(b, "platform"),
                                      text_field(b, "group"), text_field(b, "reason"), text_field(b, "starts_on"), text_field(b, "ends_on"),
                                      *people}, bad);
    if (!in.ok()) return error_response(app, req, named(bad, in.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto id = app.db.transaction([&](Connection& c) {
      return decide_contact(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, *in);
    });
    if (!id.ok()) return error_response(app, req, id.error());
    return json_response(201, {{"id", *id}, {"decision", contact_decision_key(in->decision)}});
  });
  // {"reason": why it is revoked}.
  router.add({V::post, base + "/contact/{approval}/revoke", Access::kSchool, C::kStaffConductDecide}, [&app](Request& req) {
    auto id = req.int_param("approval");
    if (!id) return error_response(app, req, Error::not_found("There is no such approval."));
    json b = json_body(req);
    if (!is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"reason\": why it is revoked} as JSON."));
    const std::string reason = text_field(b, "reason");
    if (auto given = revoke_reason_given(reason, "approval"); !given.ok())
      return error_response(app, req, named("reason", given.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto s = app.db.transaction([&](Connection& c) {
      return revoke_contact_approval(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, *id, reason);
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"revoked_on", staff_today(app.clock).iso()}});
  });

  // STF-3: blogging and posting about the school.
  router.add({V::get, base + "/blogging", Access::kSchool, C::kStaffConductView}, [&app](Request& req) {
    auto all = app.db.read([&](Connection& c) { return list_blog_authorisations(c, req.school->id); });
    if (!all.ok()) return error_response(app, req, all.error());
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    const CalendarDate today = staff_today(app.clock);
    json out = json::array();
    for (const auto& b : *all) out.push_back(blog_json(b, today));
    return json_response(200, {{"needed", enum_key(kAuthorisationNames, profile->staff.blogging)},
                               {"authorisers", roles_json(profile->staff.blog_authorisers)},
                               {"authorisations", out}});
  });
  // {"staff_id", "channel": "blog" | "personal_account" | "professional_network", "address",
  //  "scope", "starts_on", "ends_on"}.
  router.add({V::post, base + "/blogging", Access::kSchool, C::kStaffConductDecide}, [&app](Request& req) {
    json b = json_body(req);
    if (!is_json_object(b))
      return error_response(app, req, Error::invalid("Send {\"staff_id\", \"channel\", \"address\", \"scope\", \"starts_on\", \"ends_on\"} as a JSON object."));
    std::string bad;
    auto in = blog_authorisation_input({int_field(b, "staff_id").value_or(0), text_field(b, "channel"), text_field(b, "address"),
                                        text_field(b, "scope"), text_field(b, "starts_on"), text_field(b, "ends_on")}, bad);
    if (!in.ok()) return error_response(app, req, named(bad, in.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto id = app.db.transaction([&](Connection& c) {
      return authorise_blogging(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, *in);
    });
    if (!id.ok()) return error_response(app, req, id.error());
    return json_response(201, {{"id", *id}, {"channel", blog_channel_key(in->channel)}});
  });
  // {"reason": why it is revoked}.
  router.add({V::post, base + "/blogging/{authorisation}/revoke", Access::kSchool, C::kStaffConductDecide},
             [&app](Request& req) {
    auto id = req.int_param("authorisation");
    if (!id) return error_response(app, req, Error::not_found("There is no such authorisation."));
    json b = json_body(req);
    if (!is_json_object(b)) return error_response(app, req, Error::invalid("Send {\"reason\": why it is revoked} as JSON."));
    const std::string reason = text_field(b, "reason");
    if (auto given = revoke_reason_given(reason, "authorisation"); !given.ok())
      return error_response(app, req, named("reason", given.error()));
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto s = app.db.transaction([&](Connection& c) {
      return revoke_blogging(c, app.clock, req.actor(), req.grants, profile->staff, req.school->id, *id, reason);
    });
    if (!s.ok()) return error_response(app, req, s.error());
    return json_response(200, {{"id", *id}, {"revoked_on", staff_today(app.clock).iso()}});
  });

  // STF-4: who has not finished.
  router.add({V::get, base + "/inductions", Access::kSchool, C::kStaffInductionView}, [&app](Request& req) {
    auto profile = profile_of(app, req);
    if (!profile.ok()) return error_response(app, req, profile.error());
    auto open = app.db.read([&](Connection& c) { return incomplete_inductions(c, profile->staff, req.school->id); });
    if (!open.ok()) return error_response(app, req, open.error());
    json out = json::array();
    for (const auto& p : *open) {
      json j = induction_json(p);
      json missing = json::array();
      for (const auto& s : p.items)
        if (!s.done_on) missing.push_back(s.item.key);
      j["missing"] = missing;
      out.push_back(std::move(j));
    }
    return json_response(200, {{"checklist", profile->staff.induction_checklist}, {"people", out}});
  });
}

}  // namespace inloco::web

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
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/relationship_view.h"
#include "staff/staff_conduct_overview.h"
#include "staff/staff_input.h"
#include "staff/staff_members.h"
#include "staff/staff_relationships.h"
#include "web/api/json_fields.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

using nlohmann::json;

// A list of person ids; kInvalid naming `key` when it is something else.
Result<std::vector<int64_t>> ids(const json& b, const char* key) {
  std::vector<int64_t> out;
  if (!b.contains(key) || b[key].is_null()) return out;
  if (!b[key].is_array())
    return Error::invalid("\"" + std::string(key) +
                          "\" is a list of person ids, for example [12, 15].");
  for (const auto& v : b[key]) {
    if (!v.is_number_integer() || v.get<int64_t>() <= 0)
      return Error::invalid("\"" + std::string(key) +
                            "\" is a list of person ids, for example [12, 15].");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

// A problem found by staff_input.h, naming the JSON key of the field.
Error named(const std::string& field, const Error& e) {
  const std::string key = field == "staff" ? "staff_id" : field == "people" ? "person_ids" : field;
  return Error::invalid("\"" + key + "\": " + e.message);
}

json roles_json(const std::vector<Role>& roles) {
  json out = json::array();
  for (Role r : roles) out.push_back(role_key(r));
  return out;
}

json induction_json(const InductionProgress& p) {
  json items = json::array();
  for (const auto& s : p.items)
    items.push_back({{"key", s.item.key},
                     {"label", s.item.label},
                     {"done", s.done_on.has_value()},
                     {"done_on", or_null(optional_iso(s.done_on))},
                     {"ticked_at", or_null(s.ticked_at)}});
  return {{"staff_id", p.staff_id},  {"name", p.name}, {"job_title", or_null(p.job_title)},
          {"items", items},          {"done", p.done}, {"total", p.items.size()},
          {"complete", p.complete()}};
}

json relationship_json(const StaffRelationship& r, const CalendarDate& today) {
  json decisions = json::array();
  for (const auto& d : r.decisions)
    decisions.push_back({{"id", d.id},
                         {"outcome", relationship_outcome_key(d.outcome)},
                         {"agreed", d.agreed},
                         {"discussed_with", d.participants},
                         {"review_on", or_null(optional_iso(d.review_on))},
                         {"decided_by", d.decided_by_name},
                         {"decided_by_id", or_null(d.decided_by)},
                         {"decided_at", d.decided_at}});
  const bool review_due =
      r.status == RelationshipStatus::kAgreed && r.review_on && *r.review_on <= today;
  return {{"id", r.id},
          {"staff_id", r.staff_id},
          {"staff_name", r.staff_name},
          {"other_person_id", or_null(r.other_person_id)},
          {"other", r.other_name},
          {"relationship", r.relationship},
          {"details", r.details},
          {"declared_by", r.declared_by_name},
          {"declared_at", r.declared_at},
          {"status", relationship_status_key(r.status)},
          {"review_on", or_null(optional_iso(r.review_on))},
          {"review_due", review_due},
          {"decisions", decisions}};
}

json contact_json(const ContactApproval& a, const CalendarDate& today) {
  json people = json::array();
  for (const auto& p : a.people)
    people.push_back({{"person_id", p.person_id}, {"name", p.name}, {"kind", p.kind}});
  return {{"id", a.id},
          {"staff_id", a.staff_id},
          {"staff_name", a.staff_name},
          {"decision", contact_decision_key(a.decision)},
          {"platform", a.platform},
          {"platform_label", contact_channel_label(a.platform)},
          {"people", people},
          {"group", a.group_description},
          {"reason", a.reason},
          {"starts_on", a.grant.starts_on.iso()},
          {"ends_on", or_null(optional_iso(a.grant.ends_on))},
          {"decided_by", a.decided_by_name},
          {"decided_at", a.decided_at},
          {"in_force", a.in_force_on(today)},
          {"revocable", a.revocable_on(today)},
          {"revoked_on", or_null(optional_iso(a.grant.revoked_on))},
          {"revoked_at", or_null(a.grant.revoked_at)},
          {"revoked_by", a.grant.revoked_by_name},
          {"revoke_reason", a.grant.revoke_reason}};
}

json blog_json(const BlogAuthorisation& b, const CalendarDate& today) {
  return {{"id", b.id},
          {"staff_id", b.staff_id},
          {"staff_name", b.staff_name},
          {"channel", blog_channel_key(b.channel)},
          {"channel_label", blog_channel_label(b.channel)},
          {"address", b.address},
          {"scope", b.scope},
          {"starts_on", b.grant.starts_on.iso()},
          {"ends_on", or_null(optional_iso(b.grant.ends_on))},
          {"authorised_by", b.authorised_by_name},
          {"authorised_at", b.authorised_at},
          {"in_force", b.in_force_on(today)},
          {"revocable", b.revocable_on(today)},
          {"revoked_on", or_null(optional_iso(b.grant.revoked_on))},
          {"revoked_at", or_null(b.grant.revoked_at)},
          {"revoked_by", b.grant.revoked_by_name},
          {"revoke_reason", b.grant.revoke_reason}};
}

// STF-1, STF-4: what the overview page shows, as JSON.
Result<HttpResponse> overview(AppContext& app, Request& req) {
  PolicyProfile profile = TRY(school_profile(app, req));
  const StaffConductOverview o = TRY(staff_conduct_overview(
      app.db, app.clock, req.actor(), req.user->person_id, req.grants, profile.staff, *req.school));
  json out{{"person_id", req.user->person_id}, {"is_staff", o.is_staff}, {"induction", nullptr}};
  // The checklist and the declarations are only for current staff of the school.
  if (o.is_staff) {
    if (o.induction) out["induction"] = induction_json(*o.induction);
    json rels = json::array();
    for (const auto& r : o.relationships) rels.push_back(relationship_json(r, o.today));
    out["relationships"] = rels;
    json approvals = json::array();
    for (const auto& a : o.contact_approvals) approvals.push_back(contact_json(a, o.today));
    out["contact_approvals"] = approvals;
    json auths = json::array();
    for (const auto& b : o.blog_authorisations) auths.push_back(blog_json(b, o.today));
    out["blog_authorisations"] = auths;
  }
  // The school's records, for those who may see them: how many need attention.
  if (o.relationships_needing_attention)
    out["relationships_needing_attention"] = *o.relationships_needing_attention;
  if (o.unfinished_inductions) out["unfinished_inductions"] = *o.unfinished_inductions;
  return json_response(200, out);
}

}  // namespace

void add_staff_conduct_api_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string base = "/api/v1/schools/{school}/staff-conduct";

  // STF-1, STF-4: one's own records.
  router.add({V::get, base, Access::kSchool, C::kStaffOwnConduct},
             [&app](Request& req) { return overview(app, req); });
  // {"item": "read_policy"}: the member of staff ticks an item of their own checklist.
  router.add({V::post, base + "/induction", Access::kSchool, C::kStaffOwnConduct},
             [&app](Request& req) -> Result<HttpResponse> {
               json b = json_body(req);
               if (!is_json_object(b))
                 return Error::invalid("Send {\"item\": the key of the checklist item} as JSON.");
               const std::string item = text_field(b, "item");
               if (auto chosen = induction_item_chosen(item); !chosen.ok())
                 return named("item", chosen.error());
               PolicyProfile profile = TRY(school_profile(app, req));
               const int64_t me = req.user->person_id;
               TRY(app.db.transaction([&](Connection& c) {
                 return tick_induction_item(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            profile.staff, me, item);
               }));
               InductionProgress progress = TRY(app.db.read([&](Connection& c) {
                 return induction_of(c, profile.staff, req.school->id, me);
               }));
               return json_response(201, induction_json(progress));
             });
  // {"other": who, or "other_person_id", "relationship", "details"}: one's own declaration.
  router.add(
      {V::post, base + "/relationships", Access::kSchool, C::kStaffOwnConduct},
      [&app](Request& req) -> Result<HttpResponse> {
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid(
              "Send {\"other\", \"relationship\", \"details\"} as a JSON object.");
        if (b.contains("other_person_id") && !b["other_person_id"].is_null() &&
            !int_field(b, "other_person_id"))
          return Error::invalid("\"other_person_id\" is the id of a pupil or parent, a number.");
        RelationshipDeclaration d;
        d.staff_id = req.user->person_id;
        d.other_person_id = int_field(b, "other_person_id");
        d.other_description = text_field(b, "other");
        d.relationship = text_field(b, "relationship");
        d.details = text_field(b, "details");
        PolicyProfile profile = TRY(school_profile(app, req));
        int64_t id = TRY(app.db.transaction([&](Connection& c) {
          return declare_relationship(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                      req.grants, profile.staff, d);
        }));
        return json_response(
            201, {{"id", id},
                  {"status", relationship_status_key(RelationshipStatus::kAwaitingDecision)}});
      });

  // STF-1: the school's relationships and the decisions on them.
  router.add({V::get, base + "/relationships", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) -> Result<HttpResponse> {
               Actor actor = req.actor();
               std::vector<StaffRelationship> all = TRY(app.db.transaction([&](Connection& c) {
                 return list_relationships(SchoolScope{c, app.clock, actor, req.school->id});
               }));
               const CalendarDate today = staff_today(app.clock);
               json out = json::array();
               for (const auto& r : all) out.push_back(relationship_json(r, today));
               return json_response(200, {{"relationships", out}});
             });
  // One relationship; for those who may decide, also who may take part in the decision.
  router.add(
      {V::get, base + "/relationships/{relationship}", Access::kSchool, C::kStaffConductView},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("relationship");
        if (!id) return Error::not_found("There is no such relationship.");
        PolicyProfile profile = TRY(school_profile(app, req));
        const RelationshipView view = TRY(view_relationship(
            app.db, app.clock, req.actor(), req.grants, profile.staff, *req.school, *id));
        json out = relationship_json(view.relationship, staff_today(app.clock));
        if (view.decision_offered) {
          json people = json::array();
          for (const auto& h : view.may_take_part)
            people.push_back({{"person_id", h.person.id},
                              {"name", h.person.display_name()},
                              {"role", role_key(h.role)}});
          out["reviewers"] = roles_json(profile.staff.relationship_reviewers);
          out["may_take_part"] = people;
        }
        return json_response(200, out);
      });
  // {"outcome": "agreed" | "closed", "agreed": what was agreed or why it is closed,
  //  "discussed_with": [person ids], "review_on": "YYYY-MM-DD"}.
  router.add(
      {V::post, base + "/relationships/{relationship}/decide", Access::kSchool,
       C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("relationship");
        if (!id) return Error::not_found("There is no such relationship.");
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid(
              "Send {\"outcome\", \"agreed\", \"discussed_with\", \"review_on\"} as a JSON "
              "object.");
        std::vector<int64_t> with = TRY(ids(b, "discussed_with"));
        std::string bad;
        auto in = relationship_decision_input(
            {text_field(b, "outcome"), text_field(b, "agreed"), text_field(b, "review_on"), with},
            bad);
        if (!in.ok()) return named(bad, in.error());
        PolicyProfile profile = TRY(school_profile(app, req));
        int64_t decision = TRY(app.db.transaction([&](Connection& c) {
          return decide_relationship(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                     req.grants, profile.staff, *id, *in);
        }));
        return json_response(201, {{"id", decision},
                                   {"relationship_id", *id},
                                   {"outcome", relationship_outcome_key(in->outcome)}});
      });

  // STF-2: contact through personal accounts.
  router.add({V::get, base + "/contact", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) -> Result<HttpResponse> {
               Actor actor = req.actor();
               std::vector<ContactApproval> all = TRY(app.db.transaction([&](Connection& c) {
                 return list_contact_approvals(SchoolScope{c, app.clock, actor, req.school->id});
               }));
               PolicyProfile profile = TRY(school_profile(app, req));
               const CalendarDate today = staff_today(app.clock);
               json out = json::array();
               for (const auto& a : all) out.push_back(contact_json(a, today));
               return json_response(
                   200, {{"personal_contact",
                          enum_key(kPersonalContactNames, profile.staff.personal_contact)},
                         {"approvers", roles_json(profile.staff.personal_contact_approvers)},
                         {"approvals", out}});
             });
  // {"staff_id", "decision": "approved" | "refused", "platform", "person_ids": [pupils and
  //  parents], "group", "reason", "starts_on", "ends_on"}.
  router.add(
      {V::post, base + "/contact", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid(
              "Send {\"staff_id\", \"decision\", \"platform\", \"person_ids\", \"group\", "
              "\"reason\", \"starts_on\", \"ends_on\"} as a JSON object.");
        std::vector<int64_t> people = TRY(ids(b, "person_ids"));
        std::string bad;
        auto in = contact_decision_input(
            {int_field(b, "staff_id").value_or(0), text_field(b, "decision"),
             text_field(b, "platform"), text_field(b, "group"), text_field(b, "reason"),
             text_field(b, "starts_on"), text_field(b, "ends_on"), people},
            bad);
        if (!in.ok()) return named(bad, in.error());
        PolicyProfile profile = TRY(school_profile(app, req));
        int64_t id = TRY(app.db.transaction([&](Connection& c) {
          return decide_contact(SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants,
                                profile.staff, *in);
        }));
        return json_response(201, {{"id", id}, {"decision", contact_decision_key(in->decision)}});
      });
  // {"reason": why it is revoked}.
  router.add(
      {V::post, base + "/contact/{approval}/revoke", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("approval");
        if (!id) return Error::not_found("There is no such approval.");
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid("Send {\"reason\": why it is revoked} as JSON.");
        const std::string reason = text_field(b, "reason");
        if (auto given = revoke_reason_given(reason, "approval"); !given.ok())
          return named("reason", given.error());
        PolicyProfile profile = TRY(school_profile(app, req));
        TRY(app.db.transaction([&](Connection& c) {
          return revoke_contact_approval(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                         req.grants, profile.staff, *id, reason);
        }));
        return json_response(200, {{"id", *id}, {"revoked_on", staff_today(app.clock).iso()}});
      });

  // STF-3: blogging and posting about the school.
  router.add({V::get, base + "/blogging", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) -> Result<HttpResponse> {
               std::vector<BlogAuthorisation> all = TRY(app.db.read(
                   [&](Connection& c) { return list_blog_authorisations(c, req.school->id); }));
               PolicyProfile profile = TRY(school_profile(app, req));
               const CalendarDate today = staff_today(app.clock);
               json out = json::array();
               for (const auto& b : all) out.push_back(blog_json(b, today));
               return json_response(
                   200, {{"needed", enum_key(kAuthorisationNames, profile.staff.blogging)},
                         {"authorisers", roles_json(profile.staff.blog_authorisers)},
                         {"authorisations", out}});
             });
  // {"staff_id", "channel": "blog" | "personal_account" | "professional_network", "address",
  //  "scope", "starts_on", "ends_on"}.
  router.add({V::post, base + "/blogging", Access::kSchool, C::kStaffConductDecide},
             [&app](Request& req) -> Result<HttpResponse> {
               json b = json_body(req);
               if (!is_json_object(b))
                 return Error::invalid(
                     "Send {\"staff_id\", \"channel\", \"address\", \"scope\", \"starts_on\", "
                     "\"ends_on\"} as a JSON object.");
               std::string bad;
               auto in = blog_authorisation_input(
                   {int_field(b, "staff_id").value_or(0), text_field(b, "channel"),
                    text_field(b, "address"), text_field(b, "scope"), text_field(b, "starts_on"),
                    text_field(b, "ends_on")},
                   bad);
               if (!in.ok()) return named(bad, in.error());
               PolicyProfile profile = TRY(school_profile(app, req));
               int64_t id = TRY(app.db.transaction([&](Connection& c) {
                 return authorise_blogging(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                           req.grants, profile.staff, *in);
               }));
               return json_response(201, {{"id", id}, {"channel", blog_channel_key(in->channel)}});
             });
  // {"reason": why it is revoked}.
  router.add(
      {V::post, base + "/blogging/{authorisation}/revoke", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("authorisation");
        if (!id) return Error::not_found("There is no such authorisation.");
        json b = json_body(req);
        if (!is_json_object(b))
          return Error::invalid("Send {\"reason\": why it is revoked} as JSON.");
        const std::string reason = text_field(b, "reason");
        if (auto given = revoke_reason_given(reason, "authorisation"); !given.ok())
          return named("reason", given.error());
        PolicyProfile profile = TRY(school_profile(app, req));
        TRY(app.db.transaction([&](Connection& c) {
          return revoke_blogging(SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants,
                                 profile.staff, *id, reason);
        }));
        return json_response(200, {{"id", *id}, {"revoked_on", staff_today(app.clock).iso()}});
      });

  // STF-4: who has not finished.
  router.add({V::get, base + "/inductions", Access::kSchool, C::kStaffInductionView},
             [&app](Request& req) -> Result<HttpResponse> {
               PolicyProfile profile = TRY(school_profile(app, req));
               std::vector<InductionProgress> open = TRY(app.db.read([&](Connection& c) {
                 return incomplete_inductions(c, profile.staff, req.school->id);
               }));
               json out = json::array();
               for (const auto& p : open) {
                 json j = induction_json(p);
                 json missing = json::array();
                 for (const auto& s : p.items)
                   if (!s.done_on) missing.push_back(s.item.key);
                 j["missing"] = missing;
                 out.push_back(std::move(j));
               }
               return json_response(
                   200, {{"checklist", profile.staff.induction_checklist}, {"people", out}});
             });
}

}  // namespace inloco::web

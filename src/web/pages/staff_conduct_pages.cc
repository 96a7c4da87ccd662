// Staff conduct records' pages (STF-1..4). Every member of staff has one page
// of their own: their induction checklist to tick, a form to declare a
// relationship and what they have declared, and the contact approvals and
// blog authorisations that apply to them. The people who see or decide the
// school's records get pages of their own: relationships (awaiting a decision
// first), contact through personal accounts, blogging, and unfinished
// inductions. The capability opens a page; the profile's narrower rules (who
// decides) are enforced by src/staff/, after the input has been checked
// (staff/staff_input.h, shared with the JSON API), so an empty form is
// answered 422, never 403.
#include <set>

#include "people/people_store.h"
#include "people/school_members.h"
#include "staff/blog_authorisations.h"
#include "staff/contact_approvals.h"
#include "staff/induction_checklist.h"
#include "staff/relationship_view.h"
#include "staff/staff_conduct_overview.h"
#include "staff/staff_input.h"
#include "staff/staff_members.h"
#include "staff/staff_relationships.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"
#include "web/school_profile.h"

namespace inloco::web {

namespace {

std::string root(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/staff-conduct";
}
std::string day_of(int64_t t) { return format_utc(t).substr(0, 10); }
std::string id_str(int64_t id) { return std::to_string(id); }

int64_t int_field(const Fields& f, const std::string& name) {
  const std::string v = field(f, name);
  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoll(v);
}

// The current staff of the school, for the "member of staff" lists.
Result<std::vector<Person>> current_staff(AppContext& app, const Request& req) {
  return app.db.read([&](Connection& c) { return inloco::current_staff(c, req.school->id); });
}

mstch::array staff_options(const std::vector<Person>& staff, int64_t chosen) {
  mstch::array out;
  for (const auto& p : staff)
    out.push_back(mstch::map{{"value", id_str(p.id)},
                             {"label", p.display_name() + (p.job_title ? ", " + *p.job_title : "")},
                             {"selected", p.id == chosen}});
  return out;
}

std::string notice_for(const Request& req) {
  const std::string done = req.query_value("done");
  if (done == "induction") return "Your induction checklist has been updated.";
  if (done == "declared")
    return "Your relationship has been declared. The people who decide will discuss it with you.";
  if (done == "decided") return "The decision has been recorded.";
  if (done == "contact") return "The decision on contact has been recorded.";
  if (done == "revoked") return "It has been revoked from today.";
  if (done == "blogging") return "The authorisation has been recorded.";
  return "";
}

void add_notice(const Request& req, mstch::map& c) {
  if (auto n = notice_for(req); !n.empty()) c.emplace("notice", n);
}

// ---------------------------------------------------------------- overview

struct DeclareForm {
  std::string other, relationship, details;
};

Result<HttpResponse> overview_page(AppContext& app, Request& req, const DeclareForm* form = nullptr,
                                   const Error* error = nullptr,
                                   const std::string& error_field = "", unsigned status = 200) {
  PolicyProfile profile = TRY(school_profile(app, req));
  const StaffConductOverview o = TRY(staff_conduct_overview(
      app.db, app.clock, req.actor(), req.user->person_id, req.grants, profile.staff, *req.school));

  mstch::map c{{"base", root(req)}};
  if (o.is_staff) {
    c.emplace("is_staff", true);
    if (o.induction) {
      mstch::array items;
      for (const auto& s : o.induction->items)
        items.push_back(mstch::map{{"key", s.item.key},
                                   {"label", s.item.label},
                                   {"done_on", optional_iso(s.done_on).value_or("")},
                                   {"done", s.done_on.has_value()}});
      c.emplace("induction", mstch::map{{"items", items},
                                        {"complete", o.induction->complete()},
                                        {"done", std::to_string(o.induction->done)},
                                        {"total", std::to_string(o.induction->items.size())},
                                        {"action", root(req) + "/induction"}});
    }
    mstch::array rels;
    for (const auto& r : o.relationships) {
      mstch::map row{{"other", r.other_name},
                     {"relationship", r.relationship},
                     {"status", std::string(relationship_status_label(r.status))},
                     {"awaiting", r.status == RelationshipStatus::kAwaitingDecision},
                     {"declared_on", day_of(r.declared_at)},
                     {"review_on", optional_iso(r.review_on).value_or("")}};
      if (!r.decisions.empty()) row.emplace("agreed", r.decisions.back().agreed);
      rels.push_back(std::move(row));
    }
    c.emplace("my_relationships", rels);
    DeclareForm shown = form ? *form : DeclareForm{};
    c.emplace("declare", mstch::map{{"action", root(req) + "/relationships"},
                                    {"other", shown.other},
                                    {"relationship", shown.relationship},
                                    {"details", shown.details}});

    mstch::array approvals;
    for (const auto& a : o.contact_approvals) {
      std::string with;
      for (const auto& p : a.people) with += (with.empty() ? "" : ", ") + p.name;
      if (!a.group_description.empty()) with += (with.empty() ? "" : "; ") + a.group_description;
      approvals.push_back(mstch::map{{"platform", contact_channel_label(a.platform)},
                                     {"with", with},
                                     {"ends_on", optional_iso(a.grant.ends_on).value_or("")},
                                     {"decided_by", a.decided_by_name}});
    }
    c.emplace("my_contact", approvals);
    mstch::array auths;
    for (const auto& b : o.blog_authorisations)
      auths.push_back(mstch::map{{"channel", std::string(blog_channel_label(b.channel))},
                                 {"address", b.address},
                                 {"scope", b.scope},
                                 {"ends_on", optional_iso(b.grant.ends_on).value_or("")},
                                 {"authorised_by", b.authorised_by_name}});
    c.emplace("my_blogging", auths);
  }

  // The school's records, for those who may see them.
  mstch::array links;
  if (o.relationships_needing_attention) {
    const int64_t n = *o.relationships_needing_attention;
    std::string hint = n == 0 ? "None awaiting a decision or due for review."
                              : std::to_string(n) + " awaiting a decision or due for review.";
    links.push_back(mstch::map{{"href", root(req) + "/relationships"},
                               {"label", std::string("Relationships declared by staff")},
                               {"hint", hint}});
    links.push_back(mstch::map{{"href", root(req) + "/contact"},
                               {"label", std::string("Contact through personal accounts")},
                               {"hint", std::string("Approvals and refusals given in advance.")}});
    links.push_back(mstch::map{{"href", root(req) + "/blogging"},
                               {"label", std::string("Blogging and posting about the school")},
                               {"hint", std::string("Who is authorised, where and about what.")}});
  }
  if (o.unfinished_inductions) {
    links.push_back(mstch::map{{"href", root(req) + "/inductions"},
                               {"label", std::string("Unfinished inductions")},
                               {"hint", std::to_string(*o.unfinished_inductions) +
                                            " members of staff have not ticked every item."}});
  }
  c.emplace("links", links);
  add_notice(req, c);
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Staff conduct", "staff_conduct", std::move(c), status);
}

// ---------------------------------------------------------------- relationships

Result<HttpResponse> relationships_page(AppContext& app, Request& req) {
  Actor actor = req.actor();
  std::vector<StaffRelationship> all = TRY(app.db.transaction([&](Connection& c) {
    return list_relationships(SchoolScope{c, app.clock, actor, req.school->id});
  }));
  const CalendarDate today = staff_today(app.clock);
  mstch::array rows;
  for (const auto& r : all) {
    bool due = r.status == RelationshipStatus::kAgreed && r.review_on && *r.review_on <= today;
    rows.push_back(mstch::map{{"href", root(req) + "/relationships/" + id_str(r.id)},
                              {"staff", r.staff_name},
                              {"other", r.other_name},
                              {"relationship", r.relationship},
                              {"status", std::string(relationship_status_label(r.status))},
                              {"awaiting", r.status == RelationshipStatus::kAwaitingDecision},
                              {"closed", r.status == RelationshipStatus::kClosed},
                              {"due", due},
                              {"review_on", optional_iso(r.review_on).value_or("")}});
  }
  mstch::map c{{"relationships", rows}, {"back_href", root(req)}};
  add_notice(req, c);
  return render_page(app, req, "Relationships declared by staff", "staff_relationships",
                     std::move(c));
}

struct DecisionForm {
  std::string outcome = "agreed", agreed, review_on;
  std::set<int64_t> with;
};

Result<HttpResponse> relationship_page(AppContext& app, Request& req,
                                       const DecisionForm* form = nullptr,
                                       const Error* error = nullptr, unsigned status = 200,
                                       const std::string& error_field = "agreed") {
  auto id = req.int_param("relationship");
  if (!id) return Error::not_found("There is no such relationship.");
  PolicyProfile profile = TRY(school_profile(app, req));
  const RelationshipView view = TRY(view_relationship(app.db, app.clock, req.actor(), req.grants,
                                                      profile.staff, *req.school, *id));
  const StaffRelationship& r = view.relationship;
  mstch::array decisions;
  for (const auto& d : r.decisions) {
    std::string with;
    for (const auto& p : d.participants) with += (with.empty() ? "" : ", ") + p;
    decisions.push_back(mstch::map{
        {"outcome", std::string(d.outcome == RelationshipOutcome::kAgreed ? "Agreed" : "Closed")},
        {"agreed", d.agreed},
        {"with", with},
        {"decided_by", d.decided_by_name},
        {"decided_on", day_of(d.decided_at)},
        {"review_on", optional_iso(d.review_on).value_or("")}});
  }
  mstch::map c{{"back_href", root(req) + "/relationships"},
               {"staff", r.staff_name},
               {"other", r.other_name},
               {"relationship", r.relationship},
               {"details", r.details},
               {"declared_on", day_of(r.declared_at)},
               {"declared_by", r.declared_by_name},
               {"status", std::string(relationship_status_label(r.status))},
               {"decisions", decisions}};
  if (view.decision_offered) {
    // Those who may take part: the holders of the reviewer roles, not the
    // member of staff concerned nor the person deciding.
    DecisionForm shown = form ? *form : DecisionForm{};
    mstch::array people;
    for (const auto& h : view.may_take_part) {
      people.push_back(
          mstch::map{{"value", id_str(h.person.id)},
                     {"label", h.person.display_name() + ", " + role_title(profile, h.role)},
                     {"checked", shown.with.contains(h.person.id)}});
    }
    std::string who;
    for (Role role : profile.staff.relationship_reviewers)
      who += (who.empty() ? "the " : " and the ") + role_title(profile, role);
    c.emplace("decide",
              mstch::map{{"action", root(req) + "/relationships/" + id_str(*id) + "/decide"},
                         {"people", people},
                         {"reviewers", who},
                         {"agreed", shown.agreed},
                         {"review_on", shown.review_on},
                         {"outcome_closed", shown.outcome == "closed"},
                         {"outcome_agreed", shown.outcome != "closed"}});
  }
  add_notice(req, c);
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Relationship", "staff_relationship", std::move(c), status);
}

// ---------------------------------------------------------------- contact

struct ContactForm {
  int64_t staff_id = 0;
  std::string decision = "approved", platform, group, reason, starts_on, ends_on;
  std::set<int64_t> people;
};

Result<HttpResponse> contact_page(AppContext& app, Request& req, const ContactForm* form = nullptr,
                                  const Error* error = nullptr, const std::string& error_field = "",
                                  unsigned status = 200) {
  Actor actor = req.actor();
  std::vector<ContactApproval> all = TRY(app.db.transaction([&](Connection& c) {
    return list_contact_approvals(SchoolScope{c, app.clock, actor, req.school->id});
  }));
  const CalendarDate today = staff_today(app.clock);
  const bool decide = req.can(Capability::kStaffConductDecide);
  mstch::array rows;
  for (const auto& a : all) {
    std::string with;
    for (const auto& p : a.people)
      with += (with.empty() ? "" : ", ") + p.name + " (" + p.kind + ")";
    if (!a.group_description.empty()) with += (with.empty() ? "" : "; ") + a.group_description;
    const bool in_force = a.in_force_on(today);
    const DatedGrant& g = a.grant;
    std::string state = a.decision == ContactDecision::kRefused ? "Refused"
                        : g.revoked_on                          ? "Revoked " + g.revoked_on->iso()
                        : in_force                              ? "Approved"
                        : g.starts_on > today                   ? "Starts " + g.starts_on.iso()
                                                                : "Ended";
    mstch::map row{{"id", id_str(a.id)},
                   {"staff", a.staff_name},
                   {"platform", contact_channel_label(a.platform)},
                   {"with", with},
                   {"reason", a.reason},
                   {"state", state},
                   {"in_force", in_force},
                   {"refused", a.decision == ContactDecision::kRefused},
                   {"starts_on", g.starts_on.iso()},
                   {"ends_on", optional_iso(a.grant.ends_on).value_or("")},
                   {"decided_by", a.decided_by_name},
                   {"revoke_reason", g.revoke_reason}};
    if (decide && a.revocable_on(today))
      row.emplace("revoke_action", root(req) + "/contact/" + id_str(a.id) + "/revoke");
    rows.push_back(std::move(row));
  }
  PolicyProfile profile = TRY(school_profile(app, req));
  std::string who;
  for (Role role : profile.staff.personal_contact_approvers)
    who += (who.empty() ? "the " : " or the ") + role_title(profile, role);
  mstch::map c{{"back_href", root(req)},
               {"approvals", rows},
               {"approvers", who},
               {"never", profile.staff.personal_contact == PersonalContact::kNever}};
  if (decide) {
    std::vector<Person> staff = TRY(current_staff(app, req));
    std::vector<Person> families =
        TRY(app.db.read([&](Connection& conn) -> Result<std::vector<Person>> {
          std::vector<Person> out;
          for (PersonKind kind : {PersonKind::kPupil, PersonKind::kParent}) {
            PeopleQuery q;
            q.school_id = req.school->id;
            q.kind = kind;
            q.limit = kMaxPeoplePageSize;
            PeoplePage page = TRY(list_people(conn, q));
            for (auto& p : page.people)
              if (p.active) out.push_back(std::move(p));
          }
          return out;
        }));
    ContactForm shown = form ? *form : ContactForm{};
    mstch::array pupils, parents;
    for (const auto& p : families) {
      std::string label = p.display_name();
      if (p.kind == PersonKind::kPupil && p.year_group) label += ", " + *p.year_group;
      mstch::map option{
          {"value", id_str(p.id)}, {"label", label}, {"selected", shown.people.contains(p.id)}};
      (p.kind == PersonKind::kPupil ? pupils : parents).push_back(std::move(option));
    }
    c.emplace("form", mstch::map{{"action", root(req) + "/contact"},
                                 {"staff", staff_options(staff, shown.staff_id)},
                                 {"pupils", pupils},
                                 {"parents", parents},
                                 {"platform", shown.platform},
                                 {"group", shown.group},
                                 {"reason", shown.reason},
                                 {"starts_on", shown.starts_on},
                                 {"ends_on", shown.ends_on},
                                 {"refused", shown.decision == "refused"},
                                 {"approved", shown.decision != "refused"}});
  }
  add_notice(req, c);
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Contact through personal accounts", "staff_contact", std::move(c),
                     status);
}

// ---------------------------------------------------------------- blogging

struct BlogForm {
  int64_t staff_id = 0;
  std::string channel = "blog", address, scope, starts_on, ends_on;
};

Result<HttpResponse> blogging_page(AppContext& app, Request& req, const BlogForm* form = nullptr,
                                   const Error* error = nullptr,
                                   const std::string& error_field = "", unsigned status = 200) {
  std::vector<BlogAuthorisation> all =
      TRY(app.db.read([&](Connection& c) { return list_blog_authorisations(c, req.school->id); }));
  const CalendarDate today = staff_today(app.clock);
  const bool decide = req.can(Capability::kStaffConductDecide);
  mstch::array rows;
  for (const auto& b : all) {
    const bool in_force = b.in_force_on(today);
    const DatedGrant& g = b.grant;
    std::string state = g.revoked_on          ? "Revoked " + g.revoked_on->iso()
                        : in_force            ? "Authorised"
                        : g.starts_on > today ? "Starts " + g.starts_on.iso()
                                              : "Ended";
    mstch::map row{{"id", id_str(b.id)},
                   {"staff", b.staff_name},
                   {"channel", std::string(blog_channel_label(b.channel))},
                   {"address", b.address},
                   {"scope", b.scope},
                   {"state", state},
                   {"in_force", in_force},
                   {"starts_on", g.starts_on.iso()},
                   {"ends_on", optional_iso(b.grant.ends_on).value_or("")},
                   {"authorised_by", b.authorised_by_name},
                   {"revoke_reason", g.revoke_reason}};
    if (decide && b.revocable_on(today))
      row.emplace("revoke_action", root(req) + "/blogging/" + id_str(b.id) + "/revoke");
    rows.push_back(std::move(row));
  }
  PolicyProfile profile = TRY(school_profile(app, req));
  std::string who;
  for (Role role : profile.staff.blog_authorisers)
    who += (who.empty() ? "the " : " or the ") + role_title(profile, role);
  const char* needed = profile.staff.blogging == Authorisation::kRequired  ? "required"
                       : profile.staff.blogging == Authorisation::kAdvised ? "advised"
                                                                           : "not needed";
  mstch::map c{{"back_href", root(req)},
               {"authorisations", rows},
               {"authorisers", who},
               {"needed", std::string(needed)}};
  if (decide) {
    std::vector<Person> staff = TRY(current_staff(app, req));
    BlogForm shown = form ? *form : BlogForm{};
    mstch::array channels;
    for (BlogChannel ch :
         {BlogChannel::kBlog, BlogChannel::kPersonalAccount, BlogChannel::kProfessionalNetwork})
      channels.push_back(mstch::map{{"value", std::string(blog_channel_key(ch))},
                                    {"label", std::string(blog_channel_label(ch))},
                                    {"checked", shown.channel == blog_channel_key(ch)}});
    c.emplace("form", mstch::map{{"action", root(req) + "/blogging"},
                                 {"staff", staff_options(staff, shown.staff_id)},
                                 {"channels", channels},
                                 {"address", shown.address},
                                 {"scope", shown.scope},
                                 {"starts_on", shown.starts_on},
                                 {"ends_on", shown.ends_on}});
  }
  add_notice(req, c);
  if (error) c.emplace("errors", error_list(*error, error_field));
  return render_page(app, req, "Blogging and posting about the school", "staff_blogging",
                     std::move(c), status);
}

// ---------------------------------------------------------------- inductions

Result<HttpResponse> inductions_page(AppContext& app, Request& req) {
  PolicyProfile profile = TRY(school_profile(app, req));
  std::vector<InductionProgress> open = TRY(app.db.read(
      [&](Connection& c) { return incomplete_inductions(c, profile.staff, req.school->id); }));
  mstch::array rows;
  for (const auto& p : open) {
    mstch::array missing;
    for (const auto& s : p.items)
      if (!s.done_on) missing.push_back(s.item.label);
    rows.push_back(mstch::map{{"name", p.name},
                              {"job_title", p.job_title.value_or("")},
                              {"done", std::to_string(p.done)},
                              {"total", std::to_string(p.items.size())},
                              {"missing", missing}});
  }
  mstch::map c{
      {"back_href", root(req)}, {"people", rows}, {"checklist", profile.staff.induction_checklist}};
  return render_page(app, req, "Unfinished inductions", "staff_inductions", std::move(c));
}

}  // namespace

void add_staff_conduct_routes(Router& router, AppContext& app) {
  using V = http::verb;
  using C = Capability;
  const std::string base = "/schools/{school}/staff-conduct";

  // STF-1, STF-4: one's own records.
  router.add({V::get, base, Access::kSchool, C::kStaffOwnConduct},
             [&app](Request& req) { return overview_page(app, req); });
  router.add({V::post, base + "/induction", Access::kSchool, C::kStaffOwnConduct},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               const std::string item = field(f, "item");
               if (auto chosen = induction_item_chosen(item); !chosen.ok())
                 return overview_page(app, req, nullptr, &chosen.error(), "induction", 422);
               PolicyProfile profile = TRY(school_profile(app, req));
               auto s = app.db.transaction([&](Connection& c) {
                 return tick_induction_item(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                            profile.staff, req.user->person_id, item);
               });
               if (!s.ok())
                 return overview_page(app, req, nullptr, &s.error(), "induction",
                                      http_status(s.error().code));
               return redirect_response(root(req) + "?done=induction");
             });
  router.add({V::post, base + "/relationships", Access::kSchool, C::kStaffOwnConduct},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               DeclareForm form{field(f, "other"), field(f, "relationship"), field(f, "details")};
               PolicyProfile profile = TRY(school_profile(app, req));
               RelationshipDeclaration d;
               d.staff_id = req.user->person_id;
               d.other_description = form.other;
               d.relationship = form.relationship;
               d.details = form.details;
               auto id = app.db.transaction([&](Connection& c) {
                 return declare_relationship(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                             req.grants, profile.staff, d);
               });
               if (!id.ok())
                 return overview_page(app, req, &form, &id.error(), "other",
                                      http_status(id.error().code));
               return redirect_response(root(req) + "?done=declared");
             });

  // STF-1: the school's relationships and the decisions on them.
  router.add({V::get, base + "/relationships", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) { return relationships_page(app, req); });
  router.add(
      {V::get, base + "/relationships/{relationship}", Access::kSchool, C::kStaffConductView},
      [&app](Request& req) { return relationship_page(app, req); });
  router.add(
      {V::post, base + "/relationships/{relationship}/decide", Access::kSchool,
       C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("relationship");
        if (!id) return Error::not_found("There is no such relationship.");
        const Fields& f = req.form();
        DecisionForm form;
        form.outcome = field(f, "outcome");
        form.agreed = field(f, "agreed");
        form.review_on = field(f, "review_on");
        for (auto [it, end] = f.equal_range("with"); it != end; ++it)
          if (int64_t pid = std::atoll(it->second.c_str()); pid > 0) form.with.insert(pid);
        std::string bad;
        auto in = relationship_decision_input(
            {form.outcome, form.agreed, form.review_on, {form.with.begin(), form.with.end()}}, bad);
        if (!in.ok()) return relationship_page(app, req, &form, &in.error(), 422, bad);
        PolicyProfile profile = TRY(school_profile(app, req));
        auto s = app.db.transaction([&](Connection& c) {
          return decide_relationship(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                     req.grants, profile.staff, *id, *in);
        });
        if (!s.ok())
          return relationship_page(app, req, &form, &s.error(), http_status(s.error().code));
        return redirect_response(root(req) + "/relationships/" + id_str(*id) + "?done=decided");
      });

  // STF-2: contact through personal accounts.
  router.add({V::get, base + "/contact", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) { return contact_page(app, req); });
  router.add({V::post, base + "/contact", Access::kSchool, C::kStaffConductDecide},
             [&app](Request& req) -> Result<HttpResponse> {
               const Fields& f = req.form();
               ContactForm form;
               form.staff_id = int_field(f, "staff");
               form.decision = field(f, "decision");
               form.platform = field(f, "platform");
               form.group = field(f, "group");
               form.reason = field(f, "reason");
               form.starts_on = field(f, "starts_on");
               form.ends_on = field(f, "ends_on");
               for (auto [it, end] = f.equal_range("people"); it != end; ++it)
                 if (int64_t pid = std::atoll(it->second.c_str()); pid > 0) form.people.insert(pid);
               // The input first: an empty form is a problem to correct, whoever sends it.
               std::string bad;
               auto in = contact_decision_input({form.staff_id,
                                                 form.decision,
                                                 form.platform,
                                                 form.group,
                                                 form.reason,
                                                 form.starts_on,
                                                 form.ends_on,
                                                 {form.people.begin(), form.people.end()}},
                                                bad);
               if (!in.ok()) return contact_page(app, req, &form, &in.error(), bad, 422);
               PolicyProfile profile = TRY(school_profile(app, req));
               auto id = app.db.transaction([&](Connection& c) {
                 return decide_contact(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                       req.grants, profile.staff, *in);
               });
               if (!id.ok())
                 return contact_page(app, req, &form, &id.error(), "staff",
                                     http_status(id.error().code));
               return redirect_response(root(req) + "/contact?done=contact");
             });
  router.add(
      {V::post, base + "/contact/{approval}/revoke", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("approval");
        if (!id) return Error::not_found("There is no such approval.");
        const std::string reason = field(req.form(), "reason");
        if (auto given = revoke_reason_given(reason, "approval"); !given.ok())
          return contact_page(app, req, nullptr, &given.error(), "reason-" + id_str(*id), 422);
        PolicyProfile profile = TRY(school_profile(app, req));
        auto s = app.db.transaction([&](Connection& c) {
          return revoke_contact_approval(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                         req.grants, profile.staff, *id, reason);
        });
        if (!s.ok())
          return contact_page(app, req, nullptr, &s.error(), "", http_status(s.error().code));
        return redirect_response(root(req) + "/contact?done=revoked");
      });

  // STF-3: blogging and posting about the school.
  router.add({V::get, base + "/blogging", Access::kSchool, C::kStaffConductView},
             [&app](Request& req) { return blogging_page(app, req); });
  router.add(
      {V::post, base + "/blogging", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        const Fields& f = req.form();
        BlogForm form;
        form.staff_id = int_field(f, "staff");
        form.channel = field(f, "channel");
        form.address = field(f, "address");
        form.scope = field(f, "scope");
        form.starts_on = field(f, "starts_on");
        form.ends_on = field(f, "ends_on");
        std::string bad;
        auto in = blog_authorisation_input(
            {form.staff_id, form.channel, form.address, form.scope, form.starts_on, form.ends_on},
            bad);
        if (!in.ok())
          return blogging_page(app, req, &form, &in.error(),
                               bad == "channel" ? "channel-blog" : bad, 422);
        PolicyProfile profile = TRY(school_profile(app, req));
        auto id = app.db.transaction([&](Connection& c) {
          return authorise_blogging(SchoolScope{c, app.clock, req.actor(), req.school->id},
                                    req.grants, profile.staff, *in);
        });
        if (!id.ok())
          return blogging_page(app, req, &form, &id.error(), "staff", http_status(id.error().code));
        return redirect_response(root(req) + "/blogging?done=blogging");
      });
  router.add(
      {V::post, base + "/blogging/{authorisation}/revoke", Access::kSchool, C::kStaffConductDecide},
      [&app](Request& req) -> Result<HttpResponse> {
        auto id = req.int_param("authorisation");
        if (!id) return Error::not_found("There is no such authorisation.");
        const std::string reason = field(req.form(), "reason");
        if (auto given = revoke_reason_given(reason, "authorisation"); !given.ok())
          return blogging_page(app, req, nullptr, &given.error(), "reason-" + id_str(*id), 422);
        PolicyProfile profile = TRY(school_profile(app, req));
        auto s = app.db.transaction([&](Connection& c) {
          return revoke_blogging(SchoolScope{c, app.clock, req.actor(), req.school->id}, req.grants,
                                 profile.staff, *id, reason);
        });
        if (!s.ok())
          return blogging_page(app, req, nullptr, &s.error(), "", http_status(s.error().code));
        return redirect_response(root(req) + "/blogging?done=revoked");
      });

  // STF-4: who has not finished.
  router.add({V::get, base + "/inductions", Access::kSchool, C::kStaffInductionView},
             [&app](Request& req) { return inductions_page(app, req); });
}

}  // namespace inloco::web

// People: list and search, a person's page, and the pupil's competence to
// consent (ORG-2, ORG-5). Scoped to the school in the path (ORG-1).
#include "people/people_store.h"
#include "people/person_view.h"
#include "web/page.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

constexpr int64_t kPageSize = 50;

std::string people_base(const Request& req) {
  return "/schools/" + std::to_string(req.school->id) + "/people";
}

std::string detail_of(const Person& p) {
  if (p.kind == PersonKind::kPupil) {
    std::string s = p.year_group.value_or("");
    if (p.class_name && !p.class_name->empty()) s += (s.empty() ? "" : ", class ") + *p.class_name;
    return s;
  }
  return p.job_title.value_or("");
}

Result<HttpResponse> list_page(AppContext& ctx, Request& req) {
  PeopleQuery q;
  q.school_id = req.school->id;
  q.search = req.query_value("q");
  std::string kind = req.query_value("kind");
  if (!kind.empty()) {
    q.kind = parse_person_kind(kind);
    if (!q.kind) return Error::invalid("'" + kind + "' is not a kind of person.");
  }
  int64_t page = std::max<int64_t>(1, std::atoll(req.query_value("page").c_str()));
  q.limit = kPageSize;
  q.offset = (page - 1) * kPageSize;
  const PeoplePage result = TRY(ctx.db.read([&](Connection& c) { return list_people(c, q); }));

  mstch::array people;
  for (const auto& p : result.people)
    people.push_back(mstch::map{{"name", p.display_name()},
                                {"href", people_base(req) + "/" + std::to_string(p.id)},
                                {"kind", std::string(person_kind_label(p.kind))},
                                {"detail", detail_of(p)}});
  mstch::array kinds{mstch::map{
      {"value", std::string()}, {"label", std::string("Everyone")}, {"selected", kind.empty()}}};
  for (PersonKind k :
       {PersonKind::kPupil, PersonKind::kParent, PersonKind::kStaff, PersonKind::kGovernor,
        PersonKind::kVolunteer, PersonKind::kContractor, PersonKind::kTrustee})
    kinds.push_back(mstch::map{{"value", std::string(person_kind_key(k))},
                               {"label", std::string(person_kind_label(k))},
                               {"selected", kind == person_kind_key(k)}});
  int64_t pages = (result.total + kPageSize - 1) / kPageSize;
  mstch::array page_links;
  if (pages > 1) {
    for (int64_t n = 1; n <= pages; ++n)
      page_links.push_back(
          mstch::map{{"number", std::to_string(n)},
                     {"current", n == page},
                     {"href", people_base(req) + "?q=" + url_encode(q.search) +
                                  "&kind=" + url_encode(kind) + "&page=" + std::to_string(n)}});
  }
  std::string summary = std::to_string(result.total) + (result.total == 1 ? " person" : " people");
  if (!q.search.empty()) summary += " match ‘" + q.search + "’";
  mstch::map c{{"action", people_base(req)}, {"q", q.search},      {"kinds", kinds},
               {"people", people},           {"summary", summary}, {"pages", page_links},
               {"school", req.school->name}};
  if (req.can(Capability::kPeopleImport))
    c.emplace("import_href", "/schools/" + std::to_string(req.school->id) + "/import");
  return render_page(ctx, req, "People", "people_list", std::move(c));
}

Result<HttpResponse> detail_page(AppContext& ctx, Request& req, const Error* error = nullptr,
                                 unsigned status = 200) {
  auto id = req.int_param("person");
  if (!id) return Error::not_found("There is no such person.");
  const bool sensitive = req.can(Capability::kPeopleViewSensitive);
  const PersonView view =
      TRY(view_person(ctx.db, ctx.clock, req.actor(), req.school->id, *id, sensitive));
  const Person& p = view.person;

  mstch::array rows;
  auto row = [&](const std::string& key, const std::optional<std::string>& value) {
    if (value && !value->empty()) rows.push_back(mstch::map{{"key", key}, {"value", *value}});
  };
  row("Information-system id", p.external_id);
  if (p.kind == PersonKind::kPupil) {
    row("Year group", p.year_group);
    row("Class", p.class_name);
    if (sensitive) row("Date of birth", p.date_of_birth);
    row("Can consent for themselves", std::string(p.competent_to_consent ? "Yes" : "No"));
  } else {
    row("Job title", p.job_title);
  }
  if (sensitive || p.kind == PersonKind::kStaff) {
    row("Email", p.email);
    row("Phone", p.phone);
  }
  mstch::array roles;
  for (const auto& r : view.roles)
    roles.push_back(std::string(role_label(r.role)) +
                    (r.school_id ? " at " + r.school_name : " across the trust"));
  mstch::array links;
  auto add_links = [&](const std::vector<GuardianLink>& list) {
    for (const auto& g : list)
      links.push_back(
          mstch::map{{"name", g.other.display_name()},
                     {"href", people_base(req) + "/" + std::to_string(g.other.id)},
                     {"relationship", g.relationship},
                     {"responsibility", std::string(g.parental_responsibility ? "Yes" : "No")}});
  };
  add_links(view.guardians);
  add_links(view.children);

  mstch::map c{{"back_href", people_base(req)},
               {"kind", std::string(person_kind_label(p.kind))},
               {"name", p.display_name()},
               {"rows", rows},
               {"roles", roles},
               {"links", links},
               {"links_heading",
                std::string(p.kind == PersonKind::kPupil ? "Parents and carers" : "Children")},
               {"sensitive_hidden",
                !sensitive && (p.kind == PersonKind::kPupil || p.kind == PersonKind::kParent)}};
  if (error) c.emplace("errors", error_list(*error));
  if (p.kind == PersonKind::kPupil && req.can(Capability::kPupilCompetence))
    c.emplace("competence",
              mstch::map{{"action", people_base(req) + "/" + std::to_string(p.id) + "/competence"},
                         {"is_competent", p.competent_to_consent},
                         {"csrf", csrf_token(req)}});
  return render_page(ctx, req, p.display_name(), "person_detail", std::move(c), status);
}

}  // namespace

void add_people_routes(Router& router, AppContext& ctx) {
  router.add(
      {http::verb::get, "/schools/{school}/people", Access::kSchool, Capability::kPeopleView},
      [&ctx](Request& req) { return list_page(ctx, req); });
  router.add({http::verb::get, "/schools/{school}/people/{person}", Access::kSchool,
              Capability::kPeopleView},
             [&ctx](Request& req) { return detail_page(ctx, req); });
  router.add({http::verb::post, "/schools/{school}/people/{person}/competence", Access::kSchool,
              Capability::kPupilCompetence},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("person");
               if (!id) return Error::not_found("There is no such person.");
               std::string answer = field(req.form(), "competent");
               if (answer != "yes" && answer != "no") {
                 Error e = Error::invalid("Choose yes or no.");
                 return detail_page(ctx, req, &e, 422);
               }
               auto r = ctx.db.transaction([&](Connection& c) {
                 return set_competent_to_consent(
                     SchoolScope{c, ctx.clock, req.actor(), req.school->id}, *id, answer == "yes");
               });
               if (!r.ok()) return detail_page(ctx, req, &r.error(), http_status(r.error().code));
               return redirect_response(people_base(req) + "/" + std::to_string(*id));
             });
}

}  // namespace inloco::web

// The JSON API under /api/v1. Same sessions, permissions and audit as the
// pages; state-changing calls send the session's CSRF token in X-CSRF-Token.
// Errors: {"error": {"code", "message", "details"}} (web/response.h).
#include "people/people_import.h"
#include "people/people_store.h"
#include "people/person_view.h"
#include "web/response.h"
#include "web/routes.h"

namespace inloco::web {

namespace {

nlohmann::json person_json(const Person& p, bool sensitive) {
  nlohmann::json j{{"id", p.id},
                   {"kind", person_kind_key(p.kind)},
                   {"name", p.display_name()},
                   {"given_name", p.given_name},
                   {"family_name", p.family_name},
                   {"external_id", p.external_id.value_or("")}};
  if (p.kind == PersonKind::kPupil) {
    j["year_group"] = p.year_group.value_or("");
    j["class_name"] = p.class_name.value_or("");
    j["competent_to_consent"] = p.competent_to_consent;
    if (sensitive) j["date_of_birth"] = p.date_of_birth.value_or("");
  } else {
    j["job_title"] = p.job_title.value_or("");
  }
  if (sensitive || p.kind == PersonKind::kStaff) {
    j["email"] = p.email.value_or("");
    j["phone"] = p.phone.value_or("");
  }
  return j;
}

int64_t int_query(const Request& req, const std::string& name, int64_t fallback, int64_t lo,
                  int64_t hi) {
  std::string v = req.query_value(name);
  if (v.empty()) return fallback;
  return std::clamp<int64_t>(std::atoll(v.c_str()), lo, hi);
}

}  // namespace

void add_api_routes(Router& router, AppContext& ctx) {
  router.add(
      {http::verb::post, "/api/v1/session", Access::kPublic, std::nullopt, /*csrf=*/false},
      [&ctx](Request& req) -> Result<HttpResponse> {
        // Only JSON: a browser cannot send it from another site without CORS, which we never allow.
        // 415 and 400 are the HTTP answers for these; an Error would answer 422.
        if (!std::string_view(req.raw[http::field::content_type]).starts_with("application/json"))
          return json_response(415,
                               error_json(Error::invalid("Send the sign-in as application/json.")));
        nlohmann::json body = nlohmann::json::parse(req.raw.body(), nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("username") ||
            !body.contains("password") || !body["username"].is_string() ||
            !body["password"].is_string())
          return json_response(
              400, error_json(Error::invalid(
                       "Send {\"username\": \"...\", \"password\": \"...\"} as JSON.")));
        const SignInResult r =
            TRY(ctx.accounts.sign_in(body["username"], body["password"], req.remote));
        if (r.second_factor_needed) {
          (void)ctx.accounts.sign_out(r.token, Actor::system());
          return Error::forbidden(
              "This account uses a second factor: sign in through the web pages.");
        }
        auto user = ctx.accounts.authenticate(r.token);
        if (!user.ok() || !*user) return Error::internal("The new session was not found.");
        auto res = json_response(
            201, {{"person_id", r.person_id}, {"csrf_token", (*user)->session.csrf_token}});
        res.set(http::field::set_cookie,
                cookie_header(kSessionCookie, r.token, ctx.config.secure_cookies));
        return res;
      });

  router.add({http::verb::get, "/api/v1/me", Access::kSignedIn, Capability::kOwnSignIn},
             [](Request& req) -> Result<HttpResponse> {
               nlohmann::json roles = nlohmann::json::array();
               for (const auto& g : req.grants.all())
                 roles.push_back({{"role", role_key(g.role)},
                                  {"school_id",
                                   g.school_id ? nlohmann::json(*g.school_id) : nlohmann::json()}});
               return json_response(200, {{"person_id", req.user->person_id},
                                          {"name", req.user->display_name},
                                          {"username", req.user->username},
                                          {"roles", roles}});
             });

  router.add(
      {http::verb::get, "/api/v1/schools/{school}/people", Access::kSchool,
       Capability::kPeopleView},
      [&ctx](Request& req) -> Result<HttpResponse> {
        PeopleQuery q;
        q.school_id = req.school->id;
        q.search = req.query_value("q");
        if (std::string kind = req.query_value("kind"); !kind.empty()) {
          q.kind = parse_person_kind(kind);
          if (!q.kind) return Error::invalid("'" + kind + "' is not a kind of person.");
        }
        q.limit = int_query(req, "limit", 50, 1, 500);
        q.offset = int_query(req, "offset", 0, 0, 1'000'000'000);
        const PeoplePage page = TRY(ctx.db.read([&](Connection& c) { return list_people(c, q); }));
        nlohmann::json items = nlohmann::json::array();
        for (const auto& p : page.people) items.push_back(person_json(p, false));
        return json_response(
            200,
            {{"total", page.total}, {"limit", q.limit}, {"offset", q.offset}, {"people", items}});
      });

  router.add({http::verb::get, "/api/v1/schools/{school}/people/{person}", Access::kSchool,
              Capability::kPeopleView},
             [&ctx](Request& req) -> Result<HttpResponse> {
               auto id = req.int_param("person");
               if (!id) return Error::not_found("There is no such person.");
               const bool sensitive = req.can(Capability::kPeopleViewSensitive);
               const PersonView v =
                   TRY(view_person(ctx.db, ctx.clock, req.actor(), req.school->id, *id, sensitive));
               nlohmann::json j = person_json(v.person, sensitive);
               nlohmann::json links = nlohmann::json::array();
               for (const auto* list : {&v.guardians, &v.children})
                 for (const auto& g : *list)
                   links.push_back({{"id", g.other.id},
                                    {"name", g.other.display_name()},
                                    {"relationship", g.relationship},
                                    {"parental_responsibility", g.parental_responsibility}});
               if (sensitive) j["family"] = links;
               return json_response(200, j);
             });

  router.add({http::verb::post, "/api/v1/schools/{school}/people/import", Access::kSchool,
              Capability::kPeopleImport},
             [&ctx](Request& req) -> Result<HttpResponse> {
               const auto r = TRY(import_people_csv(ctx.db, ctx.clock, req.actor(), req.school->id,
                                                    req.raw.body()));
               return json_response(200, {{"created", r.created},
                                          {"updated", r.updated},
                                          {"unchanged", r.unchanged},
                                          {"links", r.links}});
             });
}

}  // namespace inloco::web
